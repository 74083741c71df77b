"""Small fixed input for the SummaryTable tests, with reference statistics from numpy/scipy.

Run with the Debian Python:  /usr/bin/python3 make_summary_input.py
Writes tables/summary_input.json: the replicate records and, per (case, K, budget, noise, method),
n, mean, sd (ddof=1), median, quartiles (np.percentile linear), mean regret, and the two-sided
Mann-Whitney p-value against the reference with its Bonferroni adjustment over the group.
Names contain Markdown/LaTeX/CSV specials on purpose (escaping is part of the snapshot tests).
"""
import json
import os

import numpy as np
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(7)
REF = "ALMAB-DC (UCB)"

groups = [
    # case, K, budget, noise, regret defined, {method: (loc, scale, n)}
    ("case1_hpo", 4, 40, 0.1, True, {"Grid Search": (0.880, 0.008, 12), "Random|Search": (0.925, 0.007, 12),
                                      "TPE, \"tuned\"": (0.929, 0.006, 12), REF: (0.930, 0.004, 12)}),
    ("dose & response", 1, 20, 0.0, False, {REF: (0.60, 0.05, 7), "Equal Spacing": (0.95, 0.10, 6),
                                            "D-optimal [5%]": (0.505, 0.08, 7)}),
]

records, expected = [], []
for case, k, budget, noise, regret_defined, methods in groups:
    values = {}
    for method, (loc, scale, n) in methods.items():
        v = np.round(rng.normal(loc, scale, size=n), 4)
        values[method] = v
        for i, x in enumerate(v):
            records.append({"case": case, "method": method, "workers": k, "budget": budget, "noise": noise,
                            "replicate": i, "final_metric": float(x),
                            "cumulative_regret": float(np.round(20 * (1 - x), 3)) if regret_defined else None,
                            "virtual_seconds": float(100 + 10 * i + budget), "compute_seconds": float(0.25 * (i % 3) + 0.5)})
    others = [m for m in methods if m != REF]
    raw = [stats.mannwhitneyu(values[m], values[REF], alternative="two-sided").pvalue for m in others]
    adj = [min(1.0, len(raw) * p) for p in raw]
    for method, v in values.items():
        e = {"case": case, "workers": k, "budget": budget, "noise": noise, "method": method, "n": len(v),
             "mean": float(np.mean(v)), "sd": float(np.std(v, ddof=1)), "median": float(np.median(v)),
             "q1": float(np.percentile(v, 25)), "q3": float(np.percentile(v, 75)),
             "regret": float(np.mean(np.round(20 * (1 - v), 3))) if regret_defined else None}
        if method != REF:
            j = others.index(method)
            e["p"], e["p_adjusted"] = float(raw[j]), float(adj[j])
        expected.append(e)

os.makedirs(os.path.join(HERE, "tables"), exist_ok=True)
with open(os.path.join(HERE, "tables", "summary_input.json"), "w") as f:
    json.dump({"generator": "make_summary_input.py", "reference": REF, "records": records, "expected": expected}, f, indent=1)
for e in expected:
    print(e["case"], e["method"], round(e["mean"], 4), e.get("p"), e.get("p_adjusted"))
