using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Tests.Spaces;

public sealed class SearchSpaceTests
{
    private static SearchSpace Mixed() => new(
    [
        Parameter.Float("lr", 1e-4, 1e-1, log: true),
        Parameter.Float("dropout", 0.0, 0.5),
        Parameter.Integer("layers", 1, 6),
        Parameter.Categorical("optimizer", ["sgd", "adam", "rmsprop"]),
        Parameter.Grid("dose", [0.5, 1.0, 2.0, 4.0]),
    ]);

    [Fact]
    public void Samples_are_inside_the_space_and_round_trip_through_the_unit_cube()
    {
        var space = Mixed();
        var rng = new Rng(1);
        for (int i = 0; i < 2000; i++)
        {
            var c = space.Sample(rng);
            Assert.True(space.Contains(c), space.Format(c));
            var u = space.Encode(c);
            Assert.All(u, x => Assert.InRange(x, 0.0, 1.0));
            var back = space.Decode(u);
            Assert.Equal(c[2], back[2]);
            Assert.Equal(c[3], back[3]);
            Assert.Equal(c[4], back[4]);
            Assert.Equal(c[0], back[0], 1e-12 * c[0]);
            Assert.Equal(c[1], back[1], 1e-12);
        }
    }

    [Fact]
    public void Log_float_samples_are_log_uniform()
    {
        var space = new SearchSpace([Parameter.Float("x", 1e-3, 1e3, log: true)]);
        var rng = new Rng(2);
        const int n = 60_000;
        int belowOne = 0;
        for (int i = 0; i < n; i++)
        {
            if (space.Sample(rng)[0] < 1.0)
            {
                belowOne++;
            }
        }

        // log10 uniform on [-3, 3]: P(x < 1) = 1/2.
        Assert.InRange((double)belowOne / n, 0.5 - 5 * Math.Sqrt(0.25 / n), 0.5 + 5 * Math.Sqrt(0.25 / n));
    }

    [Fact]
    public void Integer_and_finite_values_get_equal_mass_in_the_cube()
    {
        var space = new SearchSpace([Parameter.Integer("k", 1, 5), Parameter.Categorical("c", ["a", "b", "c"])]);
        var rng = new Rng(3);
        const int n = 30_000;
        var k = new int[6];
        var c = new int[3];
        for (int i = 0; i < n; i++)
        {
            var x = space.Sample(rng);
            k[(int)x[0]]++;
            c[(int)x[1]]++;
        }

        for (int v = 1; v <= 5; v++)
        {
            Assert.InRange(k[v] / (double)n, 0.2 - 5 * Math.Sqrt(0.16 / n), 0.2 + 5 * Math.Sqrt(0.16 / n));
        }

        Assert.All(c, count => Assert.InRange(count / (double)n, 1.0 / 3 - 0.015, 1.0 / 3 + 0.015));
    }

    [Fact]
    public void Cardinality_and_finiteness()
    {
        Assert.Null(Mixed().Cardinality);
        var grid = new SearchSpace([Parameter.Grid("x", [1, 2, 3]), Parameter.Integer("y", 0, 7)]);
        Assert.True(grid.IsFinite);
        Assert.Equal(24, grid.Cardinality);
    }

    [Theory]
    [InlineData("empty name")]
    [InlineData("bounds")]
    [InlineData("log")]
    [InlineData("grid order")]
    [InlineData("duplicate choice")]
    [InlineData("duplicate name")]
    public void Invalid_definitions_are_rejected_with_a_message(string which)
    {
        var e = Assert.Throws<ArgumentException>(() => which switch
        {
            "empty name" => (object)Parameter.Float(" ", 0, 1),
            "bounds" => Parameter.Float("x", 1, 1),
            "log" => Parameter.Float("x", 0, 1, log: true),
            "grid order" => Parameter.Grid("x", [1, 3, 2]),
            "duplicate choice" => Parameter.Categorical("x", ["a", "a"]),
            _ => new SearchSpace([Parameter.Float("x", 0, 1), Parameter.Integer("x", 0, 1)]),
        });
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [Fact]
    public void Decode_clamps_out_of_range_and_nan_coordinates()
    {
        var space = Mixed();
        var c = space.Decode([-1, 2, double.NaN, 1.0, 0.0]);
        Assert.True(space.Contains(c));
        Assert.Equal(1e-4, c[0], 1e-18);
        Assert.Equal(0.5, c[1]);
        Assert.Equal(2, c[3]);
        Assert.Equal(0.5, c[4]);
    }

    [Fact]
    public void Snap_equals_encode_of_decode_for_every_parameter_kind()
    {
        var space = Mixed();
        var rng = new Rng(3);
        var unit = new double[space.Dimension];
        var snapped = new double[space.Dimension];
        for (int t = 0; t < 500; t++)
        {
            for (int i = 0; i < unit.Length; i++)
            {
                unit[i] = rng.NextDouble();
            }

            space.Snap(unit, snapped);
            Assert.Equal(space.Encode(space.Decode(unit)), snapped);
        }

        Assert.Throws<ArgumentException>(() => space.Snap(new double[2], snapped));
    }
}
