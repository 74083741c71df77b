using System.Text.Json;
using Almab.Reports.Statistics;

namespace Almab.Reports.Tests.Statistics;

/// <summary>Loads the scipy/R reference files under Fixtures/stats (copied to the output folder).</summary>
internal static class StatsFixture
{
    public static JsonElement Cases(string file)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "stats", file);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("cases").Clone();
    }

    public static IEnumerable<object[]> Indices(string file)
    {
        int count = Cases(file).GetArrayLength();
        for (int i = 0; i < count; i++)
        {
            yield return [i];
        }
    }

    public static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    /// <summary>A number stored either bare (Python) or as a one-element array (R).</summary>
    public static double Scalar(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array ? e[0].GetDouble() : e.GetDouble();

    public static Alternative ParseAlternative(string s) => s switch
    {
        "two-sided" => Alternative.TwoSided,
        "less" => Alternative.Less,
        "greater" => Alternative.Greater,
        _ => throw new ArgumentException(s),
    };

    public static TestMethod ParseMethod(string s) => s switch
    {
        "auto" => TestMethod.Auto,
        "exact" => TestMethod.Exact,
        "asymptotic" or "approx" => TestMethod.Asymptotic,
        _ => throw new ArgumentException(s),
    };

    /// <summary>Relative agreement (absolute below 1e-300, where relative error is meaningless).</summary>
    public static void Close(double expected, double actual, double rel, string what)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), $"{what}: expected NaN, got {actual}");
            return;
        }

        double tol = rel * Math.Max(Math.Abs(expected), 1e-300);
        Assert.True(Math.Abs(expected - actual) <= tol, $"{what}: expected {expected:R}, got {actual:R}");
    }
}
