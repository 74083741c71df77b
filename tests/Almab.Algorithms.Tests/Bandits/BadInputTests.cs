using Almab.Algorithms.Bandits;
using Almab.Algorithms.Bandits.Federated;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Tests.Bandits;

/// <summary>The survey policies' bad-input rules (issue 16): B &lt; 1, P &lt; 1, lambda &lt;= 0, a context of the wrong dimension, a NaN reward.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string> Policies() => ["ucb1", "gaussian-ts", "sw-ucb", "d-ucb", "cusum-ucb", "hierarchical-ucb", "batch-ucb"];

    private static IBanditPolicy Make(string name) => name switch
    {
        "ucb1" => new Ucb1Policy(4),
        "gaussian-ts" => new GaussianThompsonPolicy(4, new Seed(1)),
        "sw-ucb" => new SlidingWindowUcbPolicy(4, 10),
        "d-ucb" => new DiscountedUcbPolicy(4, 0.99),
        "cusum-ucb" => new CusumUcbPolicy(4, 10, 0.05, 3.0, new Seed(2)),
        "hierarchical-ucb" => new HierarchicalUcbPolicy(16),
        _ => new BatchUcbPolicy(new Ucb1Policy(4)),
    };

    [Theory]
    [MemberData(nameof(Policies))]
    public void A_nan_reward_is_rejected_and_leaves_the_policy_unchanged(string name)
    {
        var policy = Make(name);
        int arm = policy.Select();
        var e = Assert.ThrowsAny<ArgumentException>(() => policy.Update(arm, double.NaN));
        Assert.Contains("reward", e.Message, StringComparison.OrdinalIgnoreCase);
        policy.Update(arm, 0.5); // the pull is still pending and completes normally
    }

    [Fact]
    public void Cucb_linear_and_federated_policies_reject_nan_rewards_bad_contexts_and_bad_parameters()
    {
        var cucb = new CucbPolicy(5, 2);
        Assert.Contains("reward", Assert.ThrowsAny<ArgumentException>(() => cucb.Update(0, double.NaN)).Message);
        var lints = new LinearThompsonPolicy(3, 4, new Seed(3));
        Assert.Contains("dimension 5, expected 4", Assert.Throws<ArgumentException>(() => lints.Select(new double[5])).Message);
        Assert.Contains("dimension 2, expected 4", Assert.Throws<ArgumentException>(() => lints.Update(0, new double[2], 1.0)).Message);
        Assert.Contains("reward", Assert.ThrowsAny<ArgumentException>(() => lints.Update(0, new double[4], double.NaN)).Message);
        Assert.Contains("lambda must be finite and > 0, got 0", Assert.Throws<ArgumentOutOfRangeException>(() => new LinUcbPolicy(3, 2, lambda: 0)).Message);
        Assert.Contains("lambda must be finite and > 0, got -1", Assert.Throws<ArgumentOutOfRangeException>(() => new LinUcbPolicy(3, 2, lambda: -1)).Message);
        Assert.Contains("aggregation period P must be >= 1, got 0", Assert.Throws<ArgumentOutOfRangeException>(() => FederatedSchedule.Periodic(0)).Message);
        Assert.Contains("batch size B", Assert.Throws<ArgumentOutOfRangeException>(() => new BatchUcbPolicy(new Ucb1Policy(3)).SelectBatch(0)).Message);
    }
}
