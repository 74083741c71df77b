using Almab.Algorithms.Bandits;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Tests.Bandits;

/// <summary>Batch UCB, batch TS and the asynchronous pending rules (survey 001 section 1.2).</summary>
public sealed class BatchAndAsyncPolicyTests
{
    [Fact]
    public void BatchUcb_CountAsPending_spreads_a_fresh_batch_and_then_repeats_the_leader()
    {
        var batch = new BatchUcbPolicy(new Ucb1Policy(3));
        Assert.Equal([0, 1, 2, 0, 1, 2], batch.SelectBatch(6));
        foreach (int arm in new[] { 0, 1, 2, 0, 1, 2 })
        {
            batch.Update(arm, arm == 2 ? 1.0 : 0.0);
        }

        // t = 6, n = 2 each: arm 2's index 1 + sqrt(2 ln 6 / 2) beats the others' sqrt(2 ln 6 / 2) until its own
        // pending pulls shrink its bonus: with k pending, 1 + sqrt(2 ln(6 + k) / (2 + k)) vs sqrt(2 ln(6 + k) / 2).
        int[] next = batch.SelectBatch(3);
        Assert.Equal([2, 2, 2], next);
    }

    [Fact]
    public void BatchUcb_TopB_takes_distinct_arms_by_one_index_pass()
    {
        var inner = new Ucb1Policy(4, c: 0.0);
        inner.Update(0, 0.1);
        inner.Update(1, 0.9);
        inner.Update(2, 0.5);
        inner.Update(3, 0.7);
        var batch = new BatchUcbPolicy(inner, BatchPendingRule.TopB);
        Assert.Equal([1, 3, 2], batch.SelectBatch(3));
        Assert.Equal(2, inner.Count(1));
    }

    [Fact]
    public void Batch_size_below_one_is_rejected_with_the_name_B()
    {
        var ucb = new BatchUcbPolicy(new Ucb1Policy(3));
        Assert.Contains("batch size B", Assert.Throws<ArgumentOutOfRangeException>(() => ucb.SelectBatch(0)).Message);
        var ts = new BatchThompsonPolicy(new GaussianThompsonPolicy(3, new Seed(1)));
        Assert.Contains("batch size B", Assert.Throws<ArgumentOutOfRangeException>(() => ts.SelectBatch(-2)).Message);
    }

    [Fact]
    public void Async_Ignore_repeats_the_arm_while_CountAsPending_spreads()
    {
        var ignore = new AsynchronousPolicy(new Ucb1Policy(3), AsyncPendingRule.Ignore);
        var count = new AsynchronousPolicy(new Ucb1Policy(3), AsyncPendingRule.CountAsPending);
        Assert.Equal([0, 0, 0], new[] { ignore.Select(), ignore.Select(), ignore.Select() });
        Assert.Equal([0, 1, 2], new[] { count.Select(), count.Select(), count.Select() });
        Assert.Equal(3, ignore.Running(0));
    }

    [Fact]
    public void Abandon_leaves_the_policy_as_if_the_pull_had_never_been_selected()
    {
        var ucb = new Ucb1Policy(3);
        ucb.Update(0, 0.3);
        ucb.Update(1, 0.6);
        var before = new double[3];
        ucb.ComputeIndices(before);
        int arm = ucb.Select();
        ucb.Abandon(arm);
        var after = new double[3];
        ucb.ComputeIndices(after);
        Assert.Equal(before, after);
        Assert.Throws<InvalidOperationException>(() => ucb.Abandon(arm));
    }

    [Fact]
    public void Batched_regret_on_a_fixed_instance_grows_with_B_but_stays_under_sequential_bound_plus_K_B()
    {
        double[] means = [0.9, 0.8, 0.6, 0.5, 0.2];
        const int pulls = 4096, seeds = 30;
        double bound = 0;
        foreach (double m in means.Skip(1))
        {
            bound += 8 * Math.Log(pulls) / (0.9 - m) + (1 + Math.PI * Math.PI / 3) * (0.9 - m);
        }

        foreach (int b in new[] { 1, 16 })
        {
            double mean = 0;
            for (int s = 0; s < seeds; s++)
            {
                var policy = new BatchUcbPolicy(new Ucb1Policy(means.Length));
                var rng = new Seed(31).Derive(s).CreateRng();
                var counts = new long[means.Length];
                var batch = new int[b];
                for (int round = 0; round < pulls / b; round++)
                {
                    policy.SelectBatch(batch);
                    foreach (int arm in batch)
                    {
                        counts[arm]++;
                        policy.Update(arm, rng.NextDouble() < means[arm] ? 1 : 0);
                    }
                }

                mean += BanditHarness.PseudoRegret(means, counts) / seeds;
            }

            // The survey's O(sqrt(KT log T) + KB): the batch overhead is at most K B pulls of the largest gap.
            Assert.True(mean <= bound + means.Length * b * 0.7, $"B = {b}: regret {mean} above {bound} + K B Delta_max");
        }
    }
}
