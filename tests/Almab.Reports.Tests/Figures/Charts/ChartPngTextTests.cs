using Almab.Reports.Figures;
using SkiaSharp;

namespace Almab.Reports.Tests.Figures.Charts;

/// <summary>
/// PNG text is really drawn: ScottPlot writes figures without any text when it finds no font, so these count dark
/// pixels in the band where a title goes, rendered with and without the title, and check the bundled font is the one in use.
/// </summary>
public sealed class ChartPngTextTests
{
    private static int DarkPixels(byte[] png, int top, int bottom, int left = 0, int right = int.MaxValue)
    {
        using SKBitmap bitmap = SKBitmap.Decode(png);
        int dark = 0;
        for (int y = top; y < bottom; y++)
        {
            for (int x = left; x < Math.Min(right, bitmap.Width); x++)
            {
                SKColor c = bitmap.GetPixel(x, y);
                dark += c.Red + c.Green + c.Blue < 3 * 100 ? 1 : 0;
            }
        }

        return dark;
    }

    private static Chart Curve(string? title)
    {
        var chart = new Chart(title);
        chart.Line([0, 1, 2], [0, 1, 4]);
        return chart;
    }

    [Fact]
    public void Figure_title_puts_ink_in_the_title_band_and_none_without_it()
    {
        byte[] with = new ChartGrid(600, 400, "Speedup of every method (K = 1..16)").Add(Curve(null)).RenderPng();
        byte[] without = new ChartGrid(600, 400).Add(Curve(null)).RenderPng();
        int inked = DarkPixels(with, 0, 30);
        Assert.True(inked > 300, $"only {inked} dark pixels in the title band");
        Assert.Equal(0, DarkPixels(without, 0, 10));
        Assert.True(DarkPixels(with, 0, 30) > 20 * Math.Max(1, DarkPixels(new ChartGrid(600, 400, "   ").Add(Curve(null)).RenderPng(), 0, 30)));
    }

    [Fact]
    public void Panel_title_and_tick_labels_are_drawn_in_the_png()
    {
        Chart titledChart = Curve("Panel title with some words"), plainChart = Curve(null);
        byte[] titled = new ChartGrid(600, 400).Add(titledChart).RenderPng();
        byte[] plain = new ChartGrid(600, 400).Add(plainChart).RenderPng();
        int titledInk = DarkPixels(titled, 0, (int)titledChart.Plot.LastRender.DataRect.Top - 2, 150, 450);
        int plainInk = DarkPixels(plain, 0, (int)plainChart.Plot.LastRender.DataRect.Top - 2, 150, 450);
        Assert.True(titledInk > 300, $"only {titledInk} dark pixels above the data area where the title goes");
        Assert.Equal(0, plainInk);
        int bottom = (int)plainChart.Plot.LastRender.DataRect.Bottom + 2;
        Assert.True(DarkPixels(plain, bottom, 400) > 100, "no tick labels under the x axis");
    }

    [Fact]
    public void Bundled_font_is_loaded_from_its_file_and_rejects_undrawable_text()
    {
        Assert.True(File.Exists(Path.Combine(ChartFont.Directory, "DejaVuSans.ttf")));
        Assert.True(File.Exists(Path.Combine(ChartFont.Directory, "LICENSE-DejaVu.txt")));
        Assert.Equal("DejaVu Sans", ChartFont.Typeface.FamilyName);
        Assert.Equal("σ ≤ 0.11 ± λ × μ Σ − R²", ChartFont.RequireDrawable("σ ≤ 0.11 ± λ × μ Σ − R²"));
        var e = Assert.Throws<InvalidOperationException>(() => new Chart("收敛"));
        Assert.Contains("U+6536", e.Message, StringComparison.Ordinal);
        Assert.True(ChartFont.MeasureWidth("Evaluations", 12) > 40);
    }

    [Fact]
    public void Missing_corrupt_or_wrong_font_files_fail_with_a_message_naming_the_file()
    {
        string dir = Path.Combine(Path.GetTempPath(), "almab-font-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var missing = Assert.Throws<InvalidOperationException>(() => ChartFont.Load(dir, "DejaVuSans.ttf", out _));
            Assert.Contains("not found", missing.Message, StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(dir, "DejaVuSans.ttf"), "not a font");
            var corrupt = Assert.Throws<InvalidOperationException>(() => ChartFont.Load(dir, "DejaVuSans.ttf", out _));
            Assert.Contains(Path.Combine(dir, "DejaVuSans.ttf"), corrupt.Message, StringComparison.Ordinal);
            File.Copy(Path.Combine(ChartFont.Directory, "DejaVuSans.ttf"), Path.Combine(dir, "copy.ttf"));
            Assert.EndsWith("copy.ttf", ChartFont.Load(dir, "copy.ttf", out var face), StringComparison.Ordinal);
            face.Dispose();
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
