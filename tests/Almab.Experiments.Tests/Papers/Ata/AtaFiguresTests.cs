using System.Xml.Linq;
using Almab.Experiments.Papers.Ata;

namespace Almab.Experiments.Tests.Papers.Ata;

/// <summary>The Figure-1-like table figure on synthetic curves: one row of four log-axis panels per n, every method in the legend, PNG and SVG written.</summary>
public sealed class AtaFiguresTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("almab-ata-fig-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Table_figure_has_a_titled_panel_per_n_and_quantity_with_decade_ticks()
    {
        int[] ns = [17, 51];
        var curves = new List<AtaCurve>();
        foreach (int n in ns)
        {
            for (int m = 0; m < AtaTableExperiment.Methods.Length; m++)
            {
                long[] rounds = [1, 10, 100, 1000, 10000];
                double[] runtime = [.. rounds.Select(k => k * (2.0 + m) / n)];
                curves.Add(new AtaCurve("sqrt", n, AtaTableExperiment.Methods[m], 0, rounds, runtime, [.. runtime.Select(t => t * n)],
                    [.. rounds.Select(k => 10.0 / k)], [.. rounds.Select(k => m == 0 ? double.NaN : 0.5 * m * k)]));
            }
        }

        var files = AtaFigures.Table("table1", "ATA Table 1", ns, new AtaTableResult([], curves), _dir);
        Assert.True(new FileInfo(files.PngPath).Length > 10_000);
        XNamespace svg = "http://www.w3.org/2000/svg";
        var texts = XDocument.Load(files.SvgPath).Descendants(svg + "text").Select(t => t.Value.Trim()).ToList();
        Assert.Contains("ATA Table 1 (seed 0)", texts);
        Assert.Equal(4 * ns.Length, texts.Count(t => t.StartsWith("n = ", StringComparison.Ordinal)));
        foreach (string t in new[] { "Runtime (s)", "Total worker time (s)", "C_k / k (s)", "R_k / k (s)", "f(x) − f*", "1000", "0.1" }.Concat(AtaTableExperiment.Methods))
        {
            Assert.Contains(t, texts);
        }
    }
}
