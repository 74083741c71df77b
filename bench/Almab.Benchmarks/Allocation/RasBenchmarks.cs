using Almab.Algorithms.Allocation;
using Almab.Algorithms.Randomness;
using BenchmarkDotNet.Attributes;

namespace Almab.Benchmarks.Allocation;

/// <summary>
/// Recursive Allocation Selection (ATA paper, Appendix B) on n workers and B tasks, the per-round cost of ATA,
/// plus one full ATA-Empirical allocation (bounds for all workers, then RAS). Scores are seeded uniform on
/// [1, 100) seconds. The memory diagnoser must show 0 B per operation once the buffers have grown.
/// </summary>
[MemoryDiagnoser]
public class RasBenchmarks
{
    private double[] _scores = [];
    private int[] _allocation = [];
    private RecursiveAllocationSelection _ras = new();
    private AtaEmpiricalPolicy _ataE = new(1, 1.0);

    /// <summary>Number of workers n.</summary>
    [Params(459, 10_000)]
    public int Workers { get; set; }

    /// <summary>Tasks per round B.</summary>
    [Params(23, 1_000)]
    public int Tasks { get; set; }

    /// <summary>Draws the scores and warms the RAS buffers.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new Seed(20250217).CreateRng();
        _scores = new double[Workers];
        for (int i = 0; i < Workers; i++)
        {
            _scores[i] = 1.0 + 99.0 * rng.NextDouble();
        }

        _allocation = new int[Workers];
        _ras = new RecursiveAllocationSelection();
        _ras.Solve(_scores, Tasks, _allocation);

        // ATA-Empirical with K = 50,000 samples per worker: eq. (8) stays positive up to round k ~ 10^10, so every
        // benchmarked Allocate takes the RAS path rather than the uniform phase.
        _ataE = new AtaEmpiricalPolicy(Workers, 1.0);
        for (int i = 0; i < Workers; i++)
        {
            for (int u = 0; u < 50_000; u++)
            {
                _ataE.Observe(i, _scores[i]);
            }
        }

        _ataE.Allocate(Tasks, _allocation);
    }

    /// <summary>One RAS solve.</summary>
    [Benchmark(Baseline = true)]
    public int Ras()
    {
        _ras.Solve(_scores, Tasks, _allocation);
        return _allocation[0];
    }

    /// <summary>One ATA-Empirical round allocation: n lower bounds (eq. (8)) then RAS.</summary>
    [Benchmark]
    public int AtaEmpiricalAllocate()
    {
        _ataE.Allocate(Tasks, _allocation);
        return _allocation[0];
    }
}
