using System.Text.Json;

namespace Almab.Algorithms.Tests.MultiObjective;

/// <summary>Reads Fixtures/MultiObjective/deap_indicators.json (made by make_deap_fixtures.py with Debian's DEAP 1.3).</summary>
internal static class DeapFixtures
{
    public sealed record Case(
        string Name, int M, double[] Points, double[] Reference, double Hypervolume, int[] Rank, int[] FirstFront,
        double[] CrowdingDeap, int? SelectK, int[]? Selected)
    {
        public int Count => Points.Length / M;

        public override string ToString() => Name;
    }

    private static readonly Lazy<Case[]> All = new(Load);

    public static IEnumerable<object[]> Names() => All.Value.Select(c => new object[] { c.Name });

    public static IEnumerable<object[]> SelectionNames() =>
        All.Value.Where(c => c.SelectK is not null).Select(c => new object[] { c.Name });

    public static Case Get(string name) => All.Value.Single(c => c.Name == name);

    private static Case[] Load()
    {
        var root = JsonDocument.Parse(File.ReadAllText(
            Path.Combine(AppContext.BaseDirectory, "Fixtures", "MultiObjective", "deap_indicators.json"))).RootElement;
        var list = new List<Case>();
        foreach (var c in root.GetProperty("cases").EnumerateArray())
        {
            list.Add(new Case(
                c.GetProperty("name").GetString()!,
                c.GetProperty("m").GetInt32(),
                Doubles(c.GetProperty("points")),
                Doubles(c.GetProperty("reference")),
                c.GetProperty("hypervolume").GetDouble(),
                Ints(c.GetProperty("rank")),
                Ints(c.GetProperty("first_front")),
                c.GetProperty("crowding_first_front_deap").EnumerateArray()
                    .Select(e => e.ValueKind == JsonValueKind.Null ? double.PositiveInfinity : e.GetDouble()).ToArray(),
                c.TryGetProperty("select_k", out var k) ? k.GetInt32() : null,
                c.TryGetProperty("selected", out var s) ? Ints(s) : null));
        }

        return list.ToArray();
    }

    private static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();

    private static int[] Ints(JsonElement e) => e.EnumerateArray().Select(x => x.GetInt32()).ToArray();
}
