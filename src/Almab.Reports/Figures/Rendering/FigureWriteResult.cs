namespace Almab.Reports.Figures.Rendering;

/// <summary>What <see cref="FigureWriter.Write(Model.Figure, string)"/> produced.</summary>
/// <param name="SvgPath">The SVG file written (always).</param>
/// <param name="PngPath">The PNG file written, or null when cairo is missing.</param>
/// <param name="Message">Null on full success; otherwise one line saying how to get PNG output.</param>
public sealed record FigureWriteResult(string SvgPath, string? PngPath, string? Message);
