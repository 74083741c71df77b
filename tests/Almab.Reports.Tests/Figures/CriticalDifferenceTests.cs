using Almab.Reports.Figures.Builders;
using FsCheck;
using FsCheck.Fluent;

namespace Almab.Reports.Tests.Figures;

/// <summary>Critical-difference groups (Demšar 2006, section 3.2.2) against brute force and a worked example; the diagram's text.</summary>
public sealed class CriticalDifferenceTests
{
    [Fact]
    public void Critical_difference_groups_match_brute_force()
    {
        Prop.ForAll(
            Gen.Choose(2, 9).SelectMany(k => Gen.ArrayOf(Gen.Choose(100, 100 * k), k).Select(r => r.Select(v => v / 100.0).ToArray())).ToArbitrary(),
            Gen.Choose(1, 400).Select(c => c / 100.0).ToArbitrary(),
            (ranks, cd) =>
            {
                var got = CriticalDifferenceGroups.Compute(ranks, cd).Select(g => g.Select(i => ranks[i]).OrderBy(v => v).ToArray()).ToList();
                var expected = BruteForce(ranks, cd);
                return got.Count == expected.Count &&
                       got.Zip(expected).All(p => p.First.SequenceEqual(p.Second));
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Critical_difference_groups_of_a_worked_example()
    {
        // Ranks 1.6 2.1 3.2 3.6 5.0 5.5 with CD 1.2: {1.6, 2.1}, {2.1, 3.2}, {3.2, 3.6}, {5.0, 5.5}.
        var g = CriticalDifferenceGroups.Compute([1.6, 2.1, 3.2, 3.6, 5.0, 5.5], 1.2);
        Assert.Equal([[0, 1], [1, 2], [2, 3], [4, 5]], g.Select(x => x.ToArray()).ToArray());
    }

    [Fact]
    public void Diagram_names_every_method_with_its_rank_the_rank_ticks_and_the_cd()
    {
        var grid = CriticalDifferenceFigures.Diagram(["ALMAB-DC", "GP-UCB", "Random"], [1.2, 1.9, 2.9], 0.8, new FigureOptions(Title: "Nemenyi, α = 0.05"));
        var svg = new Charts.SvgChart(grid.RenderSvg());
        foreach (string t in new[] { "Nemenyi, α = 0.05", "ALMAB-DC (1.20)", "GP-UCB (1.90)", "Random (2.90)", "CD = 0.80", "1", "2", "3" })
        {
            Assert.Contains(t, svg.Texts);
        }

        // One group ({1.2, 1.9}: 0.7 < 0.8): the CD bar, its two end ticks, the axis, 3 + 2 ticks, one group bar, 3 x 2 elbow segments.
        Assert.Equal(1 + 2 + 1 + 5 + 1 + 6, grid.Charts[0].Plot.GetPlottables<ScottPlot.Plottables.LinePlot>().Count());
    }

    [Fact]
    public void Bad_inputs_name_the_field()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CriticalDifferenceFigures.Diagram(["a", "b"], [1, 3], 1));
        Assert.Contains("'b'", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => CriticalDifferenceFigures.Diagram(["a"], [1], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CriticalDifferenceFigures.Diagram(["a", "b"], [1, 2], double.NaN));
        Assert.Throws<ArgumentException>(() => new Almab.Reports.Figures.Chart().Line([1, 2], [1]));
    }

    private static List<double[]> BruteForce(double[] ranks, double cd)
    {
        double[] s = ranks.OrderBy(v => v).ToArray();
        var intervals = new List<(int A, int B)>();
        for (int a = 0; a < s.Length; a++)
        {
            for (int b = a + 1; b < s.Length; b++)
            {
                if (s[b] - s[a] < cd)
                {
                    intervals.Add((a, b));
                }
            }
        }

        return intervals
            .Where(i => !intervals.Any(j => j != i && j.A <= i.A && j.B >= i.B))
            .OrderBy(i => i.A)
            .Select(i => s[i.A..(i.B + 1)])
            .ToList();
    }
}
