using Almab.Algorithms.Allocation;
using Almab.Algorithms.Randomness;
using BenchmarkDotNet.Attributes;

namespace Almab.Benchmarks.Allocation;

/// <summary>
/// One GTA round (ATA paper, section 1) on the section 7 workers 29 sqrt(i) + Exp(29 sqrt(i)), B = 23: the dense round
/// (every worker draws B task times, then <see cref="GreedyTaskAllocation.SimulateRound"/>) against
/// <see cref="GreedyRoundSampler"/>, which asks a worker for a task time only once the event clock passes its shift.
/// Both include drawing the task times. Memory: 0 B per round for both.
/// </summary>
[MemoryDiagnoser]
public class GreedyRoundBenchmarks
{
    private ShiftedExponentialTaskTimes _times = ShiftedExponentialTaskTimes.SquareRoot(1);
    private GreedyRoundSampler _sampler = new([0.0]);
    private NextTaskSeconds _next = _ => 0.0;
    private double[] _draws = [];
    private int[] _completed = [];
    private Rng _rng = new Seed(1).CreateRng();

    /// <summary>Number of workers n.</summary>
    [Params(17, 459)]
    public int Workers { get; set; }

    /// <summary>Builds the workers and buffers.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _times = ShiftedExponentialTaskTimes.SquareRoot(Workers);
        var shifts = new double[Workers];
        for (int i = 0; i < Workers; i++)
        {
            shifts[i] = _times.Shift(i);
        }

        _sampler = new GreedyRoundSampler(shifts);
        _rng = new Seed(20250217).CreateRng();
        _next = i => _times.Sample(i, _rng);
        _draws = new double[Workers * 23];
        _completed = new int[Workers];
    }

    /// <summary>Dense round: n x B draws, then the event scan.</summary>
    [Benchmark(Baseline = true)]
    public double Dense()
    {
        for (int i = 0; i < Workers; i++)
        {
            for (int u = 0; u < 23; u++)
            {
                _draws[(i * 23) + u] = _times.Sample(i, _rng);
            }
        }

        return GreedyTaskAllocation.SimulateRound(_draws, Workers, 23, _completed).RuntimeSeconds;
    }

    /// <summary>Lazy round: only the task times that can matter.</summary>
    [Benchmark]
    public double Lazy() => _sampler.Run(23, _next, _completed).RuntimeSeconds;
}
