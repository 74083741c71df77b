#!/usr/bin/python3
"""Reference values for SurveyStatisticsTests (run with Debian's /usr/bin/python3: scipy + numpy).

OLS slope with its 95 % t interval: scipy.stats.linregress (slope, stderr) and t.ppf(0.975, n - 2).
Paired ratio of means with the ratio estimator's normal interval (Cochran 6.3), computed here with numpy.
"""
import numpy as np
from scipy import stats

x = np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0])
y = np.array([2.1, 3.9, 6.2, 7.8, 10.1, 12.3, 13.8, 16.4])
r = stats.linregress(x, y)
t = stats.t.ppf(0.975, len(x) - 2)
print(f"slope {r.slope!r} intercept {r.intercept!r} lower {r.slope - t * r.stderr!r} upper {r.slope + t * r.stderr!r}")

a = np.array([3.0, 5.0, 4.0, 6.0, 8.0, 7.0])
b = np.array([2.0, 3.0, 3.5, 4.0, 5.0, 6.5])
ratio = a.mean() / b.mean()
cov = np.cov(a, b, ddof=1)
var = (cov[0, 0] - 2 * ratio * cov[0, 1] + ratio ** 2 * cov[1, 1]) / (len(a) * b.mean() ** 2)
z = stats.norm.ppf(0.975)
print(f"ratio {ratio!r} lower {ratio - z * np.sqrt(var)!r} upper {ratio + z * np.sqrt(var)!r}")
