using Almab.Reports.Figures.Layout;

namespace Almab.Reports.Figures.Rendering;

/// <summary>Writes a laid-out figure to a file in one format.</summary>
public interface IFigureRenderer
{
    /// <summary>File extension including the dot, e.g. ".svg".</summary>
    string Extension { get; }

    /// <summary>Renders <paramref name="layout"/> to <paramref name="path"/> (overwrites).</summary>
    void Render(FigureLayout layout, string path);
}
