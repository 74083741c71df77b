using Almab.Algorithms.Randomness;
using Almab.Experiments.Tests.Verbs;
using Almab.Experiments.Claims;
using Almab.Experiments.Papers.AlmabDc.Claims;
using Almab.Experiments.Papers.Ata;


namespace Almab.Experiments.Tests.Papers.Ata;

public class AtaExperimentTests
{
    /// <summary>d = 32, gamma = 1: about 1,500 rounds, enough for the OFTA columns (which do not depend on the horizon).</summary>
    private static readonly AtaSgdSettings Short = new() { Dimension = 32, StepSize = 1.0 };

    [Theory]
    [InlineData("sqrt", 17, 424.8795827818091, 3290.8368625507296, 243.75583581217685)]
    [InlineData("sqrt", 51, 424.8795827818091, 3290.8368625507296, 195.76150722698347)]
    [InlineData("linear", 17, 780.0238219757656, 4002.0, 494.17312426684293)]
    public void Ofta_ratios_match_independent_expectations_and_the_papers_tables(string model, int n, double oftaRuntime, double oftaWorker, double gtaRuntime)
    {
        // References: E[C(a-bar)] = E[max_i sum of a_i task times] by scipy integration, E[worker time] = sum a_i mu_i, and GTA's mean
        // round time by a numpy Monte Carlo (se < 0.05 %): tests/Almab.Algorithms.Tests/Fixtures/Allocation/generate_allocation_reference.py.
        var rows = AtaTableExperiment.Run(model, [n], 6, new Seed(11), 2, Short).Rows;
        var ofta = rows.Single(r => r.Method == "OFTA");
        double runtimeRatio = oftaRuntime / gtaRuntime, workerRatio = n * gtaRuntime / oftaWorker;
        double slack = 0.002; // the reference's Monte Carlo error (3 se) on the ratio.
        Assert.InRange(runtimeRatio, ofta.RuntimeLower * (1 - slack), ofta.RuntimeUpper * (1 + slack));
        Assert.InRange(workerRatio, ofta.WorkerLower * (1 - slack), ofta.WorkerUpper * (1 + slack));

        // ... and the paper's published values (Tables 1-2), within their rounding.
        var paper = AtaReport.PaperValues(Path.Combine(AppContext.BaseDirectory, "claims", "ata.json"));
        var p = paper[(model, n, "OFTA")];
        Assert.InRange(p.Worker, ofta.WorkerLower - IntervalEstimates.RoundingHalfWidth(p.Worker), ofta.WorkerUpper + IntervalEstimates.RoundingHalfWidth(p.Worker));
        Assert.InRange(p.Runtime, ofta.RuntimeLower - IntervalEstimates.RoundingHalfWidth(p.Runtime), ofta.RuntimeUpper + IntervalEstimates.RoundingHalfWidth(p.Runtime));
    }

    [Fact]
    public void Short_horizon_leaves_ata_in_its_uniform_phase_and_every_method_shares_the_rounds()
    {
        // With the paper's constants no bound is positive within ~1,500 rounds at n = 51: ATA allocates uniformly over the
        // workers with the fewest samples, so its worker time is UTA's (same expected cost per task), not OFTA's.
        var result = AtaTableExperiment.Run("sqrt", [51], 3, new Seed(5), 2, Short);
        var ata = result.Rows.Single(r => r.Method == "ATA");
        var uta = result.Rows.Single(r => r.Method == "UTA");
        var ofta = result.Rows.Single(r => r.Method == "OFTA");
        Assert.InRange(ata.WorkerRatio, uta.WorkerRatio * 0.98, uta.WorkerRatio * 1.02);
        Assert.True(ofta.WorkerRatio > 1.5 * ata.WorkerRatio);
        Assert.All(result.Rows, r => Assert.Equal(result.Rows[0].MeanRounds, r.MeanRounds));
        Assert.All(result.Curves, c => Assert.True(c.Suboptimality[^1] < 1e-5));
    }

    [Fact]
    public void Results_do_not_depend_on_threads()
    {
        var settings = new AtaSgdSettings { Dimension = 8, StepSize = 1.0 };
        var one = AtaTableExperiment.Run("sqrt", [17, 51], 3, new Seed(3), 1, settings);
        var two = AtaTableExperiment.Run("sqrt", [17, 51], 3, new Seed(3), 2, settings);
        Assert.Equal(one.Rows, two.Rows);
        Assert.Equal(AtaReport.CurvesCsv(one.Curves), AtaReport.CurvesCsv(two.Curves));
        var asyncSettings = settings with { Asynchronous = true };
        Assert.Equal(
            AtaTableExperiment.Run("linear", [17], 2, new Seed(3), 1, asyncSettings).Rows,
            AtaTableExperiment.Run("linear", [17], 2, new Seed(3), 2, asyncSettings).Rows);
    }

    [Fact]
    public void Asynchronous_sgd_reaches_the_tolerance_for_every_method()
    {
        var result = AtaTableExperiment.Run("sqrt", [17], 2, new Seed(8), 2, new AtaSgdSettings { Dimension = 8, StepSize = 1.0, Asynchronous = true });
        Assert.All(result.Curves, c => Assert.True(c.Suboptimality[^1] < 1e-5, $"{c.Method}: {c.Suboptimality[^1]}"));
        Assert.All(result.Curves, c => Assert.True(c.Rounds[^1] < 10_000));
    }

    [Fact]
    public void Horizon_study_shows_ata_leaving_uniform_allocation_only_for_long_horizons()
    {
        var rows = AtaHorizonStudy.Run("sqrt", [17], [1_500, 100_000], 2, new Seed(2), 2);
        double Worker(long h, string m) => rows.Single(r => r.Horizon == h && r.Method == m).WorkerRatio;
        Assert.InRange(Worker(1_500, "ATA-E"), Worker(1_500, "UTA") * 0.98, Worker(1_500, "UTA") * 1.02);
        Assert.True(Worker(100_000, "ATA-E") > Worker(1_500, "ATA-E") + 0.1);
    }

    [Theory]
    [InlineData("table9")]
    [InlineData("table1", "--seeds", "1")]
    [InlineData("table1", "--step-size", "-1")]
    [InlineData("table1", "--threads", "0")]
    public void Bad_input_is_one_line_exit_2(params string[] args)
    {
        var (exit, _, err) = CliRunner.Run(["ata", .. args]);
        Assert.Equal(2, exit);
        Assert.Single(err.Trim().Split('\n'));
    }
}
