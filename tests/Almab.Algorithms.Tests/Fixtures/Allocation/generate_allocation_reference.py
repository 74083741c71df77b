#!/usr/bin/python3
"""Reference values for the ATA allocation tests (ATA paper, arXiv 2502.xxxx, sections 3, 7 and Appendix B).

Independent of the C# code:
  * ras_literal: Algorithm 8 (RAS) written literally, O(B * n) per call, with the line-9 cardinality tie rule.
  * ofta_expected_runtime: E[C(a)] = int_0^inf (1 - prod_i F_i(t)) dt, where worker i's busy time for a_i tasks
    is a_i * shift_i + Gamma(a_i, scale_i) (scipy numerical integration).
  * gta_runtime: Monte Carlo of GTA with numpy: the B-th smallest completion instant over all workers' cumulative
    task-time sums (every worker restarts at the round start; in-flight work is abandoned).
Writes allocation_reference.json next to this script.
"""
import json
import math
import os

import numpy as np
from scipy import integrate, stats


def ras_literal(s, B):
    n = len(s)
    order = sorted(range(n), key=lambda i: (s[i], i))
    ss = [s[i] for i in order]
    a = [0] * n
    for _ in range(B):
        r = next((i for i in range(n) if a[i] == 0), n - 1) + 1  # |[r]|, eq. (13)
        losses = []
        for j in range(r):
            a[j] += 1
            losses.append(max(a[i] * ss[i] for i in range(n)))
            a[j] -= 1
        best = min(losses)
        M = [j for j in range(r) if losses[j] == best]
        def card(j):
            a[j] += 1
            v = [a[i] * ss[i] for i in range(r)]
            m = max(v)
            c = sum(1 for x in v if x == m)
            a[j] -= 1
            return c
        j = min(M, key=lambda j: (card(j), j))
        a[j] += 1
    out = [0] * n
    for pos, i in enumerate(order):
        out[i] = a[pos]
    return out


def model(kind, n, c=29.0):
    scale = [c * math.sqrt(i) if kind == "sqrt" else c * i for i in range(1, n + 1)]
    return scale, scale  # shift = scale in sections 7 and 7.1


def expected_runtime(alloc, shift, scale):
    used = [(a, sh, sc) for a, sh, sc in zip(alloc, shift, scale) if a > 0]
    def survival(t):
        p = 1.0
        for a, sh, sc in used:
            p *= stats.gamma.cdf(t - a * sh, a, scale=sc)
        return 1.0 - p
    upper = max(a * sh + a * sc * 40 for a, sh, sc in used)
    lower = max(a * sh for a, sh, sc in used)
    v, _ = integrate.quad(survival, lower, upper, limit=500, epsabs=1e-9, epsrel=1e-11)
    return lower + v


def gta_runtime(shift, scale, B, rounds, rng):
    n = len(shift)
    sh = np.asarray(shift)[None, :, None]
    sc = np.asarray(scale)[None, :, None]
    out = np.empty(rounds)
    chunk = 2000
    for start in range(0, rounds, chunk):
        m = min(chunk, rounds - start)
        x = sh + rng.exponential(1.0, size=(m, n, B)) * sc
        finish = np.cumsum(x, axis=2).reshape(m, n * B)
        out[start:start + m] = np.partition(finish, B - 1, axis=1)[:, B - 1]
    return out


def main():
    rng = np.random.default_rng(20250217)
    settings = []
    for kind, n in [("sqrt", 17), ("sqrt", 51), ("linear", 17)]:
        shift, scale = model(kind, n)
        means = [a + b for a, b in zip(shift, scale)]
        alloc = ras_literal(means, 23)
        rt = gta_runtime(shift, scale, 23, 40000, rng)
        settings.append({
            "kind": kind, "workers": n, "tasks": 23,
            "ofta_allocation": alloc,
            "ofta_proxy_loss": max(a * m for a, m in zip(alloc, means)),
            "ofta_expected_runtime": expected_runtime(alloc, shift, scale),
            "ofta_expected_total_worker_time": sum(a * m for a, m in zip(alloc, means)),
            "gta_runtime_mean": float(rt.mean()),
            "gta_runtime_se": float(rt.std(ddof=1) / math.sqrt(len(rt))),
            "gta_rounds": len(rt),
        })
    # Section 7.2 setting: n = 20, B = 5, Exp(2i).
    means72 = [2.0 * i for i in range(1, 21)]
    doc = {
        "generator": "generate_allocation_reference.py (numpy %s, scipy)" % np.__version__,
        "settings": settings,
        "section72": {"means": means72, "tasks": 5, "ofta_allocation": ras_literal(means72, 5)},
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "allocation_reference.json")
    with open(path, "w") as f:
        json.dump(doc, f, indent=1)
    print(json.dumps(doc, indent=1))


if __name__ == "__main__":
    main()
