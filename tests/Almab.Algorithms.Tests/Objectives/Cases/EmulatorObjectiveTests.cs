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

    private static IObjective Create(string name, bool globalBasinOnly = false) => name switch
    {
        "hpo" => new HpoEmulatorObjective(0, globalBasinOnly),
        "airfoil" => new AirfoilEmulatorObjective(0, globalBasinOnly),
        _ => new RlEmulatorObjective(0, globalBasinOnly),
    };

    /// <summary>Accuracy and return are maximized (stored negated); drag is minimized as is.</summary>
    private static double Natural(string name, double minimized) => name == "airfoil" ? minimized : -minimized;

    [Theory]
    [MemberData(nameof(Names))]
    public void Noise_free_values_match_the_documented_formula(string name)
    {
        MatchesFixture(name, globalBasinOnly: false, "value");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Single_basin_reading_matches_its_documented_formula(string name)
    {
        MatchesFixture(name, globalBasinOnly: true, "global");
    }

    /// <summary>
    /// Leaving the deceptive basin out can only make a point worse: softmin(g, l) &lt;= g, so the two-basin accuracy and
    /// return are at least the single-basin ones and the two-basin drag at most. At the stated optimum the single-basin
    /// values are closed forms: case 1 has g = 0 there (0.944); case 3's depth is an integer, so depth 3 leaves
    /// z4 = 1/3 and R = 10100 - 4300 (1 - exp(-1/9)).
    /// </summary>
    [Theory]
    [MemberData(nameof(Names))]
    public void Single_basin_reading_is_never_better_and_keeps_the_global_optimum(string name)
    {
        var two = Create(name);
        var one = Create(name, globalBasinOnly: true);
        var rng = new Rng(11);
        int worse = 0;
        for (int i = 0; i < 5_000; i++)
        {
            var x = two.Space.Sample(rng);
            double a = two.Evaluate(x, 1.0, rng).TrueValue!.Value, b = one.Evaluate(x, 1.0, rng).TrueValue!.Value;
            Assert.True(b >= a - 1e-12, $"single-basin {b} better than two-basin {a} at {two.Space.Format(x)}");
            worse += b > a + 1e-3 * Math.Abs(a) ? 1 : 0;
        }

        Assert.True(worse > 500, $"only {worse} of 5000 points lie in the left-out basin");
        if (name == "airfoil")
        {
            Assert.InRange(one.OptimalValue!.Value, 0.0540, 0.0550);
        }
        else
        {
            double expected = name == "hpo" ? 0.944 : 10_100 - 4300 * (1 - Math.Exp(-1.0 / 9));
            Assert.Equal(expected, Natural(name, one.OptimalValue!.Value), 1e-9 * expected);
        }
    }

    private static void MatchesFixture(string name, bool globalBasinOnly, string field)
    {
        var objective = Create(name, globalBasinOnly);
        foreach (var point in Fixture.GetProperty(name).EnumerateArray())
        {
            double[] x = point.GetProperty("x").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            double expected = point.GetProperty(field).GetDouble();
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
