using System.Xml.Linq;

namespace Almab.Reports.Tests.Figures.Charts;

/// <summary>What a chart's SVG holds, read with an XML parser: its text strings and the colours of the data series drawn inside the clipped data area.</summary>
internal sealed class SvgChart
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public SvgChart(string svg)
    {
        Document = XDocument.Parse(svg);
        Texts = [.. Document.Descendants(Svg + "text").Select(t => t.Value.Trim())];
        var clipped = Document.Descendants(Svg + "g").Where(g => g.Attribute("clip-path") is not null).SelectMany(g => g.Descendants(Svg + "path"))
            .Where(p => !string.IsNullOrWhiteSpace((string?)p.Attribute("d"))).ToList();
        StrokeColors = [.. clipped.Where(p => (string?)p.Attribute("fill") == "none").Select(p => ((string?)p.Attribute("stroke") ?? "").ToUpperInvariant()).Distinct()];
        FillColors = [.. clipped.Where(p => (string?)p.Attribute("fill") is { } f && f != "none").Select(p => ((string?)p.Attribute("fill"))!.ToUpperInvariant()).Distinct()];
        FontFamilies = [.. Document.Descendants(Svg + "text").Select(t => (string?)t.Attribute("font-family") ?? "").Distinct()];
    }

    public XDocument Document { get; }

    /// <summary>Every text element's content, trimmed.</summary>
    public IReadOnlyList<string> Texts { get; }

    /// <summary>Distinct stroke colours (#RRGGBB, upper case) of unfilled paths inside the data area's clip groups.</summary>
    public IReadOnlyList<string> StrokeColors { get; }

    /// <summary>Distinct fill colours of filled paths inside the clip groups (bands, bars, markers).</summary>
    public IReadOnlyList<string> FillColors { get; }

    /// <summary>Distinct font-family attributes of the text elements.</summary>
    public IReadOnlyList<string> FontFamilies { get; }
}
