using Almab.Algorithms.Randomness;
using Almab.Sim.Kernel;
using BenchmarkDotNet.Attributes;

namespace Almab.Benchmarks.Sim;

/// <summary>
/// Timeouts on the process-oriented kernel (Almab.Sim.Kernel, issue 2). One operation is one processed event, so the
/// time per operation inverts to events per second and "Allocated" is bytes per event. Targets: at least 10 million
/// bare timeouts per second on one core; at most 64 B per scheduled timeout.
/// <list type="bullet">
/// <item>BareTimeouts: <see cref="Processes"/> processes each looping on <c>yield return sim.Timeout(d)</c> (a fresh
/// 48-byte event per timeout); delays from a seeded table, so with many processes the heap holds that many entries.</item>
/// <item>BareDelays: the same with <c>sim.Delay(d)</c>, a pooled timeout recycled after its wait (0 B in steady state).</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
public class KernelTimeoutBenchmarks
{
    /// <summary>Events per invocation.</summary>
    internal const int Events = 200_000;
    private double[] _delays = [];

    /// <summary>Concurrent processes in the timeout benchmarks (heap size).</summary>
    [Params(1, 1000)]
    public int Processes { get; set; }

    /// <summary>Draws the delay table.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new Seed(2).Derive("kernel-bench").CreateRng();
        _delays = new double[4096];
        for (int i = 0; i < _delays.Length; i++)
        {
            _delays[i] = rng.NextExponential(1.0);
        }
    }

    /// <summary>Fresh timeouts yielded by looping processes.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public long BareTimeouts() => RunLoops(pooled: false);

    /// <summary>Pooled per-process delays yielded by looping processes.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public long BareDelays() => RunLoops(pooled: true);

    private long RunLoops(bool pooled)
    {
        var sim = new Simulation();
        int per = Events / Processes;
        for (int p = 0; p < Processes; p++)
        {
            sim.Process(Loop(sim, p, per, pooled));
        }

        sim.Run();
        return sim.ProcessedEvents;
    }

    private IEnumerable<Event> Loop(Simulation sim, int offset, int count, bool pooled)
    {
        var delays = _delays;
        for (int i = 0; i < count; i++)
        {
            double d = delays[(offset * 31 + i) & 4095];
            yield return pooled ? sim.Delay(d) : sim.Timeout(d);
        }
    }
}
