using System.Xml;
using System.Xml.Linq;
using Almab.Reports.Figures;
using Almab.Reports.Html;

namespace Almab.Reports.Tests.Html;

/// <summary>Structure of the index.html written beside a bundle's index.md: well-formed, every figure inline, every table sortable, verdicts classed, nothing external.</summary>
public sealed class BundleHtmlTests : IDisposable
{
    private static readonly XNamespace X = "http://www.w3.org/1999/xhtml";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "almab-html-" + Guid.NewGuid().ToString("N"));

    public BundleHtmlTests()
    {
        Directory.CreateDirectory(_dir);
        var chart = new Chart("ipv vs evaluations").Labels("Evaluations", "ipv");
        chart.Line([1, 2, 3], [3, 2, 1], "almab-dc-ucb");
        chart.Save(Path.Combine(_dir, "convergence"), 500, 300);
        File.WriteAllText(Path.Combine(_dir, "summary.md"), """
            # Final ipv by method

            | Method | n | ipv mean ± sd |
            |---|---:|---:|
            | almab-dc-ucb (ref.) | 20 | 0.0603 ± 0.0013 |
            | lhs †† | 20 | **0.0871 ± 0.0097** |
            """);
        File.WriteAllText(Path.Combine(_dir, "claims.md"), """
            | claim | stated | Almab [95 % CI] | verdict | why |
            |---|---|---|---|---|
            | c5-almab-ipv | 0.061 | 0.0603 [0.0595, 0.0609] | **reproduced** | overlaps |
            | c5-random-ipv | 0.106 | 0.098 [0.093, 0.103] | **not reproduced** | outside (−8 %) |
            | c4-x | 0.1 | – | not reproducible | objective not given |

            3 claims: 1 reproduced, 1 not reproduced.
            """);
        File.WriteAllText(Path.Combine(_dir, "index.md"), """
            # Case 5 <report> & more

            Source: paper 000.

            ## Tables

            - [summary.md](summary.md) ([csv](summary.csv)) — final ipv per method.

            ## Figures

            - ![convergence](convergence.png) [convergence.png](convergence.png) / [svg](convergence.svg) — median and IQR of `ipv`.
            - ![gone](gone.png) — a figure that was not drawn.

            ## Claims

            - [claims.md](claims.md) — every number the paper states.
            """);
    }

    public void Dispose() => Directory.Delete(_dir, true);

    private XDocument Page()
    {
        string path = BundleHtml.Write(_dir);
        Assert.Equal(Path.Combine(_dir, "index.html"), path);
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    [Fact]
    public void Page_is_well_formed_and_titled_from_the_first_heading()
    {
        XDocument page = Page();
        Assert.Equal("Case 5 <report> & more", page.Descendants(X + "title").Single().Value);
        Assert.Equal("Case 5 <report> & more", page.Descendants(X + "h1").Single().Value);
        Assert.Single(page.Descendants(X + "script"));
    }

    [Fact]
    public void Every_figure_is_embedded_as_a_data_uri_of_its_png()
    {
        XDocument page = Page();
        var images = page.Descendants(X + "img").ToList();
        var img = Assert.Single(images);
        string src = (string)img.Attribute("src")!;
        Assert.StartsWith("data:image/png;base64,", src, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_dir, "convergence.png")), Convert.FromBase64String(src["data:image/png;base64,".Length..]));
        Assert.Equal("convergence", (string)img.Attribute("alt")!);
        Assert.Contains(page.Descendants(X + "span"), s => (string?)s.Attribute("class") == "missing" && s.Value.Contains("gone.png", StringComparison.Ordinal));
        Assert.Contains(page.Descendants(X + "code"), c => c.Value == "ipv");
    }

    [Fact]
    public void Linked_markdown_files_are_rendered_in_place_with_sortable_tables()
    {
        XDocument page = Page();
        var sections = page.Descendants(X + "section").Select(s => (string)s.Attribute("id")!).ToList();
        Assert.Equal(["file-summary-md", "file-claims-md"], sections);
        Assert.Contains(page.Descendants(X + "a"), a => (string?)a.Attribute("href") == "#file-summary-md");
        Assert.Contains(page.Descendants(X + "a"), a => (string?)a.Attribute("href") == "summary.csv");
        var tables = page.Descendants(X + "table").ToList();
        Assert.Equal(2, tables.Count);
        foreach (XElement table in tables)
        {
            Assert.Equal("sortable", (string?)table.Attribute("class"));
            var headers = table.Element(X + "thead")!.Descendants(X + "th").ToList();
            Assert.NotEmpty(headers);
            Assert.All(headers, th => Assert.Equal("none", (string?)th.Attribute("aria-sort")));
            int columns = headers.Count;
            Assert.All(table.Element(X + "tbody")!.Elements(X + "tr"), tr => Assert.Equal(columns, tr.Elements(X + "td").Count()));
        }

        var summary = tables[0];
        Assert.Equal(["Method", "n", "ipv mean ± sd"], summary.Descendants(X + "th").Select(t => t.Value));
        Assert.Equal("num", (string?)summary.Descendants(X + "td").ElementAt(1).Attribute("class"));
        Assert.Contains(summary.Descendants(X + "strong"), s => s.Value == "0.0871 ± 0.0097");
    }

    [Fact]
    public void Claims_verdicts_carry_their_colour_class()
    {
        var claims = Page().Descendants(X + "table").Last();
        var verdicts = claims.Descendants(X + "td").Where(td => ((string?)td.Attribute("class") ?? "").StartsWith("verdict", StringComparison.Ordinal))
            .Select(td => ((string)td.Attribute("class")!, td.Value)).ToList();
        Assert.Equal(
            [("verdict verdict-reproduced", "reproduced"), ("verdict verdict-not-reproduced", "not reproduced"), ("verdict verdict-other", "not reproducible")],
            verdicts);
    }

    [Fact]
    public void Page_needs_no_network()
    {
        string html = File.ReadAllText(BundleHtml.Write(_dir));
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/1999/xhtml", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_index_md_is_a_clear_error()
    {
        string empty = Path.Combine(_dir, "empty");
        Directory.CreateDirectory(empty);
        var e = Assert.Throws<FileNotFoundException>(() => BundleHtml.Write(empty));
        Assert.Contains("index.md", e.Message, StringComparison.Ordinal);
    }
}
