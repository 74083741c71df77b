using Almab.Algorithms.BestArm;

namespace Almab.Algorithms.Tests.BestArm;

/// <summary>Drives an agent directly (no shuffle) with scripted rewards and consumption.</summary>
internal static class ScriptedPulls
{
    /// <summary>
    /// Pulls while every total stays below C − 1 (the episode rule), with reward(arm, pullIndexOfArm) and a fixed
    /// consumption per arm and resource; returns the chosen arm sequence.
    /// </summary>
    public static List<int> Run(IBestArmAgent agent, double[] budgets, Func<int, int, double> reward,
        Func<int, int, double> consumption, int arms, out double[] totals, ulong seed = 1)
    {
        agent.Reset(arms, budgets, seed);
        var counts = new int[arms];
        var sums = new double[budgets.Length];
        totals = sums;
        var c = new double[budgets.Length];
        var chosen = new List<int>();
        while (Enumerable.Range(0, budgets.Length).All(l => sums[l] < budgets[l] - 1))
        {
            int arm = agent.Choose();
            if (arm < 0)
            {
                break;
            }

            chosen.Add(arm);
            for (int l = 0; l < budgets.Length; l++)
            {
                c[l] = consumption(l, arm);
                sums[l] += c[l];
            }

            agent.Observe(arm, reward(arm, counts[arm]++), c);
        }

        return chosen;
    }
}
