using System.Globalization;
using Almab.Reports.Csv;

namespace Almab.Reports.Tests.Csv;

/// <summary><see cref="CsvFormat"/> against RFC 4180 section 2 (rules 5-7) and round-trip number formatting.</summary>
public sealed class CsvFormatTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData("a,b", "\"a,b\"")]                        // rule 6: commas need quotes
    [InlineData("he said \"hi\"", "\"he said \"\"hi\"\"\"")] // rule 7: quotes doubled inside quotes
    [InlineData("two\nlines", "\"two\nlines\"")]          // rule 6: line breaks need quotes
    [InlineData("cr\rhere", "\"cr\rhere\"")]
    [InlineData("x=1;y=2", "x=1;y=2")]                     // other punctuation stays bare
    public void Fields_are_quoted_exactly_when_rfc_4180_requires(string value, string expected)
    {
        Assert.Equal(expected, CsvFormat.Field(value));
    }

    [Fact]
    public void Numbers_round_trip_in_the_invariant_culture_and_nan_is_empty()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            // A culture with a decimal comma must not leak into the file (built by hand: the test host may run in
            // globalization-invariant mode, without named cultures).
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            comma.NumberFormat.NumberGroupSeparator = ".";
            CultureInfo.CurrentCulture = comma;
            Assert.Equal("0,5", 0.5.ToString(CultureInfo.CurrentCulture));
            foreach (double v in new[] { 0.1, 1.0 / 3.0, -2.5e-300, 1e300, 123456789.125, double.Epsilon })
            {
                string field = CsvFormat.Field(v);
                Assert.DoesNotContain(",", field);
                Assert.Equal(v, double.Parse(field, CultureInfo.InvariantCulture));
            }

            Assert.Equal("", CsvFormat.Field(double.NaN));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void A_line_joins_escaped_fields_that_split_back_into_the_originals()
    {
        string[] fields = ["case,1", "say \"x\"", "", "plain"];
        string line = CsvFormat.Line(fields);
        Assert.Equal("\"case,1\",\"say \"\"x\"\"\",,plain", line);
        Assert.Equal(fields, Split(line));
    }

    /// <summary>An independent RFC 4180 field splitter for one line (quoted fields, doubled quotes).</summary>
    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
