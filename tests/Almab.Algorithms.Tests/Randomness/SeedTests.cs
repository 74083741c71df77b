using System.Globalization;
using System.Text.Json;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Tests.Randomness;

public sealed class SeedTests
{
    [Fact]
    public void Derivation_matches_the_reference_transcription()
    {
        var reference = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Randomness", "rng_reference.json"))).RootElement;
        foreach (var entry in reference.GetProperty("derive").EnumerateArray())
        {
            var seed = new Seed(ulong.Parse(entry.GetProperty("root").GetString()!, CultureInfo.InvariantCulture));
            foreach (var step in entry.GetProperty("path").EnumerateArray())
            {
                seed = step.ValueKind == JsonValueKind.Number ? seed.Derive(step.GetInt64()) : seed.Derive(step.GetString()!);
            }

            Assert.Equal(ulong.Parse(entry.GetProperty("value").GetString()!, CultureInfo.InvariantCulture), seed.Value);
        }
    }

    [Fact]
    public void Adding_a_sibling_does_not_shift_existing_streams()
    {
        var root = new Seed(2024);
        var before = root.Derive("method:tpe").Value;

        // Deriving other coordinates first must not change a stream: derivation is a pure function.
        _ = root.Derive("method:random");
        _ = root.Derive(17);
        Assert.Equal(before, root.Derive("method:tpe").Value);
    }

    [Fact]
    public void Children_are_distinct_and_order_sensitive()
    {
        var root = new Seed(1);
        var values = new HashSet<ulong>();
        for (int i = 0; i < 10_000; i++)
        {
            Assert.True(values.Add(root.Derive(i).Value));
        }

        Assert.NotEqual(root.Derive("a").Derive("b"), root.Derive("b").Derive("a"));
        Assert.NotEqual(root.Derive("1"), root.Derive(1));
    }
}
