using Almab.Algorithms.Bandits;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Tests.Bandits;

/// <summary>Runs a policy on stationary Bernoulli or Gaussian arms and records pulls.</summary>
internal static class BanditHarness
{
    /// <summary>Pulls per arm after <paramref name="horizon"/> synchronous rounds on Bernoulli arms.</summary>
    public static long[] RunBernoulli(IBanditPolicy policy, double[] means, int horizon, Rng rewards, int[]? history = null)
    {
        var pulls = new long[means.Length];
        for (int t = 0; t < horizon; t++)
        {
            int arm = policy.Select();
            pulls[arm]++;
            if (history is not null)
            {
                history[t] = arm;
            }

            policy.Update(arm, rewards.NextDouble() < means[arm] ? 1.0 : 0.0);
        }

        return pulls;
    }

    /// <summary>Pseudo-regret sum_i Delta_i n_i.</summary>
    public static double PseudoRegret(double[] means, long[] pulls)
    {
        double best = means.Max(), regret = 0;
        for (int i = 0; i < means.Length; i++)
        {
            regret += (best - means[i]) * pulls[i];
        }

        return regret;
    }
}
