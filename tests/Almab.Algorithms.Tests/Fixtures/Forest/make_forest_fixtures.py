#!/usr/bin/python3
"""scikit-learn reference fixtures for Almab's RegressionTree and RandomForestSurrogate (tests/.../Surrogates/Forest).

Run:  /usr/bin/python3 make_forest_fixtures.py   (writes trees.json and forests.json here)

trees.json: DecisionTreeRegressor (squared error) on small random data sets, with sample weights and growth limits;
  predictions at the training points and at probes, node/leaf counts and depth. Almab grows the same tree
  (deterministic CART), so these compare to 1e-12. Ties between equal splits are broken differently (scikit-learn
  permutes features at random, and two features that cut a small node into the same two sets tie up to rounding),
  so the tree itself is stored too (per node: feature, threshold, value, weight, depth-first order as Almab's):
  the test accepts a different feature at a node only when it cuts that node's training samples into the same two
  sets (possibly as right/left instead of left/right, then the subtrees are compared crosswise).
forests.json: RandomForestRegressor with 500 trees on y = sin(6 x1) + x2^2 + noise; per probe the forest mean
  and the population variance across trees (np.var of estimators_ predictions). Forests are random, so Almab's
  test compares in distribution (the difference of two independent 500-tree means has a known spread).
"""
import json
import os

import numpy as np
import sklearn
from sklearn.ensemble import RandomForestRegressor
from sklearn.tree import DecisionTreeRegressor

HERE = os.path.dirname(os.path.abspath(__file__))


def f32(a):
    """scikit-learn trees compare float32 copies of X: inputs are made float32-representable so both sides agree."""
    return a.astype(np.float32).astype(np.float64)


def tree_cases():
    rng = np.random.default_rng(20261206)
    cases = []
    settings = [
        dict(n=12, d=2, max_depth=None, min_samples_split=2, min_samples_leaf=1, weighted=False),
        dict(n=30, d=3, max_depth=None, min_samples_split=2, min_samples_leaf=1, weighted=True),
        dict(n=40, d=3, max_depth=3, min_samples_split=2, min_samples_leaf=1, weighted=False),
        dict(n=60, d=4, max_depth=None, min_samples_split=6, min_samples_leaf=3, weighted=True),
        dict(n=200, d=2, max_depth=None, min_samples_split=2, min_samples_leaf=1, weighted=False),
    ]
    for s in settings:
        n, d = s["n"], s["d"]
        x = f32(rng.random((n, d)))
        y = np.sin(5 * x[:, 0]) + x[:, -1] ** 2 + 0.1 * rng.standard_normal(n)
        w = rng.integers(1, 4, n).astype(float) if s["weighted"] else np.ones(n)
        probe = f32(rng.random((50, d)))
        t = DecisionTreeRegressor(max_depth=s["max_depth"], min_samples_split=s["min_samples_split"],
                                  min_samples_leaf=s["min_samples_leaf"], random_state=0)
        t.fit(x, y, sample_weight=w)
        cases.append(dict(settings={k: v for k, v in s.items() if k not in ("n", "d")}, x=x.tolist(), y=y.tolist(),
                          w=w.tolist(), probe=probe.tolist(), fitted=t.predict(x).tolist(),
                          predicted=t.predict(probe).tolist(), node_count=int(t.tree_.node_count),
                          leaves=int(t.get_n_leaves()), depth=int(t.get_depth()),
                          tree_feature=t.tree_.feature.tolist(), tree_threshold=t.tree_.threshold.tolist(),
                          tree_value=t.tree_.value[:, 0, 0].tolist(), tree_left=t.tree_.children_left.tolist(),
                          tree_right=t.tree_.children_right.tolist(),
                          tree_weight=t.tree_.weighted_n_node_samples.tolist()))
    return cases


def forest_cases():
    rng = np.random.default_rng(7)
    cases = []
    for bootstrap, max_features in ((True, None), (False, 1)):
        n, d = 200, 2
        x = f32(rng.random((n, d)))
        y = np.sin(6 * x[:, 0]) + x[:, 1] ** 2 + 0.1 * rng.standard_normal(n)
        probe = f32(rng.random((40, d)))
        f = RandomForestRegressor(n_estimators=500, bootstrap=bootstrap, max_features=max_features, random_state=1)
        f.fit(x, y)
        per_tree = np.array([e.predict(probe) for e in f.estimators_])
        cases.append(dict(bootstrap=bootstrap, max_features=max_features, trees=500, x=x.tolist(), y=y.tolist(),
                          probe=probe.tolist(), mean=per_tree.mean(axis=0).tolist(),
                          variance=per_tree.var(axis=0).tolist()))
    return cases


def main():
    meta = dict(generator="make_forest_fixtures.py", sklearn=sklearn.__version__, numpy=np.__version__)
    with open(os.path.join(HERE, "trees.json"), "w") as fh:
        json.dump(dict(meta=meta, cases=tree_cases()), fh)
    with open(os.path.join(HERE, "forests.json"), "w") as fh:
        json.dump(dict(meta=meta, cases=forest_cases()), fh)


if __name__ == "__main__":
    main()
