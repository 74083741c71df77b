#!/usr/bin/python3
"""Reference values for the survey bandit tests (run with /usr/bin/python3; needs python3-numpy).

whittle: Whittle indices of two-state restless arms by an independent method: value iteration on the subsidized
MDP (tolerance 1e-13) and bisection on the subsidy (80 halvings). linucb: the ridge solution
(lambda I + X^T X)^-1 X^T y and the LinUCB index on a seeded random data set, by numpy.linalg.solve.
"""
import json
import numpy as np


def value_iteration(pa, pp, ra, rp, beta, lam):
    v = np.zeros(2)
    while True:
        qa = ra + beta * (pa @ v)
        qp = rp + lam + beta * (pp @ v)
        nv = np.maximum(qa, qp)
        if np.max(np.abs(nv - v)) < 1e-13:
            return nv
        v = nv


def whittle(arm, state, beta):
    p1a, p1p, ra, rp = arm["activeToOne"], arm["passiveToOne"], np.array(arm["activeReward"]), np.array(arm["passiveReward"])
    pa = np.array([[1 - p1a[0], p1a[0]], [1 - p1a[1], p1a[1]]])
    pp = np.array([[1 - p1p[0], p1p[0]], [1 - p1p[1], p1p[1]]])
    lo, hi = -50.0, 50.0
    for _ in range(80):
        lam = 0.5 * (lo + hi)
        v = value_iteration(pa, pp, ra, rp, beta, lam)
        adv = (ra[state] + beta * pa[state] @ v) - (rp[state] + lam + beta * pp[state] @ v)
        if adv > 0:
            lo = lam
        else:
            hi = lam
    return 0.5 * (lo + hi)


arms = [
    {"activeToOne": [0.9, 0.1], "passiveToOne": [0.0, 0.0], "activeReward": [0.4, 1.0], "passiveReward": [0.0, 0.0]},
    {"activeToOne": [0.3, 0.8], "passiveToOne": [0.2, 0.6], "activeReward": [0.1, 0.9], "passiveReward": [0.0, 0.05]},
    {"activeToOne": [0.5, 0.5], "passiveToOne": [0.7, 0.9], "activeReward": [0.2, 0.6], "passiveReward": [0.0, 0.0]},
]
whittle_cases = []
for arm in arms:
    for beta in (0.5, 0.9):
        whittle_cases.append({**arm, "beta": beta, "index": [whittle(arm, 0, beta), whittle(arm, 1, beta)]})

rng = np.random.default_rng(20261206)
d, n, lam, alpha = 4, 25, 0.7, 0.8
X = rng.normal(size=(n, d))
y = X @ np.array([0.5, -1.0, 0.25, 2.0]) + 0.1 * rng.normal(size=n)
A = lam * np.eye(d) + X.T @ X
theta = np.linalg.solve(A, X.T @ y)
x = rng.normal(size=d)
index = float(theta @ x + alpha * np.sqrt(x @ np.linalg.solve(A, x)))
linucb = {"lambda": lam, "alpha": alpha, "X": X.tolist(), "y": y.tolist(), "theta": theta.tolist(), "x": x.tolist(), "index": index}

with open("bandit_reference.json", "w") as f:
    json.dump({"whittle": whittle_cases, "linucb": linucb}, f, indent=1)
