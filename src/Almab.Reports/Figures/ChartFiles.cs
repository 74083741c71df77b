namespace Almab.Reports.Figures;

/// <summary>The two files a chart or grid was written to.</summary>
/// <param name="PngPath">The raster image.</param>
/// <param name="SvgPath">The vector image (text kept as SVG text).</param>
public sealed record ChartFiles(string PngPath, string SvgPath);
