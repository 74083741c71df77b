"""Reference values for Almab.Reports.Statistics.Proportions (Wilson interval, pooled two-proportion z-test).

Run with Debian's scipy: /usr/bin/python3 make_proportion_fixtures.py > proportions.json
"""
import json
import math

import numpy as np
from scipy.stats import binomtest, chi2_contingency, norm

wilson = []
for k, n, level in [(0, 10, 0.95), (3, 10, 0.95), (10, 10, 0.95), (137, 1000, 0.95), (512, 1000, 0.99), (1, 2, 0.9), (999, 1000, 0.95)]:
    ci = binomtest(k, n).proportion_ci(confidence_level=level, method="wilson")
    wilson.append({"x": k, "n": n, "level": level, "lower": ci.low, "upper": ci.high})

ztest = []
for x1, n1, x2, n2 in [(137, 1000, 180, 1000), (50, 100, 40, 120), (0, 1000, 3, 1000), (999, 1000, 990, 1000), (30, 40, 12, 35)]:
    p = (x1 + x2) / (n1 + n2)
    z = (x1 / n1 - x2 / n2) / math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))
    chi2, p_two, _, _ = chi2_contingency(np.array([[x1, n1 - x1], [x2, n2 - x2]]), correction=False)
    assert abs(chi2 - z * z) < 1e-9 * max(1, chi2)
    ztest.append({"x1": x1, "n1": n1, "x2": x2, "n2": n2, "z": z, "two_sided": p_two,
                  "greater": norm.sf(z), "less": norm.cdf(z)})

print(json.dumps({"source": "scipy " + __import__("scipy").__version__, "cases": {"wilson": wilson, "ztest": ztest}}, indent=1))
