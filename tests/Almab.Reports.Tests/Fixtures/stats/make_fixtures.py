"""Reference values for Almab.Reports statistics tests, computed with scipy.

Run with the Debian Python (scipy 1.10):  /usr/bin/python3 make_fixtures.py
Writes mannwhitneyu.json, wilcoxon.json, effectsize.json, bootstrap.json,
friedman.json, studentized_range.json and studentized_range_tail.json next to this script. Inputs are drawn from a fixed numpy seed and
rounded so that the JSON round-trips exactly.
"""
import json
import os
import warnings

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


def wilcoxon_cases():
    """scipy 1.10 goes exact with tied |d| (truncating R+); Almab's Auto does not, so tied designs
    are generated with method="approx" only, and forced "exact" only where scipy also means it."""
    cases = []
    designs = [
        # (n, kind, methods)
        (7, "continuous", ["auto", "exact", "approx"]),
        (12, "continuous", ["auto", "exact", "approx"]),
        (30, "continuous", ["auto", "approx"]),
        (50, "continuous", ["auto"]),
        (51, "continuous", ["auto", "exact"]),
        (80, "continuous", ["auto"]),
        (15, "ties", ["approx"]),      # tied |d| and zeros
        (60, "ties", ["auto", "approx"]),
        (9, "zeros", ["auto", "exact", "approx"]),  # zeros force the approximation
    ]
    for n, kind, methods in designs:
        if kind == "continuous":
            x = [float(v) for v in np.round(rng.normal(size=n), 6)]
            y = [float(v) for v in np.round(rng.normal(loc=0.3, size=n), 6)]
        elif kind == "ties":
            x = [float(v) for v in rng.integers(0, 6, size=n)]
            y = [float(v) for v in rng.integers(0, 5, size=n)]
        else:
            x = [float(v) for v in np.round(rng.normal(size=n), 3)]
            y = list(x)
            for i in range(3, n):
                y[i] = float(np.round(x[i] + rng.normal(loc=0.5), 3))
        for method in methods:
            for zero_method in ["wilcox", "pratt", "zsplit"]:
                for correction in [False, True]:
                    if method == "exact" and (correction or zero_method != "wilcox") and kind != "zeros":
                        continue  # irrelevant to the exact test
                    for alternative in ["two-sided", "less", "greater"]:
                        with warnings.catch_warnings():
                            warnings.simplefilter("ignore")
                            r = stats.wilcoxon(x, y, zero_method=zero_method, correction=correction,
                                               alternative=alternative, method=method)
                        cases.append({"x": x, "y": y, "alternative": alternative, "method": method,
                                      "zero_method": zero_method, "correction": correction,
                                      "statistic": float(r.statistic), "p": float(r.pvalue)})
    return cases


def effect_size_cases():
    """A12 and Cliff's delta by brute force over all pairs (independent of ranks)."""
    cases = []
    for n1, n2, kind in [(5, 7, "continuous"), (20, 13, "ties"), (1, 4, "ties"), (50, 50, "shifted")]:
        x, y = sample(n1, kind), sample(n2, "ties" if kind == "ties" else "continuous")
        xa, ya = np.array(x)[:, None], np.array(y)[None, :]
        gt, eq, lt = (xa > ya).mean(), (xa == ya).mean(), (xa < ya).mean()
        cases.append({"x": x, "y": y, "a12": float(gt + 0.5 * eq), "cliffs_delta": float(gt - lt)})
    return cases


def bootstrap_cases():
    """BCa and percentile intervals from FIXED bootstrap replicates (Almab's generator differs from
    numpy's, so the replicates are part of the fixture): scipy's own _bca_interval and percentile code."""
    from scipy.stats._resampling import _bca_interval, _percentile_along_axis
    cases = []
    designs = [(25, "normal", "mean", 0.95), (40, "lognormal", "mean", 0.90), (31, "lognormal", "median", 0.95),
               (18, "exponential", "median", 0.99), (60, "exponential", "mean", 0.95)]
    for n, dist, stat, level in designs:
        if dist == "normal":
            data = rng.normal(size=n)
        elif dist == "lognormal":
            data = rng.lognormal(sigma=0.8, size=n)
        else:
            data = rng.exponential(size=n)
        data = np.round(data, 6)
        f = np.mean if stat == "mean" else np.median
        idx = rng.integers(0, n, size=(999, n))
        theta_b = f(data[idx], axis=-1)
        alpha = (1 - level) / 2
        a1, a2, a_hat = _bca_interval((data,), f, axis=-1, alpha=alpha, theta_hat_b=theta_b, batch=None)
        theta_hat = f(data)
        pct = ((theta_b < theta_hat).sum() + (theta_b <= theta_hat).sum()) / (2 * len(theta_b))
        cases.append({"data": [float(v) for v in data], "statistic": stat, "level": level,
                      "replicates": [float(v) for v in theta_b],
                      "z0": float(stats.norm.ppf(pct)), "a": float(a_hat), "alpha1": float(a1), "alpha2": float(a2),
                      "bca_lower": float(_percentile_along_axis(theta_b, a1 * 100)),
                      "bca_upper": float(_percentile_along_axis(theta_b, a2 * 100)),
                      "percentile_lower": float(np.percentile(theta_b, alpha * 100)),
                      "percentile_upper": float(np.percentile(theta_b, (1 - alpha) * 100))})
    return cases


def friedman_cases():
    """Friedman chi-square with ties (rows = blocks, columns = treatments)."""
    cases = []
    for n, k, kind in [(10, 3, "continuous"), (7, 4, "ties"), (25, 5, "continuous"), (12, 6, "ties"), (40, 3, "ties")]:
        if kind == "continuous":
            table = np.round(rng.normal(size=(n, k)) + np.linspace(0, 0.8, k), 6)
        else:
            table = rng.integers(0, 4, size=(n, k)).astype(float)
        r = stats.friedmanchisquare(*table.T)
        cases.append({"blocks": table.tolist(), "statistic": float(r.statistic), "p": float(r.pvalue)})
    return cases


def studentized_range_cases():
    """CDF and quantiles of the range of k standard normals (df = infinity)."""
    cases = []
    for k in [2, 3, 4, 5, 7, 10, 15, 20]:
        for q in [0.3, 1.0, 2.5, 3.5, 5.0]:
            cases.append({"k": k, "q": q, "cdf": float(stats.studentized_range.cdf(q, k, np.inf))})
        for p in [0.90, 0.95, 0.99]:
            cases.append({"k": k, "p": p, "quantile": float(stats.studentized_range.ppf(p, k, np.inf))})
    return cases


def studentized_range_tail_cases():
    """CDF and upper tail of the range of k standard normals from the defining integral
    k * int phi(z) (Phi(z + q) - Phi(z))^(k-1) dz evaluated with mpmath at 40 digits (independent of scipy,
    whose sf is 1 - cdf and loses the far tail)."""
    import mpmath as mp
    mp.mp.dps = 40
    cases = []
    for k in [2, 3, 5, 10, 20]:
        for q in [1.0, 3.0, 5.0, 7.0, 9.0, 12.0]:
            f = lambda z: mp.npdf(z) * (mp.ncdf(z + q) - mp.ncdf(z)) ** (k - 1)
            cdf = k * mp.quad(f, [-mp.inf, -q / 2 - 6, -q / 2, -q / 2 + 6, 0, 6, mp.inf])
            cases.append({"k": k, "q": q, "cdf": float(cdf), "sf": float(1 - cdf)})
    return cases


def write(name, cases):
    out = {"generator": "make_fixtures.py", "scipy": scipy.__version__, "cases": cases}
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(out, f, indent=1)
    print(len(cases), "cases in", name)


def main():
    write("mannwhitneyu.json", mwu_cases())
    write("wilcoxon.json", wilcoxon_cases())
    write("effectsize.json", effect_size_cases())
    write("bootstrap.json", bootstrap_cases())
    write("friedman.json", friedman_cases())
    write("studentized_range.json", studentized_range_cases())
    write("studentized_range_tail.json", studentized_range_tail_cases())


if __name__ == "__main__":
    main()
