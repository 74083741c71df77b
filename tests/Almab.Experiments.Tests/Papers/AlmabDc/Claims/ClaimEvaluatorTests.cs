using System.Collections.Immutable;
using Almab.Experiments.Claims;
using Almab.Experiments.Papers.AlmabDc.Claims;
using Almab.Experiments.Papers.AlmabDc.Runner;
using Almab.Experiments.Papers.Ata;
using Almab.Experiments.Runner;
using Almab.Experiments.Store;

namespace Almab.Experiments.Tests.Papers.AlmabDc.Claims;

public class ClaimEvaluatorTests
{
    [Fact]
    public void Median_interval_uses_the_binomial_order_statistics()
    {
        // n = 10: P(B <= 1) = 0.0107 <= 0.025 < P(B <= 2) = 0.0547, so the 95 % interval is [x(2), x(9)] (Conover, Table A3).
        var (median, lo, hi) = IntervalEstimates.Median([10, 1, 9, 2, 8, 3, 7, 4, 6, 5]);
        Assert.Equal(5.5, median);
        Assert.Equal(2, lo);
        Assert.Equal(9, hi);
    }

    [Fact]
    public void Mean_interval_is_the_t_interval()
    {
        // mean 3, sd sqrt(2.5), n = 5, t(0.975, 4) = 2.776445105.
        var (mean, lo, hi, _) = IntervalEstimates.Mean([1, 2, 3, 4, 5]);
        double half = 2.7764451051977987 * Math.Sqrt(2.5 / 5);
        Assert.Equal(3, mean, 12);
        Assert.Equal(3 - half, lo, 9);
        Assert.Equal(3 + half, hi, 9);
    }

    [Theory]
    [InlineData(0.00263, 0.000005)]
    [InlineData(7.5, 0.05)]
    [InlineData(13, 0.5)]
    [InlineData(-0.512, 0.0005)]
    public void Rounding_half_width_follows_the_stated_digits(double stated, double half) =>
        Assert.Equal(half, IntervalEstimates.RoundingHalfWidth(stated), 15);

    [Fact]
    public void Amdahl_consistency_recomputes_from_the_papers_own_p()
    {
        var claim = new ClaimSpec { Id = "a", Paper = "000", Where = "w", Quantity = "q", Stated = 7.5, Check = "amdahl-consistency", P = 0.08, Workers = 16 };
        var verdict = new ClaimEvaluator([], _ => null).Evaluate(claim);
        Assert.Equal(1 / (0.08 + 0.92 / 16), verdict.Value, 12);
        Assert.Equal("not reproduced", verdict.Verdict);
        var exact = claim with { Stated = 7.27 };
        Assert.Equal("reproduced", new ClaimEvaluator([], _ => null).Evaluate(exact).Verdict);
    }

    [Fact]
    public void Rounds_to_threshold_takes_the_median_after_each_round()
    {
        // Two initial points, K = 2: round r ends at evaluation 2 + 2r. Medians per round: 0.9, 0.5, 0.2.
        static ReplicateResult Replicate(int i, params double[] metric) => new(
            new CellKey("c", "m", 2, 8, 0, i), 1, "ipv", metric[^1], double.NaN, 1, 0,
            [.. metric.Select((v, j) => new EvaluationRow(j, j, 0, 0, "", 0, 0, 0, v))]);
        var cell = new[]
        {
            Replicate(0, 1, 1, 0.9, 0.9, 0.6, 0.5, 0.2, 0.2),
            Replicate(1, 1, 1, 0.8, 0.9, 0.5, 0.4, 0.3, 0.1),
            Replicate(2, 1, 1, 1.0, 0.9, 0.4, 0.5, 0.3, 0.2),
        };
        Assert.Equal(2, ClaimEvaluator.RoundsToThreshold(cell, 2, 2, 0.5));
        Assert.Equal(3, ClaimEvaluator.RoundsToThreshold(cell, 2, 2, 0.2));
        Assert.True(double.IsNaN(ClaimEvaluator.RoundsToThreshold(cell, 2, 2, 0.05)));
    }

    [Fact]
    public void Shipped_claims_file_loads_and_ids_are_unique()
    {
        var claims = ClaimsCatalog.AlmabDc;
        Assert.True(claims.Count >= 39);
        Assert.All(claims, c => Assert.Contains(c.Check, new[] { "median-final", "mean-final", "rounds-to-threshold", "speedup", "makespan-ratio", "effective-speedup", "relative-change", "mann-whitney", "amdahl-consistency", "paper-ratio", "amdahl-serial-fraction", "own-model" }));
        Assert.All(claims.Where(c => c.Check is "paper-ratio" or "amdahl-serial-fraction"), c => Assert.NotNull(c.Numerator));
        Assert.All(claims.Where(c => c.Check == "mann-whitney"), c =>
        {
            Assert.NotNull(c.Versus);
            // Every shipped p-value claim says the method is better than 'versus': smaller for minimized metrics, larger
            // for the accuracies and returns of cases 1 and 3.
            Assert.Equal(Almab.Experiments.Verbs.CompareVerb.LowerIsBetter(c.Case!) ? "less" : "greater", c.Alternative);
            Assert.True(c.Comparisons >= 1);
        });
    }
}
