using System.Globalization;
using System.Text;

namespace Almab.Reports.Csv;

/// <summary>
/// Minimal RFC 4180 CSV writing: fields with commas, quotes or line breaks are quoted and quotes
/// doubled; numbers use the invariant culture with round-trip precision; NaN is written empty.
/// </summary>
public static class CsvFormat
{
    /// <summary>Escapes one field.</summary>
    public static string Field(string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Formats a number ("R" precision, invariant culture); NaN becomes an empty field.</summary>
    public static string Field(double value) =>
        double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Joins already-formatted fields into one line (no terminator), escaping each.</summary>
    public static string Line(IEnumerable<string> fields)
    {
        var sb = new StringBuilder();
        bool first = true;
        foreach (string f in fields)
        {
            if (!first)
            {
                sb.Append(',');
            }

            sb.Append(Field(f));
            first = false;
        }

        return sb.ToString();
    }
}
