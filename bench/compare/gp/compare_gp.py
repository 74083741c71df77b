#!/usr/bin/python3
"""GP hyperparameter-fit time: Almab's GaussianProcess vs scikit-learn's GaussianProcessRegressor.

Usage:  /usr/bin/python3 bench/compare/gp/compare_gp.py [--restarts 4] [--kernel Matern52] [--sizes 50,200,500]

Same data (generated here with a fixed numpy seed, d = 5), same kernel
(ConstantKernel * Matern/RBF with ARD + WhiteKernel  <->  Almab signal variance * kernel + noise),
same bounds, same initial hyperparameters, same number of random restarts (sklearn n_restarts_optimizer =
Almab Restarts), normalize_y=True <-> Mean=Constant + Standardize. Both sides are timed in-process
(perf_counter / Stopwatch, best of the given repeats; Almab after one warm-up fit so JIT is excluded).
The restart starting points differ (each side draws its own), so LMLs may differ where the likelihood is multimodal.
sklearn runs with the installed BLAS and its default threads; Almab is single-threaded.
Prints one table: n, both times, the ratio sklearn/Almab, and both log marginal likelihoods.
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
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import RBF, ConstantKernel, Matern, WhiteKernel

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.join(HERE, "GpCompare", "GpCompare.csproj")
NU = {"Matern12": 0.5, "Matern32": 1.5, "Matern52": 2.5}


def dataset(n, d, seed):
    rng = np.random.default_rng(seed)
    x = rng.random((n, d))
    y = np.sin(3.0 * x[:, 0]) + np.cos(5.0 * x[:, 1] * x[:, 2]) + (x[:, 3:] ** 2).sum(axis=1) + 0.05 * rng.standard_normal(n)
    return x, y


def sklearn_kernel(cfg, d):
    ls, lb = [cfg["initialLengthScale"]] * d, tuple(cfg["lengthScaleBounds"])
    base = RBF(ls, lb) if cfg["kernel"] == "SquaredExponential" else Matern(ls, lb, nu=NU[cfg["kernel"]])
    return (ConstantKernel(cfg["initialSignalVariance"], tuple(cfg["signalVarianceBounds"])) * base
            + WhiteKernel(cfg["initialNoiseVariance"], tuple(cfg["noiseVarianceBounds"])))


def run_sklearn(cfg, x, y, repeats, seed):
    best, gp = float("inf"), None
    for _ in range(repeats):
        gp = GaussianProcessRegressor(sklearn_kernel(cfg, x.shape[1]), alpha=0.0, normalize_y=cfg["normalizeY"],
                                      n_restarts_optimizer=cfg["restarts"], random_state=seed)
        t = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            gp.fit(x, y)
        best = min(best, time.perf_counter() - t)
    return best, float(gp.log_marginal_likelihood_value_)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--restarts", type=int, default=4)
    ap.add_argument("--kernel", default="Matern52", choices=["SquaredExponential", "Matern12", "Matern32", "Matern52"])
    ap.add_argument("--sizes", default="50,200,500")
    ap.add_argument("--dimension", type=int, default=5)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    cfg = {
        "kernel": args.kernel, "restarts": args.restarts, "normalizeY": True,
        "initialLengthScale": 0.5, "initialSignalVariance": 1.0, "initialNoiseVariance": 1e-2,
        "lengthScaleBounds": [1e-3, 1e3], "signalVarianceBounds": [1e-3, 1e3], "noiseVarianceBounds": [1e-8, 10.0],
    }
    sets = []
    for n in sizes:
        x, y = dataset(n, args.dimension, 1000 + n)
        sets.append({"n": n, "x": x.tolist(), "y": y.tolist(), "seed": 7 + n, "repeats": 5 if n <= 50 else 3 if n <= 200 else 1})

    env = dict(os.environ, DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1")
    print("building GpCompare (Release)...", file=sys.stderr)
    subprocess.run(["dotnet", "build", PROJECT, "-c", "Release", "-nodeReuse:false", "-v", "q"], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "gp_sets.json")
        with open(path, "w") as f:
            json.dump(dict(cfg, datasets=sets), f)
        out = subprocess.run(["dotnet", "run", "--no-build", "-c", "Release", "--project", PROJECT, "--", path],
                             check=True, env=env, capture_output=True, text=True).stdout
    almab = {r["n"]: r for r in (json.loads(line) for line in out.splitlines() if line.startswith("{"))}

    print(f"GP fit, d={args.dimension}, kernel={args.kernel}, restarts={args.restarts} (1 + {args.restarts} starts each), normalize_y")
    print(f"{'n':>5} {'sklearn s':>11} {'Almab s':>10} {'ratio':>8} {'sklearn LML':>14} {'Almab LML':>14} {'dLML':>10}")
    for s in sets:
        x, y = np.array(s["x"]), np.array(s["y"])
        t_sk, lml_sk = run_sklearn(cfg, x, y, s["repeats"], s["seed"])
        a = almab[s["n"]]
        print(f"{s['n']:>5} {t_sk:>11.4f} {a['seconds']:>10.4f} {t_sk / a['seconds']:>7.1f}x {lml_sk:>14.6f} {a['lml']:>14.6f} "
              f"{a['lml'] - lml_sk:>+10.2e}", flush=True)


if __name__ == "__main__":
    main()
