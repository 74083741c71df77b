namespace Almab.Reports.Figures.Text;

/// <summary>Measures the advance width of a single line of DejaVu Sans text.</summary>
public interface ITextMeasurer
{
    /// <summary>Advance width in pixels of <paramref name="text"/> at <paramref name="sizePx"/> pixels per em.</summary>
    double MeasureWidth(string text, double sizePx, bool bold);
}
