#!/usr/bin/python3
"""Reference values for Almab.Reports figure tests.

Run with the Debian python: /usr/bin/python3 make_figure_fixtures.py
Writes viridis.json (matplotlib's viridis at 101 points, to check the colour map ScottPlot's heatmaps use) and
fits.json (scipy curve_fit Amdahl fits, numpy polyfit exponential-gap fits) in this folder.
"""
import json, os
import numpy as np
from matplotlib import cm
from scipy.optimize import curve_fit

here = os.path.dirname(os.path.abspath(__file__))

# ---- viridis --------------------------------------------------------------------------
vir = cm.get_cmap('viridis')
t = np.linspace(0, 1, 101)
json.dump({'t': t.tolist(), 'rgb': vir(t)[:, :3].tolist()}, open(os.path.join(here, 'viridis.json'), 'w'))

# ---- fits -----------------------------------------------------------------------------
fits = {'amdahl': [], 'expgap': []}
def amdahl(k, p):
    return 1.0 / (p + (1.0 - p) / k)
for ks, s in [([1, 2, 4, 8, 16], [1.0, 1.86, 3.4, 5.3, 7.5]),
              ([1, 2, 4, 8, 16], [1.0, 1.8, 3.1, 4.6, 5.8]),
              ([1, 2, 3, 4, 6, 8], [1.0, 1.98, 2.9, 3.85, 5.5, 7.1]),
              ([2, 4, 8, 16, 32], [1.5, 2.1, 2.5, 2.7, 2.8])]:
    popt, _ = curve_fit(amdahl, np.array(ks, float), np.array(s), p0=[0.1], bounds=(0, 1), xtol=1e-14, ftol=1e-14, gtol=1e-14)
    fits['amdahl'].append({'k': ks, 'speedup': s, 'p': float(popt[0])})
rng = np.random.default_rng(7)
for a, c, lam in [(0.93, 0.4, 0.08), (0.95, 0.3, 0.15), (1.0, 2.0, 0.02)]:
    tt = np.arange(1, 61, dtype=float)
    f = a - c * np.exp(-lam * tt) * np.exp(rng.normal(0, 0.05, tt.size))
    slope, intercept = np.polyfit(tt, np.log(a - f), 1)
    pred = intercept + slope * tt
    y = np.log(a - f)
    r2 = 1 - np.sum((y - pred) ** 2) / np.sum((y - y.mean()) ** 2)
    fits['expgap'].append({'asymptote': a, 't': tt.tolist(), 'f': f.tolist(), 'lambda': float(-slope),
                           'c': float(np.exp(intercept)), 'r2': float(r2)})
json.dump(fits, open(os.path.join(here, 'fits.json'), 'w'), indent=1)
print('ok')
