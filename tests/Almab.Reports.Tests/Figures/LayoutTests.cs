using Almab.Reports.Figures.Layout;
using Almab.Reports.Figures.Model;
using Almab.Reports.Figures.Rendering;
using Almab.Reports.Figures.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Almab.Reports.Tests.Figures;

/// <summary>Ticks, text measurement and critical-difference groups.</summary>
public sealed class LayoutTests
{
    [Theory]
    [InlineData(0, 1, 5)]
    [InlineData(-3.2, 17.9, 6)]
    [InlineData(0.8812, 0.9317, 5)]
    [InlineData(1e-7, 3e-7, 4)]
    [InlineData(-250, -10, 8)]
    public void Linear_ticks_are_nice_multiples_inside_the_limits(double min, double max, int target)
    {
        double[] t = Ticks.Linear(min, max, target);
        Assert.InRange(t.Length, Math.Max(2, target / 2), target * 2 + 1);
        double step = t[1] - t[0];
        double mag = Math.Pow(10, Math.Floor(Math.Log10(step)));
        Assert.Contains(Math.Round(step / mag, 6), new[] { 1.0, 2.0, 2.5, 5.0, 10.0 });
        foreach (double v in t)
        {
            Assert.InRange(v, min - 1e-12, max + 1e-12);
            Assert.Equal(0, Math.Abs(v / step - Math.Round(v / step)), 6);
        }

        string[] labels = Ticks.Labels(t, AxisScale.Linear);
        Assert.Equal(labels.Length, labels.Distinct().Count());
    }

    [Fact]
    public void Log_ticks_are_decades_or_1_2_5_and_labels_use_unicode_minus()
    {
        Assert.Equal([1, 10, 100, 1000], Ticks.Log10(1, 1000));
        Assert.Equal([2, 5, 10, 20, 50], Ticks.Log10(1.5, 60));
        Assert.Equal(["0.01", "0.1", "1", "1e6"], Ticks.Labels([0.01, 0.1, 1, 1e6], AxisScale.Log10));
        Assert.Equal(["\u22121.0", "\u22120.5", "0.0", "0.5"], Ticks.Labels([-1, -0.5, 0, 0.5], AxisScale.Linear));
        Assert.Equal(["0.00", "0.25", "0.50"], Ticks.Labels([0, 0.25, 0.5], AxisScale.Linear));
    }

    [Theory]
    [InlineData("Best validation accuracy", 13, false)]
    [InlineData("ALMAB-DC (UCB) 0.9312 ± 0.004 λ σ", 12, false)]
    [InlineData("Figure title: Speedup vs K", 16, true)]
    public void Width_table_agrees_with_cairo(string text, double size, bool bold)
    {
        Assert.NotNull(CairoTextMeasurer.Instance);
        double cairo = CairoTextMeasurer.Instance!.MeasureWidth(text, size, bold);
        double table = ApproximateTextMeasurer.Instance.MeasureWidth(text, size, bold);
        Assert.True(Math.Abs(cairo - table) < 0.01 * cairo + 0.5, $"cairo {cairo} vs table {table}");
    }

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
    public void Bad_inputs_name_the_field()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new CriticalDifferencePanel(["a", "b"], [1, 3], 1));
        Assert.Contains("'b'", e.Message);
        Assert.Throws<ArgumentException>(() => new LineSeries([1, 2], [1]));
        var fig = new Figure(200, 200);
        Axes ax = fig.AddAxes();
        ax.Y.Scale = AxisScale.Log10;
        ax.Y.Min = 0;
        ax.Add(new LineSeries([1, 2], [1, 2]));
        Assert.Contains("log10", Assert.Throws<ArgumentException>(() => FigureLayoutEngine.Compute(fig, ApproximateTextMeasurer.Instance)).Message);
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
