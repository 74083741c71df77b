#!/usr/bin/python3
"""RF and MLP surrogate fit + predict: Almab vs scikit-learn, side by side in one run.

Usage:  /usr/bin/python3 bench/compare/surrogates/compare_surrogates.py [--n 200] [--repeats 5]

Data (fixed numpy seed): n points in [0, 1]^2, y = sin(6 x1) + x2^2 + N(0, 0.1^2); 1,000 probes.
RF: Almab RandomForestSurrogate (100 trees) vs RandomForestRegressor(n_estimators=100) (both: bootstrap,
all features, unlimited depth); predict = forest mean and the spread across trees (np.std of the estimators).
MLP: Almab MlpEnsembleSurrogate (5 members, 2 x 32 tanh, full-batch Adam lr 0.01, alpha 1e-4, `epochs` steps)
vs 5 MLPRegressor with the same settings (solver adam, batch_size = n, shuffle=False, max_iter = epochs,
tol = 0, n_iter_no_change large) and the member predictions averaged. Both single-threaded (sklearn's RF
n_jobs=None; the BLAS of the MLP may use its default threads).
Times are the best of `repeats` fit + predict runs (wall and process CPU seconds); the ratio is sklearn / Almab
(> 1: Almab faster). RMSE against the noise-free function at the probes shows both models learned the same thing.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import warnings

import numpy as np
from sklearn.ensemble import RandomForestRegressor
from sklearn.neural_network import MLPRegressor

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.join(HERE, "SurrogateCompare", "SurrogateCompare.csproj")


def f(x):
    return np.sin(6 * x[:, 0]) + x[:, 1] ** 2


def timed(fn, repeats):
    best_wall, best_cpu, out = float("inf"), float("inf"), None
    for _ in range(repeats):
        w, c = time.perf_counter(), time.process_time()
        out = fn()
        best_wall, best_cpu = min(best_wall, time.perf_counter() - w), min(best_cpu, time.process_time() - c)
    return best_wall, best_cpu, out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--epochs", type=int, default=400)
    args = ap.parse_args()
    rng = np.random.default_rng(42)
    x = rng.random((args.n, 2))
    y = f(x) + 0.1 * rng.standard_normal(args.n)
    probe = rng.random((1000, 2))
    truth = f(probe)
    cfg = dict(x=x.tolist(), y=y.tolist(), probe=probe.tolist(), truth=truth.tolist(), repeats=args.repeats,
               trees=100, members=5, epochs=args.epochs)

    env = dict(os.environ, DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1")
    print("building SurrogateCompare (Release)...", file=sys.stderr)
    subprocess.run(["dotnet", "build", PROJECT, "-c", "Release", "-nodeReuse:false", "-v", "q"], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "data.json")
        with open(path, "w") as fh:
            json.dump(cfg, fh)
        out = subprocess.run(["dotnet", "run", "--no-build", "-c", "Release", "--project", PROJECT, "--", path],
                             check=True, env=env, capture_output=True, text=True).stdout
    almab = {r["model"]: r for r in (json.loads(line) for line in out.splitlines() if line.startswith("{"))}

    def rf():
        m = RandomForestRegressor(n_estimators=100, random_state=0).fit(x, y)
        per_tree = np.array([e.predict(probe) for e in m.estimators_])
        return per_tree.mean(axis=0), per_tree.std(axis=0)

    def mlp():
        preds = []
        for k in range(5):
            m = MLPRegressor(hidden_layer_sizes=(32, 32), activation="tanh", solver="adam", alpha=1e-4, batch_size=args.n,
                             shuffle=False, learning_rate_init=0.01, max_iter=args.epochs, tol=0.0,
                             n_iter_no_change=10 ** 9, random_state=k)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                m.fit(x, y)
            preds.append(m.predict(probe))
        preds = np.array(preds)
        return preds.mean(axis=0), preds.std(axis=0)

    print(f"surrogate fit + predict, n = {args.n}, d = 2, 1000 probes, best of {args.repeats}")
    print(f"{'model':<6} {'sklearn s':>10} {'Almab s':>9} {'ratio':>7} {'sklearn cpu':>12} {'Almab cpu':>10} {'cpu ratio':>10} "
          f"{'sklearn RMSE':>13} {'Almab RMSE':>11}")
    for name, fn in (("rf", rf), ("mlp", mlp)):
        wall, cpu, (mean, _) = timed(fn, args.repeats)
        rmse = float(np.sqrt(np.mean((mean - truth) ** 2)))
        a = almab[name]
        print(f"{name:<6} {wall:>10.4f} {a['seconds']:>9.4f} {wall / a['seconds']:>6.2f}x {cpu:>12.4f} {a['cpu']:>10.4f} "
              f"{cpu / a['cpu']:>9.2f}x {rmse:>13.4f} {a['rmse']:>11.4f}", flush=True)


if __name__ == "__main__":
    main()
