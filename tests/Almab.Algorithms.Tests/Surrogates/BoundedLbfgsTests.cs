using Almab.Algorithms.Surrogates;

namespace Almab.Algorithms.Tests.Surrogates;

/// <summary>The bounded L-BFGS behind the GP hyperparameter fit, on problems with closed-form minimisers.</summary>
public sealed class BoundedLbfgsTests
{
    [Fact]
    public void FindsTheUnconstrainedRosenbrockMinimum()
    {
        var x = new[] { -1.2, 1.0 };
        double f = new BoundedLbfgs(2).Minimize(new Rosenbrock(), x, [-10.0, -10.0], [10.0, 10.0], 500);
        Assert.True(f < 1e-10, $"f = {f}");
        Assert.Equal(1.0, x[0], 1e-4);
        Assert.Equal(1.0, x[1], 1e-4);
    }

    [Fact]
    public void StopsOnTheActiveBound()
    {
        // With x <= 0.5 the minimiser is (0.5, 0.25): f >= (1 - x)^2 > 0.25 for x < 0.5, and f(0.5, 0.25) = 0.25.
        var x = new[] { -1.5, 2.0 };
        double f = new BoundedLbfgs(2).Minimize(new Rosenbrock(), x, [-2.0, -2.0], [0.5, 2.0], 500);
        Assert.Equal(0.5, x[0]);
        Assert.Equal(0.25, x[1], 1e-6);
        Assert.Equal(0.25, f, 1e-10);
    }

    [Fact]
    public void QuadraticWithBothBoundsActive()
    {
        // f = sum (x_i - c_i)^2 with c outside the box on two coordinates: the minimiser is the projection of c.
        var x = new[] { 0.0, 0.0, 0.0 };
        double[] lower = [-1.0, -1.0, -1.0], upper = [1.0, 1.0, 1.0];
        double f = new BoundedLbfgs(3).Minimize(new Quadratic([3.0, -0.25, -7.0]), x, lower, upper, 100);
        Assert.Equal(1.0, x[0]);
        Assert.Equal(-0.25, x[1], 1e-8);
        Assert.Equal(-1.0, x[2]);
        Assert.Equal(4.0 + 36.0, f, 1e-10);
    }

    private sealed class Rosenbrock : IBoundedObjective
    {
        private double _x;
        private double _y;

        public double Value(ReadOnlySpan<double> p)
        {
            _x = p[0];
            _y = p[1];
            return (1 - _x) * (1 - _x) + 100 * (_y - _x * _x) * (_y - _x * _x);
        }

        public void GradientOfLastValue(Span<double> g)
        {
            g[0] = -2 * (1 - _x) - 400 * _x * (_y - _x * _x);
            g[1] = 200 * (_y - _x * _x);
        }
    }

    private sealed class Quadratic(double[] centre) : IBoundedObjective
    {
        private readonly double[] _last = new double[centre.Length];

        public double Value(ReadOnlySpan<double> p)
        {
            double s = 0.0;
            for (int i = 0; i < p.Length; i++)
            {
                _last[i] = p[i];
                s += (p[i] - centre[i]) * (p[i] - centre[i]);
            }

            return s;
        }

        public void GradientOfLastValue(Span<double> g)
        {
            for (int i = 0; i < g.Length; i++)
            {
                g[i] = 2 * (_last[i] - centre[i]);
            }
        }
    }
}
