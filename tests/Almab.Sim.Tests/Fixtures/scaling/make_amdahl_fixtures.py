"""Reference Amdahl fits from scipy.optimize.curve_fit (Debian python3-scipy 1.10).

Run with /usr/bin/python3 from this folder; writes amdahl_fits.json.
Model: S(K) = 1 / (p + (1 - p) (1 + alpha K^beta) / K); unbounded Levenberg-Marquardt,
standard errors from pcov with absolute_sigma=False (s^2 = RSS / (n - m)).
"""
import json
import numpy as np
from scipy.optimize import curve_fit


def amdahl_p(k, p):
    return 1.0 / (p + (1.0 - p) / k)


def amdahl_full(k, p, a, b):
    return 1.0 / (p + (1.0 - p) * (1.0 + a * k ** b) / k)


cases = []
# Case 1-like measurements: K in {1, 2, 4, 8, 16}, the paper's speedups (1.95x, 3.90x, ~5.5x, 7.5x).
k1 = np.array([1, 2, 4, 8, 16], dtype=float)
s1 = np.array([1.0, 1.95, 3.90, 5.6, 7.5])
popt, pcov = curve_fit(amdahl_p, k1, s1, p0=[0.1], method="lm", xtol=1e-15, ftol=1e-15, gtol=1e-15, maxfev=100000)
cases.append(dict(name="paper-case1-like", overhead=False, workers=k1.tolist(), speedups=s1.tolist(),
                  params=popt.tolist(), se=np.sqrt(np.diag(pcov)).tolist(),
                  rss=float(np.sum((amdahl_p(k1, *popt) - s1) ** 2))))

# Simulated measurements with overhead, deterministic perturbation.
rng = np.random.default_rng(20261123)
k2 = np.array([1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64], dtype=float)
s2 = amdahl_full(k2, 0.05, 0.02, 0.8) * (1 + 0.01 * rng.standard_normal(k2.size))
popt, pcov = curve_fit(amdahl_full, k2, s2, p0=[0.1, 0.01, 1.0], method="lm", xtol=1e-15, ftol=1e-15, gtol=1e-15, maxfev=100000)
cases.append(dict(name="simulated-overhead", overhead=True, workers=k2.tolist(), speedups=s2.tolist(),
                  params=popt.tolist(), se=np.sqrt(np.diag(pcov)).tolist(),
                  rss=float(np.sum((amdahl_full(k2, *popt) - s2) ** 2))))
popt, pcov = curve_fit(amdahl_p, k2, s2, p0=[0.1], method="lm", xtol=1e-15, ftol=1e-15, gtol=1e-15, maxfev=100000)
cases.append(dict(name="simulated-p-only", overhead=False, workers=k2.tolist(), speedups=s2.tolist(),
                  params=popt.tolist(), se=np.sqrt(np.diag(pcov)).tolist(),
                  rss=float(np.sum((amdahl_p(k2, *popt) - s2) ** 2))))

with open("amdahl_fits.json", "w") as f:
    json.dump(dict(generator="scipy.optimize.curve_fit " + __import__("scipy").__version__, cases=cases), f, indent=1)
print(json.dumps(cases, indent=1)[:1500])
