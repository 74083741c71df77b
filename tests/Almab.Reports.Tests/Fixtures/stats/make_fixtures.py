"""Reference values for Almab.Reports statistics tests, computed with scipy.

Run with the Debian Python (scipy 1.10):  /usr/bin/python3 make_fixtures.py
Writes mannwhitneyu.json next to this script. Inputs are drawn from a fixed numpy seed and
rounded so that the JSON round-trips exactly.
"""
import json
import os

import numpy as np
import scipy
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20240611)


def sample(n, kind):
    if kind == "continuous":
        return [float(v) for v in np.round(rng.normal(size=n), 6)]
    if kind == "ties":
        return [float(v) for v in rng.integers(0, 5, size=n)]
    if kind == "shifted":
        return [float(v) for v in np.round(rng.normal(loc=0.8, size=n), 6)]
    raise ValueError(kind)


def mwu_cases():
    cases = []
    designs = [
        # (n1, n2, kind x, kind y, methods)
        (5, 7, "continuous", "shifted", ["auto", "exact", "asymptotic"]),
        (8, 8, "continuous", "continuous", ["auto", "exact", "asymptotic"]),
        (1, 6, "continuous", "continuous", ["auto", "asymptotic"]),
        (3, 12, "shifted", "continuous", ["auto", "exact", "asymptotic"]),
        (9, 9, "continuous", "shifted", ["auto", "exact", "asymptotic"]),
        (12, 20, "shifted", "continuous", ["auto", "exact", "asymptotic"]),
        (6, 6, "ties", "ties", ["auto", "exact"]),
        (15, 11, "ties", "ties", ["auto"]),
        (40, 55, "continuous", "shifted", ["auto"]),
        (200, 150, "ties", "ties", ["auto"]),
    ]
    for n1, n2, kx, ky, methods in designs:
        x, y = sample(n1, kx), sample(n2, ky)
        for method in methods:
            for alternative in ["two-sided", "less", "greater"]:
                for cont in [True, False]:
                    if method == "exact" and not cont:
                        continue  # continuity does not affect the exact test
                    r = stats.mannwhitneyu(x, y, use_continuity=cont, alternative=alternative, method=method)
                    cases.append({"x": x, "y": y, "alternative": alternative, "method": method,
                                  "use_continuity": cont, "U": float(r.statistic), "p": float(r.pvalue)})
    # Complete separation: the smallest exact p-values.
    x, y = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0], [8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0]
    for alternative in ["two-sided", "less", "greater"]:
        r = stats.mannwhitneyu(x, y, alternative=alternative, method="exact")
        cases.append({"x": x, "y": y, "alternative": alternative, "method": "exact",
                      "use_continuity": True, "U": float(r.statistic), "p": float(r.pvalue)})
    return cases


def main():
    out = {"generator": "make_fixtures.py", "scipy": scipy.__version__, "cases": mwu_cases()}
    with open(os.path.join(HERE, "mannwhitneyu.json"), "w") as f:
        json.dump(out, f, indent=1)
    print(len(out["cases"]), "Mann-Whitney cases")


if __name__ == "__main__":
    main()
