namespace Almab.Reports.Html;

/// <summary>The inline style sheet and the table-sorting script of <see cref="BundleHtml"/> pages (no external resources).</summary>
internal static class BundleHtmlAssets
{
    /// <summary>Style: readable column, compact tables, verdict colours (green reproduced, red not reproduced, amber other).</summary>
    public const string Css = """
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #1d1d1d; background: #fff; margin: 0; }
        main { max-width: 1280px; margin: 0 auto; padding: 16px 28px 40px; line-height: 1.45; }
        h1 { font-size: 1.7em; border-bottom: 2px solid #0072B2; padding-bottom: 6px; }
        h2 { font-size: 1.3em; margin-top: 1.6em; color: #0b4f7a; }
        h3, h4 { font-size: 1.1em; margin-top: 1.2em; }
        ul { padding-left: 1.3em; }
        li { margin: 0.35em 0; }
        li.has-figure { list-style: none; margin: 1.2em 0 1.6em -1.3em; padding: 10px 12px; border: 1px solid #ddd; border-radius: 6px; background: #fafafa; }
        figure { margin: 0 0 8px 0; }
        figure img { max-width: 100%; height: auto; display: block; border: 1px solid #e4e4e4; background: #fff; }
        section.embedded { border-left: 4px solid #56B4E9; padding: 2px 0 8px 16px; margin: 12px 0 20px; }
        section.embedded h2.file, section.embedded h3.file, section.embedded h4.file { font-family: monospace; color: #555; font-size: 1em; }
        table.sortable { border-collapse: collapse; margin: 10px 0 18px; font-size: 0.88em; }
        table.sortable th, table.sortable td { border: 1px solid #d0d0d0; padding: 4px 8px; vertical-align: top; }
        table.sortable th { background: #eef3f7; cursor: pointer; user-select: none; white-space: nowrap; }
        table.sortable th:hover { background: #dde9f2; }
        table.sortable th[aria-sort="ascending"]::after { content: " \25B2"; color: #0072B2; }
        table.sortable th[aria-sort="descending"]::after { content: " \25BC"; color: #0072B2; }
        table.sortable th[aria-sort="none"]::after { content: " \21C5"; color: #aaa; }
        table.sortable tbody tr:nth-child(even) { background: #fbfbfb; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.verdict { font-weight: bold; white-space: nowrap; }
        table.sortable td:first-child { white-space: nowrap; }
        td.verdict-reproduced { background: #dff3e4; color: #14532d; }
        td.verdict-not-reproduced { background: #fde2df; color: #8a1c0f; }
        td.verdict-other { background: #fff3d1; color: #6b4e00; }
        code { background: #f2f2f2; padding: 0 3px; border-radius: 3px; }
        pre { background: #f6f6f6; padding: 8px; overflow-x: auto; }
        .missing { color: #8a1c0f; font-style: italic; }
        footer { margin-top: 40px; color: #888; font-size: 0.8em; }

        """;

    /// <summary>Sorts a table by the clicked (or Enter-pressed) header: numerically when both cells start with a number, else by text; again reverses.</summary>
    public const string Script = """
        (function () {
          function key(cell) {
            var t = (cell ? cell.textContent : '').trim().replace(/\u2212/g, '-');
            var m = t.match(/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?/);
            return { n: m ? parseFloat(m[0]) : NaN, t: t.toLowerCase() };
          }
          function sortBy(th) {
            var table = th.closest('table'), body = table.tBodies[0], col = th.cellIndex;
            var ascending = th.getAttribute('aria-sort') !== 'ascending';
            Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.setAttribute('aria-sort', 'none'); });
            th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var x = key(a.cells[col]), y = key(b.cells[col]), d;
              if (!isNaN(x.n) && !isNaN(y.n)) { d = x.n - y.n; }
              else if (!isNaN(x.n)) { d = -1; }
              else if (!isNaN(y.n)) { d = 1; }
              else { d = x.t.localeCompare(y.t); }
              return ascending ? d : -d;
            });
            rows.forEach(function (r) { body.appendChild(r); });
          }
          Array.prototype.forEach.call(document.querySelectorAll('table.sortable th'), function (th) {
            th.tabIndex = 0;
            th.title = 'Sort by this column';
            th.addEventListener('click', function () { sortBy(th); });
            th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sortBy(th); } });
          });
        })();

        """;
}
