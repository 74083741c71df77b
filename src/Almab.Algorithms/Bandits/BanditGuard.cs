namespace Almab.Algorithms.Bandits;

/// <summary>Argument checks and the lowest-index argmax shared by the bandit policies.</summary>
internal static class BanditGuard
{
    public static void Arm(int arm, int arms)
    {
        if ((uint)arm >= (uint)arms)
        {
            throw new ArgumentOutOfRangeException(nameof(arm), arm, $"arm must be in [0, {arms - 1}].");
        }
    }

    public static void Reward(double reward)
    {
        if (!double.IsFinite(reward))
        {
            throw new ArgumentOutOfRangeException(nameof(reward), reward, "reward must be finite.");
        }
    }

    public static void UnitReward(double reward)
    {
        if (!(reward >= 0 && reward <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(reward), reward, "reward must lie in [0, 1] for this policy.");
        }
    }

    public static void Arms(int arms)
    {
        if (arms < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(arms), arms, "arms must be >= 1.");
        }
    }

    public static void BatchSize(int batchSize)
    {
        if (batchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"batch size B must be >= 1, got {batchSize}.");
        }
    }

    public static void Context(ReadOnlySpan<double> context, int dimension)
    {
        if (context.Length != dimension)
        {
            throw new ArgumentException($"context has dimension {context.Length}, expected {dimension}.", nameof(context));
        }

        foreach (double x in context)
        {
            if (!double.IsFinite(x))
            {
                throw new ArgumentException("context entries must be finite.", nameof(context));
            }
        }
    }

    public static IAbandonablePolicy Abandonable(IBanditPolicy policy) =>
        policy as IAbandonablePolicy
        ?? throw new InvalidOperationException($"{policy.GetType().Name} cannot abandon a pending pull (the drop rule needs IAbandonablePolicy).");

    /// <summary>Index of the largest value; ties break to the lowest index.</summary>
    public static int ArgMax(ReadOnlySpan<double> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
