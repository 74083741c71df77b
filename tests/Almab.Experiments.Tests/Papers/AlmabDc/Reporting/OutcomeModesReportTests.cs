using System.Globalization;
using Almab.Algorithms.Randomness;
using MathNet.Numerics.Distributions;
using Almab.Experiments.Papers.AlmabDc.Cases;
using Almab.Experiments.Papers.AlmabDc.Methods;
using Almab.Experiments.Papers.AlmabDc.Reporting;
using Almab.Experiments.Runner;
using Almab.Experiments.Store;

namespace Almab.Experiments.Tests.Papers.AlmabDc.Reporting;

/// <summary>
/// The outcome-modes table on synthetic results with closed forms: 3 of 10 and 7 of 10 replicates beyond the threshold,
/// the Wilson score interval written out, the pooled two-proportion z test against MathNet's normal tail, and the
/// means within each mode computed by hand.
/// </summary>
public sealed class OutcomeModesReportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("almab-modes-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static CaseDefinition Definition(OutcomeModesSpec? modes) =>
        CaseLoader.Load(CaseCatalog.Default.Resolve("case1-hpo"), MethodRegistry.Default.All.Select(m => m.Id).ToHashSet(StringComparer.Ordinal))
            with { OutcomeModes = modes };

    /// <summary>Ten replicates: the first <paramref name="above"/> end at 0.93 + 0.001 r, the others at 0.90 + 0.001 r.</summary>
    private static IEnumerable<ReplicateResult> Cell(string method, int above)
    {
        for (int r = 0; r < 10; r++)
        {
            double final = (r < above ? 0.93 : 0.90) + 0.001 * r;
            yield return new ReplicateResult(new CellKey("case1-hpo", method, 1, 60, 0.005, r), 1, "best-value", final, 1.0, 10, 0.01, []);
        }
    }

    private static (double Lo, double Hi) Wilson(double x, double n)
    {
        const double z = 1.959963984540054;
        double p = x / n, centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z / (1 + z * z / n) * Math.Sqrt(p * (1 - p) / n + z * z / (4 * n * n));
        return (centre - half, centre + half);
    }

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

    private static string G(double v) => v.ToString("G5", CultureInfo.InvariantCulture);

    [Fact]
    public void Shares_intervals_test_and_mode_means_match_their_closed_forms()
    {
        var results = Cell("almab-dc-ucb", 3).Concat(Cell("almab-dc-no-mab", 7)).ToList();
        var report = new ReportContext(Definition(new OutcomeModesSpec(0.92, "global basin", "deceptive basin")), results, lowerIsBetter: false, _dir, new Seed(1), new List<string>());

        string line = Assert.Single(OutcomeModesReport.Write(report));
        Assert.Contains("modes.md", line, StringComparison.Ordinal);
        string md = File.ReadAllText(Path.Combine(_dir, "modes.md"));

        var (lo3, hi3) = Wilson(3, 10);
        var (lo7, hi7) = Wilson(7, 10);
        // Pooled share 0.5: z = 0.4 / sqrt(0.25 (1/10 + 1/10)); two-sided p = 2 (1 - Phi(z)); one other method, Bonferroni x 1.
        double p = 2 * Normal.CDF(0, 1, -0.4 / Math.Sqrt(0.25 * 0.2));
        Assert.Contains($"| almab-dc-ucb (ref.) | 10 | 0.300 [{F(lo3)}, {F(hi3)}] | – | {G((0.93 + 0.931 + 0.932) / 3)} | {G(0.90 + 0.001 * 6)} |", md, StringComparison.Ordinal);
        Assert.Contains($"| almab-dc-no-mab | 10 | 0.700 [{F(lo7)}, {F(hi7)}] | {p.ToString("G3", CultureInfo.InvariantCulture)} | {G(0.93 + 0.003)} | {G(0.90 + 0.008)} |", md, StringComparison.Ordinal);
        Assert.Contains("final best-value > 0.92", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Lower_is_better_counts_values_below_the_threshold_and_no_modes_means_no_table()
    {
        Assert.True(OutcomeModesReport.Reached(0.055, 0.066, lowerIsBetter: true));
        Assert.False(OutcomeModesReport.Reached(0.068, 0.066, lowerIsBetter: true));
        Assert.False(OutcomeModesReport.Reached(0.92, 0.92, lowerIsBetter: false)); // on the boundary: not beyond it

        var results = Cell("almab-dc-ucb", 3).ToList();
        var report = new ReportContext(Definition(null), results, lowerIsBetter: false, _dir, new Seed(1), new List<string>());
        Assert.Empty(OutcomeModesReport.Write(report));
        Assert.False(File.Exists(Path.Combine(_dir, "modes.md")));
    }

    [Fact]
    public void A_modes_spec_without_labels_is_refused_by_name()
    {
        var definition = Definition(new OutcomeModesSpec(0.92, "", "deceptive basin"));
        var problems = CaseLoader.Validate(definition, MethodRegistry.Default.All.Select(m => m.Id).ToHashSet(StringComparer.Ordinal)).ToList();
        Assert.Contains(problems, m => m.Contains("outcomeModes", StringComparison.Ordinal));
    }
}
