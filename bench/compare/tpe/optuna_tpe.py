"""Optuna's TPE (TPESampler(seed=s), defaults) on the comparison functions; prints "function,seed,best".

Usage: /usr/bin/python3 optuna_tpe.py [trials] [seeds]   (the Debian Python with optuna 3.1)
The functions are the same definitions as TpeCompare/Program.cs and src/.../Objectives/TestFunctions.
"""
import math
import sys

import numpy as np
import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)

HARTMANN_A = np.array([[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14],
                       [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]])
HARTMANN_P = 1e-4 * np.array([[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
                              [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]])
HARTMANN_ALPHA = np.array([1.0, 1.2, 3.0, 3.2])


def branin(t):
    x1, x2 = t.suggest_float("x1", -5, 10), t.suggest_float("x2", 0, 15)
    b, c, r = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    return (x2 - b * x1 * x1 + c * x1 - 6) ** 2 + 10 * (1 - r) * math.cos(x1) + 10


def hartmann6(t):
    x = np.array([t.suggest_float(f"x{i + 1}", 0, 1) for i in range(6)])
    return float(-np.sum(HARTMANN_ALPHA * np.exp(-np.sum(HARTMANN_A * (x - HARTMANN_P) ** 2, axis=1))))


def rosenbrock4(t):
    x = [t.suggest_float(f"x{i + 1}", -5, 10) for i in range(4)]
    return sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (x[i] - 1) ** 2 for i in range(3))


def mixed(t):
    lr = t.suggest_float("lr", 1e-5, 1, log=True)
    layers = t.suggest_int("layers", 1, 8)
    units = t.suggest_int("units", 8, 512, log=True)
    act = t.suggest_categorical("act", ["relu", "tanh", "sigmoid"])
    return (math.log10(lr) + 3) ** 2 + 0.3 * (layers - 3) ** 2 + (math.log2(units) - 7) ** 2 / 4 + \
        {"relu": 0, "tanh": 0.7, "sigmoid": 1.5}[act]


def main():
    trials = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    seeds = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    print("function,seed,best")
    for name, f in [("branin", branin), ("hartmann6", hartmann6), ("rosenbrock4", rosenbrock4), ("mixed", mixed)]:
        for s in range(seeds):
            study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=s))
            study.optimize(f, n_trials=trials)
            print(f"{name},{s},{study.best_value!r}", flush=True)


if __name__ == "__main__":
    main()
