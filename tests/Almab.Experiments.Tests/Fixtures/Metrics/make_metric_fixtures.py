#!/usr/bin/python3
"""Reference values for Almab's case metrics from scikit-learn's GaussianProcessRegressor with fixed kernels:
case 5 IPV (Matern-3/2, length-scale 0.35, variance 1, noise 0.2 on the 8x8 cell-centre grid) after a sequence of
locations, and case 4 posterior means (RBF, length-scale 1.5, variance 0.9, noise 0.18) over the 33 doses.
Run: /usr/bin/python3 make_metric_fixtures.py > metric_reference.json"""
import json
import numpy as np
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import ConstantKernel, Matern, RBF

rng = np.random.default_rng(7)
g = (np.arange(8) + 0.5) / 8
S = np.array([(a, b) for a in g for b in g])
idx = [0, 7, 56, 63] + [int(i) for i in rng.integers(0, 64, 12)]
ipv = []
for t in range(1, len(idx) + 1):
    X = S[idx[:t]]
    gp = GaussianProcessRegressor(ConstantKernel(1.0, "fixed") * Matern(0.35, "fixed", nu=1.5), alpha=0.2**2, optimizer=None)
    gp.fit(X, np.zeros(t))
    _, sd = gp.predict(S, return_std=True)
    ipv.append(float(np.mean(sd**2)))

doses = np.arange(33) * 0.25
obs_idx = [0, 8, 22, 32] + [int(i) for i in rng.integers(0, 33, 10)]
obs_y = [float(v) for v in rng.choice([-0.5, 0.0, 0.5, 1.0], len(obs_idx))]
gp = GaussianProcessRegressor(ConstantKernel(0.9, "fixed") * RBF(1.5, "fixed"), alpha=0.18**2, optimizer=None)
gp.fit(doses[obs_idx].reshape(-1, 1), np.array(obs_y))
mean = gp.predict(doses.reshape(-1, 1))
print(json.dumps({"ipv": {"indices": idx, "values": ipv},
                  "dose": {"indices": obs_idx, "utilities": obs_y, "posteriorMean": [float(m) for m in mean]}}, indent=1))
