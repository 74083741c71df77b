using Almab.Algorithms.Allocation;
using Almab.Algorithms.Randomness;
using BenchmarkDotNet.Attributes;

namespace Almab.Benchmarks.Allocation;

/// <summary>
/// The ATA paper's round simulator (<see cref="AllocationRoundSimulator"/>, what <c>almab ata table1|table2</c> runs
/// about 3·10^6 rounds of per cell): section 7's workers 29√i + Exp(29√i), B = 23 tasks per round, 2,000 rounds per
/// invocation, with the table's per-round callback (a running sum, as the curve recorder keeps). One operation is one
/// task completion (an event: a task time drawn, fed back to the policy and folded into the round), so
/// events/s = 10^9 / (ns per operation). GTA draws only the task times that can matter, so its operations are B per round too.
/// </summary>
[MemoryDiagnoser]
public class RoundSimulatorBenchmarks
{
    private const int Rounds = 2000;
    private const int Tasks = 23;
    private AllocationRoundSimulator _simulator = null!;
    private ShiftedExponentialTaskTimes _times = null!;
    private double _sink;

    /// <summary>Number of workers n (Table 1's smallest and largest).</summary>
    [Params(17, 459)]
    public int Workers { get; set; }

    /// <summary>Allocation method.</summary>
    [Params("GTA", "ATA", "ATA-E", "OFTA")]
    public string Method { get; set; } = "GTA";

    /// <summary>Builds the workers.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _times = ShiftedExponentialTaskTimes.SquareRoot(Workers);
        _simulator = new AllocationRoundSimulator(_times, Tasks, new Seed(20260101));
    }

    /// <summary>2,000 rounds from fresh worker streams and a fresh policy.</summary>
    [Benchmark(OperationsPerInvoke = Rounds * Tasks)]
    public double Rounds2000()
    {
        double sum = 0.0;
        AllocationRoundCallback onRound = (_, _, c, w, _) => sum += c + w;
        if (Method == "GTA")
        {
            _simulator.RunGreedy(Rounds, onRound);
        }
        else
        {
            double maxMean = _times.Means().Max();
            IAllocationPolicy policy = Method switch
            {
                "ATA" => new AtaPolicy(Workers, 2 * maxMean),
                "ATA-E" => new AtaEmpiricalPolicy(Workers, 1.0),
                _ => new OftaPolicy(_times.Means()),
            };
            _simulator.Run(policy, Rounds, onRound);
        }

        _sink = sum;
        return _sink;
    }
}
