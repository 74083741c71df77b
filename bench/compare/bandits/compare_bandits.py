#!/usr/bin/python3
"""Bandit decisions per second: Almab's policies vs a straightforward NumPy version of the same policy, side by side.

Usage:  /usr/bin/python3 bench/compare/bandits/compare_bandits.py [--sizes 1000,100000] [--policies ucb1,ts,linucb,linucb-dense,linucb-mature,cucb]
        [--federated]   (also times the federated run at N = 64 agents, 10^5 rounds per agent, P = 10 and P = 1)

A decision is select + update with a Bernoulli reward of mean 0.5 + 0.4 i / N (CUCB: one round of m = 10 arms, each
updated; LinUCB: d = 20, a fresh uniform context per decision, alpha = 1, lambda = 1, Sherman-Morrison update of the
chosen arm's A^-1; linucb-dense first updates every arm once on the Almab side, so no arm still shares the prior's
index; linucb-mature updates every arm d = 20 times first, so every arm's A has full-rank updates and Almab keeps it
as a dense inverse: the full O(K d^2) per decision). The NumPy versions are vectorized over arms (no Python loop over arms), as a user would write them.
Both sides run single-threaded (OPENBLAS/OMP threads = 1 for NumPy) in this process's environment, one after the other
for each row, so the ratio is measured under the same machine load. Prints decisions/s (wall) of both, their ratio, CPU seconds of each, and the ratio of decisions per CPU second (the
robust one on a loaded machine: it does not count time spent waiting for a core).
"""
import argparse
import os
import subprocess
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.join(HERE, "BanditCompare", "BanditCompare.csproj")


def decisions_for(policy, n):
    if policy.startswith("linucb"):
        return 2000 if n <= 1000 else 20
    return 20000 if n <= 1000 else 1000


def numpy_policy(policy, n, decisions, seed=1):
    if policy in ("linucb-dense", "linucb-mature"):
        policy = "linucb"  # the NumPy version's cost per decision does not depend on how many arms were updated
    rng = np.random.default_rng(seed)
    means = 0.5 + 0.4 * np.arange(n) / n
    counts = np.zeros(n)
    sums = np.zeros(n)
    started = 0
    if policy == "linucb":
        d = 20
        ainv = np.tile(np.eye(d), (n, 1, 1))
        b = np.zeros((n, d))
        theta = np.zeros((n, d))

    def step():
        nonlocal started
        if policy == "ucb1":
            t = max(started, 1)
            with np.errstate(divide="ignore", invalid="ignore"):
                idx = np.where(counts > 0, sums / np.maximum(counts, 1) + np.sqrt(2.0) * np.sqrt(np.log(t) / np.maximum(counts, 1)), np.inf)
            a = int(np.argmax(idx))
            r = 1.0 if rng.random() < means[a] else 0.0
            counts[a] += 1
            sums[a] += r
            started += 1
        elif policy == "ts":
            prec = 1.0 + counts / 0.25
            mean = (0.5 + sums / 0.25) / prec
            draws = mean + np.sqrt(1.0 / prec) * rng.standard_normal(n)
            a = int(np.argmax(draws))
            r = 1.0 if rng.random() < means[a] else 0.0
            counts[a] += 1
            sums[a] += r
        elif policy == "cucb":
            t = max(started, 1)
            with np.errstate(divide="ignore", invalid="ignore"):
                idx = np.where(counts > 0, sums / np.maximum(counts, 1) + np.sqrt(1.5 * np.log(t) / np.maximum(counts, 1)), np.inf)
            chosen = np.argpartition(-idx, 10)[:10]
            r = (rng.random(10) < means[chosen]).astype(float)
            counts[chosen] += 1
            sums[chosen] += r
            started += 1
        else:  # linucb
            x = rng.random(20)
            q = ainv @ x                      # (n, d): A_a^-1 x for every arm
            scores = theta @ x + np.sqrt(np.maximum((q * x).sum(axis=1), 0.0))
            a = int(np.argmax(scores))
            r = 1.0 if rng.random() < means[a] else 0.0
            u = q[a]
            ainv[a] -= np.outer(u, u) / (1.0 + u @ x)
            b[a] += r * x
            theta[a] = ainv[a] @ b[a]

    for _ in range(min(decisions, 200)):
        step()
    c0 = time.process_time()
    t0 = time.perf_counter()
    for _ in range(decisions):
        step()
    wall = time.perf_counter() - t0
    return decisions / wall, time.process_time() - c0


def almab(binary, *args):
    out = subprocess.run([binary, *map(str, args)], check=True, capture_output=True, text=True).stdout.split()
    return [float(v) for v in out]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--sizes", default="1000,100000")
    p.add_argument("--policies", default="ucb1,ts,linucb,linucb-dense,linucb-mature,cucb")
    p.add_argument("--federated", action="store_true")
    args = p.parse_args()
    subprocess.run(["dotnet", "build", PROJECT, "-c", "Release", "-v", "q", "-nologo"], check=True, capture_output=True)
    root = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
    binary = os.path.join(os.environ.get("ALMAB_ARTIFACTS", os.path.join(root, "artifacts")), "bin", "BanditCompare", "release", "BanditCompare")
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown CPU")
    print(f"CPU: {cpu}; numpy {np.__version__}; single thread each; load average {os.getloadavg()[0]:.1f}")
    print(f"{'policy':8} {'N':>7} {'decisions':>9} {'numpy dec/s':>12} {'almab dec/s':>12} {'ratio':>7} {'numpy cpu s':>11} {'almab cpu s':>11} {'cpu ratio':>9}")
    for policy in args.policies.split(","):
        for n in (int(s) for s in args.sizes.split(",")):
            k = decisions_for(policy, n)
            np_rate, np_cpu = numpy_policy(policy, n, max(k // 4, 10))  # NumPy runs a quarter of the decisions
            rate, cs = almab(binary, "policy", policy, n, k)
            np_k = max(k // 4, 10)
            cpu_ratio = (k / max(cs, 1e-9)) / (np_k / max(np_cpu, 1e-9))
            print(f"{policy:8} {n:>7} {k:>9} {np_rate:>12.4g} {rate:>12.4g} {rate / np_rate:>7.1f} {np_cpu:>11.3f} {cs:>11.3f} {cpu_ratio:>9.1f}")
            sys.stdout.flush()
    if args.federated:
        for scheme in ("p10", "p1"):
            wall, cs, regret, messages = almab(binary, "federated", 64, 100000, scheme)
            print(f"federated N = 64 agents, 10^5 rounds each, {scheme}: {wall:.1f} s wall, {cs:.1f} s CPU, regret {regret:.0f}, {messages:.0f} messages")


if __name__ == "__main__":
    main()
