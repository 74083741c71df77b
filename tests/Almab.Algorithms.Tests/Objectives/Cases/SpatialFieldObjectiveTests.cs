using Almab.Algorithms.Objectives.Cases;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Tests.Objectives.Cases;

public sealed class SpatialFieldObjectiveTests
{
    [Fact]
    public void Grid_is_eight_by_eight_cell_centres()
    {
        var o = new SpatialFieldObjective(new Seed(1));
        Assert.Equal(64, o.Points.Count);
        Assert.Equal([0.0625, 0.0625], o.Points[0]);
        Assert.Equal([0.9375, 0.9375], o.Points[63]);
        Assert.Equal(9, o.IndexOf(o.Space.Decode([0.2, 0.2])));
    }

    [Fact]
    public void Matern_kernel_matches_equation_9()
    {
        var o = new SpatialFieldObjective(new Seed(1));
        double r = 0.5;
        double expected = (1 + Math.Sqrt(3) * r / 0.35) * Math.Exp(-Math.Sqrt(3) * r / 0.35);
        Assert.Equal(expected, o.Kernel([0.1, 0.2], [0.4, 0.6]), 1e-14);
        Assert.Equal(1.0, o.Kernel([0.3, 0.3], [0.3, 0.3]), 1e-14);
    }

    [Fact]
    public void Fields_drawn_over_seeds_have_the_kernel_covariance()
    {
        const int fields = 3000;
        double s00 = 0, s01 = 0, s0far = 0;
        var probe = new SpatialFieldObjective(new Seed(0));
        int far = 63, near = 1;
        for (int f = 0; f < fields; f++)
        {
            var o = new SpatialFieldObjective(new Seed(99).Derive(f));
            s00 += o.FieldAt(0) * o.FieldAt(0);
            s01 += o.FieldAt(0) * o.FieldAt(near);
            s0far += o.FieldAt(0) * o.FieldAt(far);
        }

        // Sample second moments of a zero-mean Gaussian pair: sd of the estimate <= sqrt(2/n) for unit variances.
        double tol = 5 * Math.Sqrt(2.0 / fields);
        Assert.InRange(s00 / fields, 1 - tol, 1 + tol);
        Assert.InRange(s01 / fields, probe.Kernel(probe.Points[0], probe.Points[near]) - tol, probe.Kernel(probe.Points[0], probe.Points[near]) + tol);
        Assert.InRange(s0far / fields, probe.Kernel(probe.Points[0], probe.Points[far]) - tol, probe.Kernel(probe.Points[0], probe.Points[far]) + tol);
    }

    [Fact]
    public void The_field_is_a_function_of_its_seed_and_observations_add_the_stated_noise()
    {
        var a = new SpatialFieldObjective(new Seed(5));
        var b = new SpatialFieldObjective(new Seed(5));
        var c = new SpatialFieldObjective(new Seed(6));
        Assert.Equal(a.FieldAt(17), b.FieldAt(17));
        Assert.NotEqual(a.FieldAt(17), c.FieldAt(17));

        var rng = new Rng(2);
        var x = a.Space.Decode([0.5, 0.7]);
        const int n = 20_000;
        double sum = 0, sumSq = 0;
        for (int i = 0; i < n; i++)
        {
            double e = a.Evaluate(x, 1, rng).Value - a.FieldAt(a.IndexOf(x));
            sum += e;
            sumSq += e * e;
        }

        Assert.InRange(sum / n, -5 * 0.2 / Math.Sqrt(n), 5 * 0.2 / Math.Sqrt(n));
        Assert.InRange(Math.Sqrt(sumSq / n), 0.2 * 0.97, 0.2 * 1.03);
    }
}
