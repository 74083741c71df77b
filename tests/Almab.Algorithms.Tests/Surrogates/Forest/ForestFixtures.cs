using System.Text.Json;

namespace Almab.Algorithms.Tests.Surrogates.Forest;

/// <summary>Reads the scikit-learn fixtures written by Fixtures/Forest/make_forest_fixtures.py.</summary>
internal static class ForestFixtures
{
    public static IReadOnlyList<JsonElement> Cases(string file)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Forest", file);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToList();
    }

    public static double[] Flat(double[][] rows) => rows.SelectMany(r => r).ToArray();
}
