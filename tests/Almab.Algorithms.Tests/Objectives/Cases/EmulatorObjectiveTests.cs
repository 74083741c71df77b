using System.Text.Json;
using Almab.Algorithms.Objectives;
using Almab.Algorithms.Objectives.Cases;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Tests.Objectives.Cases;

public sealed class EmulatorObjectiveTests
{
    private static readonly JsonElement Fixture = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Emulators", "emulator_values.json"))).RootElement;

    public static TheoryData<string> Names => new() { "hpo", "airfoil", "rl" };

    private static IObjective Create(string name) => name switch
    {
        "hpo" => new HpoEmulatorObjective(0),
        "airfoil" => new AirfoilEmulatorObjective(0),
        _ => new RlEmulatorObjective(0),
    };

    /// <summary>Accuracy and return are maximized (stored negated); drag is minimized as is.</summary>
    private static double Natural(string name, double minimized) => name == "airfoil" ? minimized : -minimized;

    [Theory]
    [MemberData(nameof(Names))]
    public void Noise_free_values_match_the_documented_formula(string name)
    {
        var objective = Create(name);
        foreach (var point in Fixture.GetProperty(name).EnumerateArray())
        {
            double[] x = point.GetProperty("x").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            double expected = point.GetProperty("value").GetDouble();
            double actual = Natural(name, objective.Evaluate(new Configuration(x), 1.0, new Rng(1)).TrueValue!.Value);
            Assert.Equal(expected, actual, Math.Abs(expected) * 1e-12);
        }
    }

    [Theory]
    [InlineData("hpo", 0.80, 0.945)]
    [InlineData("airfoil", 0.054, 0.104)]
    [InlineData("rl", 5900, 10101)]
    public void Values_stay_in_the_papers_ranges_and_the_optimum_bounds_them(string name, double low, double high)
    {
        var objective = Create(name);
        var rng = new Rng(3);
        double optimum = Natural(name, objective.OptimalValue!.Value);
        for (int i = 0; i < 20_000; i++)
        {
            double v = Natural(name, objective.Evaluate(objective.Space.Sample(rng), 1.0, rng).TrueValue!.Value);
            Assert.InRange(v, low, high);
            if (name == "airfoil")
            {
                Assert.True(v >= optimum - 1e-4, $"{v} below the grid optimum {optimum}");
            }
            else
            {
                Assert.True(v <= optimum + 1e-9, $"{v} above the stated optimum {optimum}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Lower_fidelity_is_cheaper_and_further_from_the_final_value(string name)
    {
        var objective = Create(name);
        var rng = new Rng(5);
        for (int i = 0; i < 200; i++)
        {
            var x = objective.Space.Sample(rng);
            var full = objective.Evaluate(x, 1.0, rng);
            var low = objective.Evaluate(x, 1.0 / 9, rng);
            Assert.True(low.CostSeconds < full.CostSeconds);
            Assert.True(low.TrueValue > full.TrueValue, "low fidelity must look worse (higher minimized value)");
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => objective.Evaluate(objective.Space.Sample(rng), 0, rng));
    }
}
