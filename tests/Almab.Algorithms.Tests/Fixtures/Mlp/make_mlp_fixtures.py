#!/usr/bin/python3
"""scikit-learn reference fixtures for Almab's MlpNetwork and AdamState (tests/.../Surrogates/Neural).

Run:  /usr/bin/python3 make_mlp_fixtures.py   (writes mlp.json here)

For each case a network with given hidden widths and activation gets fixed weights (drawn here, stored in Almab's
layout: per layer the fan_in x fan_out matrix row-major, then the bias). Recorded from scikit-learn's MLPRegressor
with exactly those weights: predictions at probes, the loss and its gradient (BaseMultilayerPerceptron._backprop,
squared error plus alpha ||W||^2 / (2n)), and the weights after `steps` full-batch Adam epochs (solver='adam',
batch_size=n, shuffle=False, no early stopping, learning_rate_init=lr) started from the same weights.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.neural_network import MLPRegressor

HERE = os.path.dirname(os.path.abspath(__file__))


def flat(coefs, intercepts):
    out = []
    for w, b in zip(coefs, intercepts):
        out.extend(w.ravel().tolist())
        out.extend(b.ravel().tolist())
    return out


def make(hidden, activation, alpha, n, d, steps, lr, seed):
    rng = np.random.default_rng(seed)
    x = rng.random((n, d))
    y = np.sin(4 * x[:, 0]) + 0.5 * x[:, -1] + 0.05 * rng.standard_normal(n)
    sizes = [d] + list(hidden) + [1]
    coefs = [rng.uniform(-0.8, 0.8, (a, b)) for a, b in zip(sizes[:-1], sizes[1:])]
    intercepts = [rng.uniform(-0.3, 0.3, b) for b in sizes[1:]]
    probe = rng.random((20, d))

    def build(max_iter):
        m = MLPRegressor(hidden_layer_sizes=tuple(hidden), activation=activation, alpha=alpha, solver="adam",
                         batch_size=n, shuffle=False, learning_rate_init=lr, max_iter=max_iter, tol=0.0,
                         n_iter_no_change=10 ** 9, early_stopping=False, warm_start=True, random_state=0)
        m._random_state = np.random.RandomState(0)
        m._initialize(y.reshape(-1, 1), sizes, np.float64)
        m.coefs_ = [c.copy() for c in coefs]
        m.intercepts_ = [b.copy() for b in intercepts]
        m.n_features_in_ = d
        return m

    m = build(1)
    predicted = m.predict(probe)
    activations = [x] + [None] * (len(sizes) - 1)
    deltas = [None] * (len(sizes) - 1)
    coef_grads = [np.empty((a, b)) for a, b in zip(sizes[:-1], sizes[1:])]
    intercept_grads = [np.empty(b) for b in sizes[1:]]
    loss, cg, ig = m._backprop(x, y.reshape(-1, 1), activations, deltas, coef_grads, intercept_grads)
    trained = build(steps)
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        trained.fit(x, y)
    assert trained.t_ == steps * n, trained.t_
    return dict(hidden=list(hidden), activation=activation, alpha=alpha, lr=lr, steps=steps, x=x.tolist(), y=y.tolist(),
                theta=flat(coefs, intercepts), probe=probe.tolist(), predicted=predicted.tolist(), loss=float(loss),
                gradient=flat(cg, ig), trained=flat(trained.coefs_, trained.intercepts_))


def main():
    cases = [make([8], "tanh", 1e-4, 15, 2, 30, 0.01, 1),
             make([6, 5], "relu", 1e-2, 25, 3, 40, 0.005, 2),
             make([16, 16], "tanh", 0.0, 40, 2, 60, 0.01, 3)]
    meta = dict(generator="make_mlp_fixtures.py", sklearn=sklearn.__version__, numpy=np.__version__)
    with open(os.path.join(HERE, "mlp.json"), "w") as fh:
        json.dump(dict(meta=meta, cases=cases), fh)


if __name__ == "__main__":
    main()
