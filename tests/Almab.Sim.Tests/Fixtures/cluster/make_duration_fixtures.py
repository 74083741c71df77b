"""Reference CDF values, means and variances of Almab's duration families (scipy.stats).

Run with the Debian Python: /usr/bin/python3 make_duration_fixtures.py > durations.json
"""
import json
import math

from scipy import stats

cases = {
    "exponential_2.5": stats.expon(scale=2.5),
    "shifted_29_29": stats.expon(loc=29.0, scale=29.0),
    "gamma_0.4_3": stats.gamma(a=0.4, scale=3.0),
    "gamma_2.5_1.2": stats.gamma(a=2.5, scale=1.2),
    "lognormal_0.3_0.8": stats.lognorm(s=0.8, scale=math.exp(0.3)),
    "pareto_2_3": stats.pareto(b=3.0, scale=2.0),
    "pareto_1_1.5": stats.pareto(b=1.5, scale=1.0),
}

out = {}
for name, dist in cases.items():
    qs = [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99]
    xs = [float(dist.ppf(q)) for q in qs] + [float(dist.mean()) * 0.5, float(dist.mean()) * 2.0]
    out[name] = {
        "mean": float(dist.mean()),
        "variance": float(dist.var()) if math.isfinite(dist.var()) else "inf",
        "x": xs,
        "cdf": [float(dist.cdf(x)) for x in xs],
    }

print(json.dumps(out, indent=1, sort_keys=True))
