using Almab.Algorithms.Sgd;

namespace Almab.Algorithms.Tests.Sgd;

public sealed class TridiagonalQuadraticTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(32)]
    public void Minimizer_and_optimum_match_the_closed_form_and_the_gradient_vanishes(int d)
    {
        var q = new TridiagonalQuadratic(d);
        double[] x = q.Minimizer();
        Assert.Equal(-d / (8.0 * (d + 1)), q.OptimalValue, 14);
        Assert.Equal(q.OptimalValue, q.Value(x), 13);
        var g = new double[d];
        q.Gradient(x, g);
        Assert.All(g, v => Assert.Equal(0.0, v, 13));
        x[d / 2] += 1e-3;
        Assert.True(q.Value(x) > q.OptimalValue);
    }

    [Fact]
    public void Gradient_matches_central_differences_of_the_value()
    {
        var q = new TridiagonalQuadratic(6);
        double[] x = [0.3, -1.2, 0.7, 2.0, -0.4, 0.9];
        var g = new double[6];
        q.Gradient(x, g);
        for (int i = 0; i < 6; i++)
        {
            double[] up = (double[])x.Clone(), down = (double[])x.Clone();
            up[i] += 1e-5;
            down[i] -= 1e-5;
            Assert.Equal((q.Value(up) - q.Value(down)) / 2e-5, g[i], 8);
        }
    }

    [Fact]
    public void Eigenvalues_bound_the_rayleigh_quotient_of_a_and_match_the_closed_form()
    {
        var q = new TridiagonalQuadratic(10);
        Assert.Equal(Math.Pow(Math.Sin(Math.PI / 22.0), 2), q.SmallestEigenvalue, 14);
        Assert.Equal(Math.Pow(Math.Sin(10 * Math.PI / 22.0), 2), q.LargestEigenvalue, 14);

        // The eigenvector v_j = sin(j k pi / (d + 1)) for k = 1 gives A v = lambda_min v; (Ax)_i = grad_i - grad_i(0).
        double[] v = [.. Enumerable.Range(1, 10).Select(j => Math.Sin(j * Math.PI / 11.0))];
        var gv = new double[10];
        var g0 = new double[10];
        q.Gradient(v, gv);
        q.Gradient(new double[10], g0);
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(q.SmallestEigenvalue * v[i], gv[i] - g0[i], 13);
        }
    }

    [Fact]
    public void Bad_dimension_names_the_field()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new TridiagonalQuadratic(1));
        Assert.Contains("dimension", ex.Message, StringComparison.Ordinal);
    }
}
