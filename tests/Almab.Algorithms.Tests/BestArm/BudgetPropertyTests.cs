using Almab.Algorithms.BestArm;
using Almab.Algorithms.BestArm.Agents;
using Almab.Algorithms.Randomness;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Almab.Algorithms.Tests.BestArm;

public sealed class BudgetPropertyTests
{
    public sealed record Case(double[] Means, double[][] Consumption, double[] Budgets, ConsumptionModel Model, ulong Seed)
    {
        public override string ToString() =>
            $"K={Means.Length} L={Budgets.Length} C=[{string.Join(",", Budgets)}] {Model} seed={Seed}";
    }

    public static class Cases
    {
        public static Arbitrary<Case> Small() =>
            (from k in Gen.Choose(2, 12)
             from l in Gen.Choose(1, 3)
             from means in Gen.ArrayOf(Gen.Choose(0, 100), k)
             from use in Gen.ArrayOf(Gen.Choose(0, 100), k * l)
             from budgets in Gen.ArrayOf(Gen.Choose(1, 120), l)
             from model in Gen.Elements(ConsumptionModel.Deterministic, ConsumptionModel.Uncorrelated, ConsumptionModel.Correlated)
             from seed in Gen.Choose(0, int.MaxValue)
             select new Case(
                 means.Select(m => m / 100.0).ToArray(),
                 Enumerable.Range(0, l).Select(r => use.Skip(r * k).Take(k).Select(u => Math.Max(u, 1) / 100.0).ToArray()).ToArray(),
                 budgets.Select(b => b / 2.0).ToArray(),
                 model,
                 (ulong)seed)).ToArbitrary();
    }

    public static IBestArmAgent[] AllAgents() =>
        [new ShRrAgent(), new UniformAgent(), new UcbAgent(), new AtLucbAgent(), new DoublingSequentialHalvingAgent(), new ResourceAwareUcbAgent()];

    [Property(Arbitrary = new[] { typeof(Cases) }, MaxTest = 200)]
    public bool No_agent_ever_exceeds_any_budget_and_every_run_uses_it_up_unless_it_stops(Case c)
    {
        var instance = BestArmInstance.Create("p", c.Means, c.Consumption, c.Budgets);
        var environment = new BestArmEnvironment(instance, c.Model);
        var episode = new BestArmEpisode();
        foreach (var agent in AllAgents())
        {
            var outcome = episode.Run(environment, agent, new Seed(c.Seed).Derive(agent.Name));
            var totals = episode.Totals;
            bool reachedLimit = false;
            for (int l = 0; l < c.Budgets.Length; l++)
            {
                if (totals[l] > c.Budgets[l])
                {
                    return false;
                }

                reachedLimit |= totals[l] >= c.Budgets[l] - 1;
            }

            // Only SH-RR stops on its own (its failure rule), and then it answers "none".
            bool stoppedEarly = !reachedLimit && outcome.Pulls < 100_000;
            if (stoppedEarly && !(agent is ShRrAgent && outcome.Answer == -1))
            {
                return false;
            }

            if (outcome.Answer < -1 || outcome.Answer >= c.Means.Length)
            {
                return false;
            }
        }

        return true;
    }
}
