#!/usr/bin/python3
"""Events per second: Almab.Sim.Kernel vs SimPy 3 on the same two models, in one run.

Usage:  bench/compare/simpy/run.sh [--tasks 200000] [--customers 1000000] [--repeats 5]

Models (identical process structure on both sides; the C# twin is SimCompare/Models.cs):
  dispatch  16 workers, worker i draws Exp(mean 1 + 0.25 i) task times; a dispatcher process hands tasks out through
            per-worker Stores and collects reports through a shared Store; --tasks tasks, then a stop token per worker.
  mm4       M/M/4 queue, arrival rate 3.2, service rate 1 (rho = 0.8), --customers customer processes, each requesting
            one slot of a Resource, holding it for its service time and releasing it.

  hold-N    the hold model: N processes each looping on a timeout of Exp(1), so N timeouts are pending at all times
            (--hold, default 10^4 and 10^6). Only the steady state is timed: after a warm-up to t = 1 (process
            starts and one turnover), one segment of about --hold-events events (SimPy), the median of --repeats
            segments (Almab). Events = entries processed in the segment (Almab: ProcessedEvents; SimPy: ids issued
            minus the change in queue length). Beside it, Almab's run also times the plain .NET PriorityQueue loop
            (dequeue, enqueue at t + Exp(1)) on the same number of events: the floor the kernel is compared with.
  hold-typed-N  the same hold model in the event-scheduling world view, on both sides: SimPy timeouts whose callback
            schedules the next timeout (SimPy's own callback style, no processes) against Almab's EventSimulation<int>
            with a struct handler. Ratios are printed like for like only: typed vs SimPy callbacks, processes vs SimPy
            processes.

Counting events (the same on both sides): an event is one entry taken from the event queue and processed,
counted by the kernel itself. Almab: Simulation.ProcessedEvents. SimPy: every scheduled event gets an id from
env._eid, and both runs end with an empty queue, so processed = ids issued. Process starts (SimPy's Initialize)
count on both sides. SimPy's Resource.release() schedules a Release event that Almab's void Release() does not
have, so the SimPy mm4 count subtracts one per customer; the script checks that the two counts then agree (they
must: both kernels process exactly the same events), and events/s on both sides use that common count, so the
ratio is the ratio of wall times. Random numbers differ (Python's random vs Almab's xoshiro256**); the event
counts do not depend on them, and the printed statistics (end time, mean wait) agree only statistically.

Timing: the whole model run (build + run), as CPU seconds of the process (time.process_time / Process.TotalProcessorTime)
and as wall seconds (perf_counter / Stopwatch). The machine is shared (2 cores, several busy agents), so wall time
mostly measures the load at that moment; the ratio uses CPU time, and wall times are printed beside it. SimPy runs each
model once (it takes seconds), each in a fresh interpreter of its own; Almab runs a full-size warm-up (JIT), then --repeats times, and the medians are used.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import time

import simpy

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.join(HERE, "SimCompare", "SimCompare.csproj")
WORKERS = 16


def issued(env):
    """Number of event ids SimPy has handed out (the next value of its itertools.count)."""
    return next(env._eid)


def dispatch(tasks, seed):
    env = simpy.Environment()
    done = simpy.Store(env)
    inbox = [simpy.Store(env) for _ in range(WORKERS)]

    def worker(i, rng):
        mean = 1.0 + 0.25 * i
        while True:
            job = yield inbox[i].get()
            if job < 0:
                return
            yield env.timeout(rng.expovariate(1.0 / mean))
            yield done.put(i)

    def dispatcher():
        sent = finished = 0
        for i in range(WORKERS):
            if sent < tasks:
                inbox[i].put(sent)
                sent += 1
        while finished < tasks:
            i = yield done.get()
            finished += 1
            if sent < tasks:
                yield inbox[i].put(sent)
                sent += 1
        for i in range(WORKERS):
            inbox[i].put(-1)

    for i in range(WORKERS):
        env.process(worker(i, random.Random(seed * 1000 + i)))
    env.process(dispatcher())
    env.run()
    return issued(env), env.now


def mm4(customers, seed):
    env = simpy.Environment()
    arrivals, services = random.Random(seed), random.Random(seed + 1)
    servers = simpy.Resource(env, capacity=4)
    total_wait = [0.0]

    def customer():
        req = servers.request()
        t0 = env.now
        yield req
        total_wait[0] += env.now - t0
        yield env.timeout(services.expovariate(1.0))
        servers.release(req)

    def source():
        for _ in range(customers):
            yield env.timeout(arrivals.expovariate(3.2))
            env.process(customer())

    env.process(source())
    env.run()
    return issued(env) - customers, total_wait[0] / customers  # minus SimPy's Release events, see the docstring


def steady_segment(env, seconds):
    """Warm-up to t = 1, then one timed segment of `seconds` virtual seconds: (events processed, CPU s, wall s)."""
    env.run(until=1.0)
    processed0 = issued(env) - len(env._queue)
    c, t = time.process_time(), time.perf_counter()
    env.run(until=env.now + seconds)
    cpu, wall = time.process_time() - c, time.perf_counter() - t
    return issued(env) - len(env._queue) - processed0, cpu, wall


def hold(pending, events, seed):
    """Hold model: returns (events processed, CPU s, wall s) of one steady-state segment of about `events` events."""
    env = simpy.Environment()
    rng = random.Random(seed)

    def loop():
        while True:
            yield env.timeout(rng.expovariate(1.0))

    for _ in range(pending):
        env.process(loop())
    return steady_segment(env, events / pending)


def hold_callbacks(pending, events, seed):
    """Hold model in SimPy's own event-scheduling style (no processes): each timeout's callback schedules the next
    timeout. Same warm-up, segment and counting as hold(); returns (events processed, CPU s, wall s)."""
    env = simpy.Environment()
    rng = random.Random(seed)

    def fire(_event):
        env.timeout(rng.expovariate(1.0)).callbacks.append(fire)

    for _ in range(pending):
        env.timeout(rng.expovariate(1.0)).callbacks.append(fire)
    return steady_segment(env, events / pending)


def timed(fn, *args):
    c, t = time.process_time(), time.perf_counter()
    out = fn(*args)
    return out, time.process_time() - c, time.perf_counter() - t


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tasks", type=int, default=200_000)
    ap.add_argument("--customers", type=int, default=1_000_000)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--hold", default="10000,1000000", help="pending counts of the hold model, comma-separated ('' = none)")
    ap.add_argument("--hold-events", type=float, default=2e6, help="events per timed hold segment")
    ap.add_argument("--child", help=argparse.SUPPRESS)  # internal: run one SimPy model in this process, print JSON
    args = ap.parse_args()
    if args.child:
        if args.child == "dispatch":
            (events, stat), cpu, wall = timed(dispatch, args.tasks, 1)
        elif args.child == "mm4":
            (events, stat), cpu, wall = timed(mm4, args.customers, 2)
        elif args.child.startswith("holdcb-"):
            (events, cpu, wall), stat = hold_callbacks(int(args.child.split("-")[1]), args.hold_events, 3), 0.0
        else:
            (events, cpu, wall), stat = hold(int(args.child.split("-")[1]), args.hold_events, 3), 0.0
        print(json.dumps({"events": events, "cpu": cpu, "wall": wall, "stat": stat}))
        return

    env = dict(os.environ, DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1")
    print("building SimCompare (Release)...", file=sys.stderr)
    subprocess.run(["dotnet", "build", PROJECT, "-c", "Release", "-nodeReuse:false", "-v", "q"], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    print("running Almab...", file=sys.stderr)
    # Like SimPy's models below, every Almab group runs in a fresh process: run after the 10^6-pending hold in the same
    # process, Almab's mm4 measured 15.7 M events/s instead of 22.7 (a large GC heap left behind), so dispatch and mm4
    # come first in a process without holds, and each hold size gets a process of its own.
    def almab_run(extra):
        return subprocess.run(["dotnet", "run", "--no-build", "-c", "Release", "--project", PROJECT, "--"] + extra,
                              check=True, env=env, capture_output=True, text=True).stdout

    outs = [almab_run([str(args.tasks), str(args.customers), str(args.repeats)])]
    for pending in ([p for p in args.hold.split(",") if p] if args.hold else []):
        outs.append(almab_run(["0", "0", str(args.repeats), pending, repr(args.hold_events)]))
    almab = {r["model"]: r for out in outs for r in (json.loads(line) for line in out.splitlines() if line.startswith("{"))}

    print("running SimPy %s..." % simpy.__version__, file=sys.stderr)
    holds = [int(p) for p in args.hold.split(",") if p] if args.hold else []

    # Each SimPy model in a fresh interpreter: run in one process, a model after the 10^6-pending hold ran on its left-over
    # heap, and SimPy's dispatch rate fell 2.7x (0.59 -> 0.22 M events/s), which inflated the ratio (48x instead of 31-33x).
    def child(model):
        line = subprocess.run([sys.executable, os.path.abspath(__file__), "--child", model, "--tasks", str(args.tasks),
                               "--customers", str(args.customers), "--hold-events", repr(args.hold_events)],
                              check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
        r = json.loads(line)
        return r["events"], r["cpu"], r["wall"], r["stat"]

    hold_rows = {n: child("hold-%d" % n)[:3] for n in holds}
    holdcb_rows = {n: child("holdcb-%d" % n)[:3] for n in holds}
    d_events, d_cpu, d_wall, d_end = child("dispatch")
    m_events, m_cpu, m_wall, m_wait = child("mm4")
    simpy_rows = {"dispatch": (d_events, d_cpu, d_wall, "end %.1f s" % d_end),
                  "mm4": (m_events, m_cpu, m_wall, "mean wait %.4f s" % m_wait)}
    almab_stat = {"dispatch": "end %.1f s" % almab["dispatch"]["stat"], "mm4": "mean wait %.4f s" % almab["mm4"]["stat"]}

    print(f"SimPy {simpy.__version__} (Python {sys.version.split()[0]}) vs Almab.Sim.Kernel; "
          f"dispatch: {args.tasks} tasks on {WORKERS} workers; mm4: {args.customers} customers")
    print("CPU seconds (ratio) and, in brackets, wall seconds; Almab: median per run of samples of %s back-to-back runs"
          " of the same size and seed (inner aims at 1 CPU s per sample)"
          % " / ".join("%s %d" % (m, almab[m].get("inner", 1)) for m in ("dispatch", "mm4")))
    print(f"{'model':<9} {'events':>10} {'SimPy s':>16} {'Almab s':>16} {'SimPy ev/s':>11} {'Almab ev/s':>12} {'ratio':>7}"
          f" {'wall ratio':>10}  {'SimPy stat':<20} {'Almab stat':<20}")
    for name in ("dispatch", "mm4"):
        s_events, s_cpu, s_wall, s_stat = simpy_rows[name]
        a = almab[name]
        if a["events"] != s_events:
            print(f"WARNING: {name}: event counts differ (SimPy {s_events}, Almab {a['events']})")
        n = a["events"]
        print(f"{name:<9} {n:>10} {s_cpu:>7.3f} [{s_wall:>6.3f}] {a['cpu']:>7.3f} [{a['wall']:>6.3f}] {n / s_cpu:>11,.0f} "
              f"{n / a['cpu']:>12,.0f} {s_cpu / a['cpu']:>6.1f}x {s_wall / a['wall']:>9.1f}x  {s_stat:<20} "
              f"{almab_stat[name]:<20}", flush=True)
    if holds:
        print("hold model, steady state only (events of one timed segment; pending timeouts at all times):")
        print(f"{'model':<19} {'SimPy ev':>10} {'Almab ev':>10} {'SimPy s':>16} {'Almab s':>16} {'SimPy ev/s':>11} "
              f"{'Almab ev/s':>12} {'ratio':>7} {'wall ratio':>10} {'PQ loop ev/s':>13} {'Almab/PQ':>9}")
    # Like for like only: Almab's processes against SimPy's processes, Almab's typed events + handler against SimPy's
    # timeouts + callbacks (never typed against SimPy processes).
    for kind, simpy_rows, prefix in (("processes", hold_rows, "hold-"), ("callbacks", holdcb_rows, "hold-typed-")):
        if holds:
            print(f"  Almab {'Simulation + processes' if kind == 'processes' else 'EventSimulation + struct handler'}"
                  f" vs SimPy {'processes' if kind == 'processes' else 'timeouts + callbacks'}:")
        for n in holds:
            s_events, s_cpu, s_wall = simpy_rows[n]
            a = almab[prefix + str(n)]
            pq_cpu = almab["hold-%d" % n]["pq_cpu"] * a["events"] / almab["hold-%d" % n]["events"]  # same events as this row
            s_rate, a_rate = s_events / s_cpu, a["events"] / a["cpu"]
            print(f"{prefix + str(n):<19} {s_events:>10} {a['events']:>10} {s_cpu:>7.3f} [{s_wall:>6.3f}] {a['cpu']:>7.3f} [{a['wall']:>6.3f}] "
                  f"{s_rate:>11,.0f} {a_rate:>12,.0f} {a_rate / s_rate:>6.1f}x {(a['events'] / a['wall']) / (s_events / s_wall):>9.1f}x "
                  f"{a['events'] / pq_cpu:>13,.0f} {pq_cpu / a['cpu']:>8.2f}x",
                  flush=True)


if __name__ == "__main__":
    main()
