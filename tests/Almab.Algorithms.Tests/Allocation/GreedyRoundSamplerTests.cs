using Almab.Algorithms.Allocation;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Tests.Allocation;

public sealed class GreedyRoundSamplerTests
{
    [Theory]
    [InlineData(5, 3, 1UL)]
    [InlineData(17, 23, 2UL)]
    [InlineData(60, 23, 3UL)]
    [InlineData(4, 12, 4UL)]
    public void Lazy_round_equals_the_dense_round_on_the_same_task_times(int n, int b, ulong seed)
    {
        // Task times c_i + Exp(c_i) with c_i = 29 sqrt(i): the lower bounds are the shifts.
        var times = ShiftedExponentialTaskTimes.SquareRoot(n);
        var rng = new Seed(seed).CreateRng();
        var minimum = new double[n];
        for (int i = 0; i < n; i++)
        {
            minimum[i] = times.Shift(i);
        }

        var sampler = new GreedyRoundSampler(minimum);
        for (int round = 0; round < 50; round++)
        {
            var matrix = new double[n * b];
            for (int i = 0; i < n; i++)
            {
                for (int u = 0; u < b; u++)
                {
                    matrix[(i * b) + u] = times.Sample(i, rng);
                }
            }

            var cursor = new int[n];
            var lazyCompleted = new int[n];
            var denseCompleted = new int[n];
            var lazy = sampler.Run(b, w => matrix[(w * b) + cursor[w]++], lazyCompleted);
            var dense = GreedyTaskAllocation.SimulateRound(matrix, n, b, denseCompleted);

            Assert.Equal(dense, lazy);
            Assert.Equal(denseCompleted, lazyCompleted);

            // Only workers that could finish before the round ended were asked, and never for more than they started.
            for (int i = 0; i < n; i++)
            {
                Assert.True(cursor[i] == 0 ? minimum[i] >= dense.RuntimeSeconds : cursor[i] >= denseCompleted[i]);
                Assert.True(cursor[i] <= denseCompleted[i] + 1);
            }
        }
    }

    [Fact]
    public void Bad_lower_bounds_and_budgets_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new GreedyRoundSampler([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GreedyRoundSampler([1.0, double.NaN]));
        var sampler = new GreedyRoundSampler([0.0, 0.0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => sampler.Run(0, _ => 1.0, new int[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => sampler.Run(2, _ => -1.0, new int[2]));
    }
}
