using Almab.Algorithms.Randomness;
using Almab.Experiments.Ata;
using Almab.Experiments.Claims;
using Almab.Experiments.Tests.Verbs;

namespace Almab.Experiments.Tests.Ata;

public class AtaExperimentTests
{
    [Theory]
    [InlineData(8)]
    [InlineData(32)]
    public void Quadratic_optimum_matches_the_closed_form(int d)
    {
        // A = T/4 with T = tridiag(-1, 2, -1), (T^-1)_{1j} = (d + 1 - j)/(d + 1), so x* = -T^-1 e_1 and f* = -d / (8 (d + 1)).
        var q = new AtaQuadratic(d);
        Assert.Equal(-d / (8.0 * (d + 1)), q.OptimalValue, 14);
        var xStar = Enumerable.Range(1, d).Select(j => -(d + 1.0 - j) / (d + 1)).ToArray();
        Assert.Equal(q.OptimalValue, q.Value(xStar), 14);
        xStar[d / 2] += 1e-3;
        Assert.True(q.Value(xStar) > q.OptimalValue);
    }

    [Fact]
    public void Sgd_reaches_the_tolerance_and_noise_only_depends_on_the_seed()
    {
        var q = new AtaQuadratic(16);
        int a = q.RoundsToTolerance(23, new Seed(5));
        Assert.Equal(a, q.RoundsToTolerance(23, new Seed(5)));
        Assert.InRange(a, 100, 10_000);
    }

    [Theory]
    [InlineData("sqrt", 17, 1.26, 1.74)]
    [InlineData("sqrt", 51, 3.03, 2.17)]
    [InlineData("linear", 17, 2.1, 1.58)]
    public void Ofta_ratios_reproduce_the_papers_tables(string model, int n, double workerRatio, double runtimeRatio)
    {
        // The OFTA columns depend only on the time model and RAS (ATA paper, Tables 1-2): published values, 3 significant digits.
        var rows = AtaTableExperiment.Run(model, [n], 6, new Seed(11), 2, new AtaQuadratic(32));
        var ofta = rows.Single(r => r.Method == "OFTA");
        double hw = IntervalEstimates.RoundingHalfWidth(workerRatio), hr = IntervalEstimates.RoundingHalfWidth(runtimeRatio);
        Assert.InRange(workerRatio, ofta.WorkerLower - hw, ofta.WorkerUpper + hw);
        Assert.InRange(runtimeRatio, ofta.RuntimeLower - hr, ofta.RuntimeUpper + hr);
    }

    [Fact]
    public void Results_do_not_depend_on_threads()
    {
        var one = AtaTableExperiment.Run("sqrt", [17, 51], 3, new Seed(3), 1, new AtaQuadratic(8));
        var two = AtaTableExperiment.Run("sqrt", [17, 51], 3, new Seed(3), 2, new AtaQuadratic(8));
        Assert.Equal(one, two);
    }

    [Fact]
    public void Bad_experiment_name_is_one_line_exit_2()
    {
        var (exit, _, err) = CliRunner.Run("ata", "table9");
        Assert.Equal(2, exit);
        Assert.Contains("table9", err, StringComparison.Ordinal);
    }
}
