using System.Globalization;
using Almab.Experiments.Papers.AlmabDc.Reporting;

namespace Almab.Experiments.Reporting;

/// <summary>Number formats of the report captions (invariant culture).</summary>
public static class ReportText
{
    /// <summary>A p-value: three significant digits, scientific below 0.001, "&lt; 1e-300" at underflow.</summary>
    public static string P(double p) =>
        double.IsNaN(p) ? "n/a"
        : p == 0 ? "< 1e-300"
        : p < 0.001 ? p.ToString("0.0#e-00", CultureInfo.InvariantCulture)
        : p.ToString("G3", CultureInfo.InvariantCulture);

    /// <summary>A value with <paramref name="digits"/> significant digits.</summary>
    public static string G(double v, int digits = 3) => v.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>A comma-separated list of integers.</summary>
    public static string List(IEnumerable<int> values) => string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));

    /// <summary>A comma-separated list of doubles.</summary>
    public static string List(IEnumerable<double> values) => string.Join(", ", values.Select(v => G(v)));
}
