"""Reads ours.csv and optuna.csv (function,seed,best) and prints medians and Mann-Whitney p-values (scipy).

Two-sided p < 0.05 with our median above Optuna's would mean ours is significantly worse; the one-sided
p ("ours worse") is printed too.
"""
import csv
import sys

import numpy as np
from scipy.stats import mannwhitneyu


def load(path):
    out = {}
    with open(path) as fh:
        for row in csv.DictReader(fh):
            out.setdefault(row["function"], []).append(float(row["best"]))
    return out


ours, theirs = load(sys.argv[1]), load(sys.argv[2])
print(f"{'function':<12} {'n':>3} {'Almab median':>14} {'Optuna median':>14} {'p two-sided':>12} {'p ours worse':>13}  verdict")
worse = False
for name in ours:
    a, b = np.array(ours[name]), np.array(theirs[name])
    p2 = mannwhitneyu(a, b, alternative="two-sided").pvalue
    p_worse = mannwhitneyu(a, b, alternative="greater").pvalue
    significantly_worse = p2 < 0.05 and np.median(a) > np.median(b)
    worse |= significantly_worse
    verdict = "WORSE" if significantly_worse else ("better" if p2 < 0.05 else "no significant difference")
    print(f"{name:<12} {len(a):>3} {np.median(a):>14.6g} {np.median(b):>14.6g} {p2:>12.4g} {p_worse:>13.4g}  {verdict}")
sys.exit(1 if worse else 0)
