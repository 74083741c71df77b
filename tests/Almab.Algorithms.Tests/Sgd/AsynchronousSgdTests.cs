using Almab.Algorithms.Randomness;
using Almab.Algorithms.Sgd;

namespace Almab.Algorithms.Tests.Sgd;

public sealed class AsynchronousSgdTests
{
    private static double[] GradientDescent(TridiagonalQuadratic q, double[] x, double gamma)
    {
        var g = new double[x.Length];
        q.Gradient(x, g);
        return [.. x.Select((v, i) => v - (gamma * g[i]))];
    }

    [Fact]
    public void One_worker_with_every_task_is_plain_sequential_gradient_descent()
    {
        var q = new TridiagonalQuadratic(5);
        var asgd = new AsynchronousSgd(q, 0.3, 0.0, new Seed(1));
        asgd.RunRound([0, 3, 0], [2.0, 1.0, 5.0]);
        double[] x = new double[5];
        for (int s = 0; s < 3; s++)
        {
            x = GradientDescent(q, x, 0.3);
        }

        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(x[i], asgd.Point[i], 14);
        }

        Assert.Equal(3, asgd.Steps);
    }

    [Fact]
    public void Stale_gradients_are_taken_at_the_point_each_task_started_from_in_arrival_order()
    {
        // Worker 0: tasks of 1 s and 1 s (arrive at t = 1, 2); worker 1: one task of 1.5 s (arrives at 1.5).
        // Arrivals: w0 (grad at x0) -> x1; w0 restarts at x1; w1 (grad at x0, stale) -> x2; w0 (grad at x1) -> x3.
        var q = new TridiagonalQuadratic(4);
        const double gamma = 0.5;
        var asgd = new AsynchronousSgd(q, gamma, 0.0, new Seed(1));
        asgd.RunRound([2, 1], [1.0, 1.0, 1.5]);

        double[] x0 = new double[4];
        var g0 = new double[4];
        var g1 = new double[4];
        q.Gradient(x0, g0);
        double[] x1 = [.. x0.Select((v, i) => v - (gamma * g0[i]))];
        double[] x2 = [.. x1.Select((v, i) => v - (gamma * g0[i]))];
        q.Gradient(x1, g1);
        double[] x3 = [.. x2.Select((v, i) => v - (gamma * g1[i]))];
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(x3[i], asgd.Point[i], 14);
        }
    }

    [Fact]
    public void Reaches_the_tolerance_with_noise_and_is_deterministic()
    {
        var q = new TridiagonalQuadratic(8);
        long Run()
        {
            var asgd = new AsynchronousSgd(q, 1.0 / 23, 0.01, new Seed(4));
            long rounds = 0;
            int[] a = [10, 8, 5];
            double[] t = [.. Enumerable.Range(0, 23).Select(i => 1.0 + (0.37 * i % 1.3))];
            while (asgd.Suboptimality >= 1e-5 && rounds < 100_000)
            {
                asgd.RunRound(a, t);
                rounds++;
            }

            return rounds;
        }

        long first = Run();
        Assert.Equal(first, Run());
        long sync = MinibatchSgdTests.ClosedFormRounds(8, 1.0, 1e-5);

        // 23 steps of gamma/23 with mild staleness track one step of gamma: same order of rounds as minibatch GD.
        Assert.InRange(first, 0.8 * sync, 1.5 * sync);
    }

    [Fact]
    public void Allocation_and_task_times_must_agree()
    {
        var asgd = new AsynchronousSgd(new TridiagonalQuadratic(3), 0.1, 0.0, new Seed(1));
        Assert.Throws<ArgumentException>(() => asgd.RunRound([1, 1], [1.0]));
        Assert.Throws<ArgumentException>(() => asgd.RunRound([1], [1.0, 2.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => asgd.RunRound([-1, 2], [1.0]));
    }
}
