using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;
using Almab.Sim.Cluster.Durations;
using Almab.Sim.Cluster.Workers;
using Almab.Experiments.Papers.AlmabDc.Runner;
using Almab.Experiments.Papers.Ata;
using Almab.Experiments.Runner;

namespace Almab.Experiments.Tests.Papers.Ata;

public sealed class AllocationScalingStudyTests
{
    private static readonly int[] SmallK = [1, 2, 3, 4];

    /// <summary>min over all allocations a (sum B) of max_i a_i c_i, by enumerating every composition of B into K parts.</summary>
    internal static double BruteForceMakespan(double[] c, int tasks)
    {
        double best = double.PositiveInfinity;
        void Walk(int i, int left, double worst)
        {
            if (i == c.Length - 1)
            {
                best = Math.Min(best, Math.Max(worst, left * c[i]));
                return;
            }

            for (int a = 0; a <= left; a++)
            {
                Walk(i + 1, left - a, Math.Max(worst, a * c[i]));
            }
        }

        Walk(0, tasks, 0.0);
        return best;
    }

    private static ClusterConfig Deterministic(HeterogeneityProfile profile, double latency = 0.0) => new()
    {
        Workers = 1,
        Heterogeneity = profile,
        Communication = new CommunicationModel { Latency = new DeterministicDuration(latency) },
    };

    public static TheoryData<string, int> Profiles => new()
    {
        { "linear", 7 }, { "linear", 10 }, { "two-tier", 9 }, { "sqrt", 11 }, { "log-normal", 8 },
    };

    private static HeterogeneityProfile Profile(string name) => name switch
    {
        "linear" => new LinearProfile(),
        "two-tier" => new TwoTierProfile(0.5, 3.0),
        "sqrt" => new SquareRootProfile(),
        _ => new LogNormalSpeedProfile(0.4),
    };

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Ofta_rounds_with_deterministic_times_last_the_brute_force_optimum(string profile, int tasks)
    {
        // Deterministic unit times c_i: a round of allocation a lasts exactly max_i a_i c_i, so OFTA's round (RAS on the
        // true means) must equal the minimum over all allocations, found here by enumeration.
        var cluster = Deterministic(Profile(profile));
        var seed = new Seed(21);
        var points = AllocationScalingStudy.Run(cluster, SmallK, new AllocationScalingSettings("ofta", tasks, 3, 2), seed);
        foreach (var p in points)
        {
            // Replicate 0 at K runs on seed/K/0 (random profiles draw their machines from it); both replicates of a
            // deterministic profile have the same machines, so the sd over replicates is 0.
            double[] c = Profile(profile).TimeFactors(p.Workers, seed.Derive(p.Workers).Derive(0));
            double optimum = BruteForceMakespan(c, tasks);
            if (profile != "log-normal")
            {
                Assert.Equal(optimum, p.MeanRoundSeconds, 1e-9);
                Assert.Equal(0.0, p.RoundSecondsSd, 1e-9);
            }

            double replicate0 = p.FinalAllocation.Select((a, i) => a * c[i]).Max();
            Assert.Equal(optimum, replicate0, 1e-9);
            Assert.Equal(1.0, p.OracleShare);
            Assert.Equal(p.OracleAllocation.ToArray(), p.FinalAllocation.ToArray());
            Assert.Equal(tasks, p.FinalAllocation.Sum());
        }
    }

    [Theory]
    [InlineData(10, 0.0)]
    [InlineData(7, 0.0)]
    [InlineData(9, 0.5)]
    public void Uta_on_homogeneous_deterministic_workers_takes_ceil_b_over_k_task_times(int tasks, double latency)
    {
        // Every worker gets floor(B/K) or ceil(B/K) tasks, each a unit time plus a message each way: ceil(B/K)(1 + 2l).
        const int rounds = 4;
        var points = AllocationScalingStudy.Run(
            Deterministic(HomogeneousProfile.Instance, latency), SmallK, new AllocationScalingSettings("uta", tasks, rounds, 2), new Seed(3));
        foreach (var p in points)
        {
            int waves = (tasks + p.Workers - 1) / p.Workers;
            Assert.Equal(waves * (1 + (2 * latency)), p.MeanRoundSeconds, 1e-9);
            Assert.Equal(rounds * tasks, p.TotalWorkerSeconds, 1e-9);
            Assert.Equal((double)tasks / waves, p.Speedup, 1e-9);
            Assert.Equal(0.0, p.SpeedupStandardError, 1e-9);
        }
    }

    [Theory]
    [InlineData("uta")]
    [InlineData("ata")]
    [InlineData("ata-empirical")]
    [InlineData("gta")]
    public void With_deterministic_times_no_policy_beats_ofta_and_gta_ties_it(string policy)
    {
        // OFTA's round is the optimum for known deterministic times. GTA reaches the same instant: by time T* = max a_i c_i
        // of the optimum each worker has finished at least a_i tasks, and GTA's own counts form an allocation; but it keeps
        // all K workers computing for the whole round.
        var cluster = Deterministic(new LinearProfile());
        var settings = new AllocationScalingSettings(policy, 9, 30, 2);
        var ofta = AllocationScalingStudy.Run(cluster, SmallK, settings with { Policy = "ofta" }, new Seed(4));
        var other = AllocationScalingStudy.Run(cluster, SmallK, settings, new Seed(4));
        for (int i = 0; i < SmallK.Length; i++)
        {
            if (policy == "gta")
            {
                Assert.Equal(ofta[i].MeanRoundSeconds, other[i].MeanRoundSeconds, 1e-9);
                Assert.Equal(settings.Rounds * SmallK[i] * ofta[i].MeanRoundSeconds, other[i].TotalWorkerSeconds, 1e-6);
            }
            else
            {
                Assert.True(other[i].MeanRoundSeconds >= ofta[i].MeanRoundSeconds - 1e-9, $"{policy} at K = {SmallK[i]}");
            }
        }
    }

    [Fact]
    public void Section7_ofta_against_gta_gives_the_papers_table1_ratios()
    {
        // ATA paper Table 1, n = 17, B = 23, c_i = sqrt(i), X = a + Exp(a): OFTA/GTA runtime ratio 1.74 and GTA/OFTA total
        // worker time ratio 1.26 (they depend only on the time model; the scale a cancels).
        var cluster = new ClusterConfig { Workers = 1, TaskTime = new ShiftedExponentialDuration(0.5, 0.5), Heterogeneity = new SquareRootProfile() };
        int[] k = [1, 17];
        var settings = new AllocationScalingSettings("ofta", 23, 2000, 2);
        var ofta = AllocationScalingStudy.Run(cluster, k, settings, new Seed(7), threads: 2);
        var gta = AllocationScalingStudy.Run(cluster, k, settings with { Policy = "gta" }, new Seed(7), threads: 2);
        Assert.Equal(1.74, ofta[1].MeanRoundSeconds / gta[1].MeanRoundSeconds, 0.03);
        Assert.Equal(1.26, gta[1].TotalWorkerSeconds / ofta[1].TotalWorkerSeconds, 0.02);
    }

    [Fact]
    public void Results_do_not_depend_on_the_thread_count()
    {
        var cluster = new ClusterConfig { Workers = 1, TaskTime = new ExponentialDuration(1.0), Heterogeneity = new SquareRootProfile() };
        foreach (string policy in AllocationScalingStudy.Policies)
        {
            var settings = new AllocationScalingSettings(policy, 12, 20, 3);
            var one = AllocationScalingStudy.Run(cluster, SmallK, settings, new Seed(11), threads: 1);
            var two = AllocationScalingStudy.Run(cluster, SmallK, settings, new Seed(11), threads: 2);
            Assert.Equal(one.Select(p => p.MeanRoundSeconds), two.Select(p => p.MeanRoundSeconds));
            Assert.Equal(one.Select(p => p.TotalWorkerSeconds), two.Select(p => p.TotalWorkerSeconds));
            Assert.Equal(one.Select(p => string.Join(' ', p.FinalAllocation)), two.Select(p => string.Join(' ', p.FinalAllocation)));
        }
    }
}
