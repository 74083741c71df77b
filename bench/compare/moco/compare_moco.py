#!/usr/bin/python3
"""NSGA-II generation time and exact hypervolume: Almab (C#) vs DEAP 1.3 (Debian python3-deap), one run, side by side.

Usage:  /usr/bin/python3 bench/compare/moco/compare_moco.py [--points 1000] [--generations 50] [--repeats 5]

Hypervolume: the same random point sets (numpy seed 7; a uniform cloud and a non-dominated "sphere" front, 2-D and
3-D, --points each) go to deap.tools._hypervolume.hv.hypervolume (Fonseca's C dimension sweep) and to Almab's
Hypervolume.Compute; best of --repeats in-process timings each (Almab after a warm-up call). Values must agree to 1e-12.
NSGA-II: one Bi-TSP-50 instance (coordinates from here), population 100; a generation = 100 offspring (binary
tournament, order crossover p = 0.9, inversion/swap mutation), 100 tour evaluations, selNSGA2 on parents + offspring.
DEAP uses its own operators (tools.selTournament on (rank, crowding) via selTournamentDCD, cxOrdered, mutShuffleIndexes
p = 2/n, numpy tour lengths); Almab its Nsga2 ask/tell. Time per generation (wall-clock and process CPU time), best of three runs of --generations.
Both sides are single-threaded. Prints a table with the ratios DEAP / Almab.
"""
import argparse
import json
import os
import random
import subprocess
import tempfile
import time

import numpy as np
from deap import base, creator, tools
from deap.tools._hypervolume import hv

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.join(HERE, "MocoCompare", "MocoCompare.csproj")


def point_sets(n, rng):
    sets = []
    for m in (2, 3):
        sets.append({"name": f"uniform-{m}d-{n}", "points": rng.random((n, m)), "reference": np.full(m, 1.0)})
        s = np.abs(rng.normal(size=(n, m)))
        s /= np.linalg.norm(s, axis=1, keepdims=True)
        sets.append({"name": f"front-{m}d-{n}", "points": s, "reference": np.full(m, 1.1)})
    return sets


def deap_hv(sets, repeats):
    out = {}
    for s in sets:
        best, value = float("inf"), None
        for _ in range(repeats):
            pts = s["points"].copy()
            t = time.perf_counter()
            value = hv.hypervolume(pts, s["reference"].copy())
            best = min(best, time.perf_counter() - t)
        out[s["name"]] = (value, best)
    return out


def deap_nsga2(coords, generations):
    n = coords.shape[1]
    d = [np.sqrt(((c[:, None, :] - c[None, :, :]) ** 2).sum(-1)) for c in coords]
    if not hasattr(creator, "FitTsp"):
        creator.create("FitTsp", base.Fitness, weights=(-1.0, -1.0))
        creator.create("Tour", list, fitness=creator.FitTsp)

    def evaluate(ind):
        a = np.asarray(ind)
        b = np.roll(a, -1)
        return float(d[0][a, b].sum()), float(d[1][a, b].sum())

    def mutate(ind):
        if random.random() < 0.5:
            i, j = sorted(random.sample(range(n), 2))
            ind[i:j + 1] = ind[i:j + 1][::-1]
        else:
            tools.mutShuffleIndexes(ind, 2.0 / n)
        return ind,

    best, best_cpu = float("inf"), float("inf")
    for rep in range(3):
        random.seed(rep)
        pop = [creator.Tour(random.sample(range(n), n)) for _ in range(100)]
        for ind in pop:
            ind.fitness.values = evaluate(ind)
        pop = tools.selNSGA2(pop, 100)
        t = time.perf_counter()
        c = time.process_time()
        for _ in range(generations):
            parents = tools.selTournamentDCD(pop, 100)
            off = [creator.Tour(p) for p in parents]
            for a, b in zip(off[::2], off[1::2]):
                if random.random() < 0.9:
                    tools.cxOrdered(a, b)
            for ind in off:
                mutate(ind)
                ind.fitness.values = evaluate(ind)
            pop = tools.selNSGA2(pop + off, 100)
        best = min(best, (time.perf_counter() - t) / generations)
        best_cpu = min(best_cpu, (time.process_time() - c) / generations)
    return best, best_cpu


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--points", type=int, default=1000)
    ap.add_argument("--generations", type=int, default=50)
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    rng = np.random.default_rng(7)
    sets = point_sets(args.points, rng)
    coords = rng.random((2, 50, 2))
    payload = {
        "repeats": args.repeats,
        "generations": args.generations,
        "hv": [{"name": s["name"], "points": s["points"].reshape(-1).tolist(), "reference": s["reference"].tolist()} for s in sets],
        "tsp": {"n": 50, "coordinates": [c.reshape(-1).tolist() for c in coords]},
    }
    subprocess.run(["dotnet", "build", PROJECT, "-c", "Release", "-v", "q", "-nologo"], check=True, stdout=subprocess.DEVNULL)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(payload, fh)
        path = fh.name
    try:
        almab = json.loads(subprocess.run(["dotnet", "run", "--no-build", "-c", "Release", "--project", PROJECT, "--", path],
                                          check=True, capture_output=True, text=True).stdout)
    finally:
        os.unlink(path)
    deap = deap_hv(sets, args.repeats)
    print(f"{'hypervolume set':<22}{'DEAP value':>22}{'Almab value':>22}{'rel diff':>10}{'DEAP s':>11}{'Almab s':>11}{'ratio':>8}")
    for a in almab["hv"]:
        dv, ds = deap[a["name"]]
        rel = abs(a["value"] - dv) / abs(dv)
        print(f"{a['name']:<22}{dv:>22.15g}{a['value']:>22.15g}{rel:>10.1e}{ds:>11.2e}{a['seconds']:>11.2e}{ds / a['seconds']:>8.1f}")
    dg, dc = deap_nsga2(coords, args.generations)
    ag, ac = almab["nsga2SecondsPerGeneration"], almab["nsga2CpuSecondsPerGeneration"]
    print(f"NSGA-II Bi-TSP-50 generation (pop 100), wall: DEAP {dg * 1e3:.3f} ms, Almab {ag * 1e3:.3f} ms, ratio {dg / ag:.1f}x")
    print(f"NSGA-II Bi-TSP-50 generation (pop 100), CPU:  DEAP {dc * 1e3:.3f} ms, Almab {ac * 1e3:.3f} ms, ratio {dc / ac:.1f}x")


if __name__ == "__main__":
    main()
