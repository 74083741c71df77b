using Almab.Algorithms.Allocation;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Tests.Allocation;

public sealed class GreedyTaskAllocationTests
{
    [Fact]
    public void Hand_worked_round_counts_abandoned_work_up_to_the_round_end()
    {
        // Worker 0 finishes at 1, 2, 3; worker 1 at 2.5, 3.5. The 3rd completion is at 2.5 (worker 1), when worker 0
        // is 0.5 s into its third task: that 0.5 s is abandoned work.
        double[] times = [1.0, 1.0, 1.0, 2.5, 1.0, 1.0];
        var completed = new int[2];
        var r = GreedyTaskAllocation.SimulateRound(times, 2, 3, completed);
        Assert.Equal(2.5, r.RuntimeSeconds);
        Assert.Equal([2, 1], completed);
        Assert.Equal(4.5, r.CompletedWorkSeconds);
        Assert.Equal(5.0, r.TotalWorkerSeconds);
        Assert.Equal(0.5, r.AbandonedWorkSeconds, 12);
    }

    [Fact]
    public void Simultaneous_completions_go_to_the_lowest_index()
    {
        double[] times = [2.0, 2.0, 2.0, 2.0];
        var completed = new int[2];
        var r = GreedyTaskAllocation.SimulateRound(times, 2, 2, completed);
        Assert.Equal(2.0, r.RuntimeSeconds);
        Assert.Equal([1, 1], completed);

        var one = new int[2];
        GreedyTaskAllocation.SimulateRound(times.AsSpan(0, 2).ToArray(), 2, 1, one);
        Assert.Equal([1, 0], one);
    }

    [Fact]
    public void Exponential_workers_match_the_memoryless_closed_form()
    {
        // n identical Exp(mean 1) workers: completions form a Poisson process of rate n, so the round lasts a sum of
        // B Exp(rate n): mean B / n, variance B / n^2. Tolerance: 5 standard errors of the mean.
        const int n = 4;
        const int tasks = 6;
        const int rounds = 20_000;
        var rng = new Seed(41).CreateRng();
        var draws = new double[n * tasks];
        var completed = new int[n];
        var perWorker = new double[n];
        double sum = 0.0;
        for (int k = 0; k < rounds; k++)
        {
            for (int j = 0; j < draws.Length; j++)
            {
                draws[j] = rng.NextExponential(1.0);
            }

            var r = GreedyTaskAllocation.SimulateRound(draws, n, tasks, completed);
            Assert.Equal(n * r.RuntimeSeconds, r.TotalWorkerSeconds, 9);
            sum += r.RuntimeSeconds;
            for (int i = 0; i < n; i++)
            {
                perWorker[i] += completed[i];
            }
        }

        double se = Math.Sqrt(tasks / (double)(n * n) / rounds);
        Assert.InRange(sum / rounds, tasks / (double)n - 5 * se, tasks / (double)n + 5 * se);

        // By symmetry each worker completes B / n tasks per round on average; per-round count variance <= B^2 / 4.
        double seCount = Math.Sqrt(tasks * tasks / 4.0 / rounds);
        Assert.All(perWorker, c => Assert.InRange(c / rounds, 1.5 - 5 * seCount, 1.5 + 5 * seCount));
    }

    [Fact]
    public void Invalid_inputs_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => GreedyTaskAllocation.SimulateRound(new double[5], 2, 3, new int[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => GreedyTaskAllocation.SimulateRound([], 2, 0, new int[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => GreedyTaskAllocation.SimulateRound([1.0, -1.0], 2, 1, new int[2]));
    }
}
