#!/usr/bin/python3
"""DEAP reference values for Almab's multi-objective indicators (Debian python3-deap 1.3).

Independent of the C# code:
  * hypervolume: deap.tools._hypervolume.hv.hypervolume (Fonseca's dimension-sweep C code), minimization,
    for random point sets in 2..5 dimensions (ties, duplicates and points outside the reference included);
  * non-dominated sorting: deap.tools.sortNondominated (front index of every point);
  * crowding distance: deap.tools.emo.assignCrowdingDist on the first front (DEAP divides by m * range, Almab by range);
  * NSGA-II selection: deap.tools.selNSGA2 (the indices kept), only for sets whose cut is free of crowding ties.
Writes deap_indicators.json next to this script. Run: /usr/bin/python3 make_deap_fixtures.py
"""
import json
import os

import numpy as np
from deap import base, creator, tools
from deap.tools._hypervolume import hv
from deap.tools.emo import assignCrowdingDist

rng = np.random.default_rng(20261206)
cases = []


def individuals(points):
    m = points.shape[1]
    name = f"FitMin{m}"
    if not hasattr(creator, name):
        creator.create(name, base.Fitness, weights=(-1.0,) * m)
        creator.create(f"Ind{m}", list, fitness=getattr(creator, name))
    ind_cls = getattr(creator, f"Ind{m}")
    inds = []
    for i, p in enumerate(points):
        ind = ind_cls([i])
        ind.fitness.values = tuple(float(v) for v in p)
        inds.append(ind)
    return inds


def add_case(name, points, ref, select_k=None):
    points = np.asarray(points, dtype=float)
    ref = np.asarray(ref, dtype=float)
    inds = individuals(points)
    fronts = tools.sortNondominated(inds, len(inds), first_front_only=False)
    rank = [0] * len(inds)
    for f, front in enumerate(fronts):
        for ind in front:
            rank[ind[0]] = f
    first = sorted(fronts[0], key=lambda ind: ind[0])
    assignCrowdingDist(first)
    crowd = [ind.fitness.crowding_dist for ind in first]
    case = {
        "name": name,
        "m": int(points.shape[1]),
        "points": points.reshape(-1).tolist(),
        "reference": ref.tolist(),
        "hypervolume": float(hv.hypervolume(points.copy(), ref.copy())),
        "rank": rank,
        "first_front": [ind[0] for ind in first],
        "crowding_first_front_deap": [None if np.isinf(c) else float(c) for c in crowd],
    }
    if select_k is not None:
        chosen = tools.selNSGA2(individuals(points), select_k)
        case["select_k"] = select_k
        case["selected"] = sorted(ind[0] for ind in chosen)
    cases.append(case)


def cut_is_tie_free(points, k):
    inds = individuals(points)
    fronts = tools.sortNondominated(inds, len(inds), first_front_only=False)
    total = 0
    for front in fronts:
        if total + len(front) > k:
            assignCrowdingDist(front)
            d = sorted((ind.fitness.crowding_dist for ind in front), reverse=True)
            need = k - total
            return need == 0 or d[need - 1] != d[need]
        total += len(front)
    return True


for m, sizes in [(2, [1, 5, 20, 100, 400]), (3, [1, 6, 30, 200, 1000]), (4, [8, 25, 60]), (5, [10, 30])]:
    for n in sizes:
        pts = rng.random((n, m))
        add_case(f"uniform-m{m}-n{n}", pts, np.full(m, 1.0))
        # A front-like set: points near the unit sphere's positive orthant, mostly mutually non-dominated.
        s = np.abs(rng.normal(size=(n, m)))
        s = s / np.linalg.norm(s, axis=1, keepdims=True)
        add_case(f"sphere-m{m}-n{n}", s, np.full(m, 1.1))
    # Ties and duplicates on a coarse grid, and a reference that cuts some points off.
    g = np.round(rng.random((40, m)) * 4) / 4
    add_case(f"grid-m{m}", g, np.full(m, 1.0))
    add_case(f"cut-m{m}", rng.random((50, m)), np.full(m, 0.7))

for m in (2, 3):
    for n, k in [(40, 20), (100, 50), (200, 100)]:
        while True:
            pts = rng.random((n, m))
            if cut_is_tie_free(pts, k):
                break
        add_case(f"select-m{m}-n{n}-k{k}", pts, np.full(m, 1.0), select_k=k)

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "deap_indicators.json")
with open(out, "w") as fh:
    json.dump({"generator": "make_deap_fixtures.py", "deap": "1.3 (Debian python3-deap)", "cases": cases}, fh)
print(f"wrote {len(cases)} cases to {out}")
