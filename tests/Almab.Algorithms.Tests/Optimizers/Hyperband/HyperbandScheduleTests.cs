using Almab.Algorithms.Objectives;
using Almab.Algorithms.Optimizers.Hyperband;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Tests.Optimizers.Hyperband;

/// <summary>The bracket table against Li et al. 2018 (Table 1) and the schedule an optimizer actually follows.</summary>
public sealed class HyperbandScheduleTests
{
    private static readonly SearchSpace Box = new([Parameter.Float("x", 0, 1), Parameter.Float("y", 0, 1)]);

    [Fact]
    public void TableForR81Eta3IsThePapers()
    {
        // Li et al. 2018, Table 1 (R = 81, eta = 3): (n_i, r_i) per bracket s.
        (int N, double R)[][] paper =
        [
            [(81, 1), (27, 3), (9, 9), (3, 27), (1, 81)],
            [(34, 3), (11, 9), (3, 27), (1, 81)],
            [(15, 9), (5, 27), (1, 81)],
            [(8, 27), (2, 81)],
            [(5, 81)],
        ];
        var brackets = HyperbandSchedule.Brackets(new HyperbandOptions());
        Assert.Equal(5, brackets.Count);
        for (int b = 0; b < 5; b++)
        {
            Assert.Equal(4 - b, brackets[b].S);
            Assert.Equal(paper[b].Select(p => p.N), brackets[b].Rungs.Select(r => r.Configurations));
            Assert.Equal(paper[b].Select(p => p.R), brackets[b].Rungs.Select(r => Math.Round(r.Resource, 9)));
            Assert.Equal(paper[b].Select(p => p.R / 81), brackets[b].Rungs.Select(r => r.Fidelity), new ToleranceComparer(1e-15));
        }
    }

    [Fact]
    public void SequentialUseFollowsTheScheduleAndPromotesTheBest()
    {
        // One full Hyperband cycle asked one at a time and told at once: trials come rung by rung in the table's
        // order, and each rung's configurations are the best n_(i+1) of the previous rung.
        var opt = new HyperbandOptimizer(Box, new Seed(12));
        foreach (var bracket in opt.Brackets)
        {
            List<(Configuration C, double V)>? previous = null;
            foreach (var rung in bracket.Rungs)
            {
                var current = new List<(Configuration C, double V)>();
                for (int i = 0; i < rung.Configurations; i++)
                {
                    var t = opt.Ask(1)[0];
                    Assert.Equal(rung.Fidelity, t.Fidelity);
                    double v = t.Configuration[0] + 0.1 * t.Configuration[1];
                    opt.Tell(t, new Observation(v));
                    current.Add((t.Configuration, v));
                }

                if (previous is not null)
                {
                    var best = previous.OrderBy(p => p.V).Take(rung.Configurations).Select(p => p.C).ToHashSet();
                    Assert.True(best.SetEquals(current.Select(p => p.C)), $"bracket {bracket.S}: rung at fidelity {rung.Fidelity} is not the best of the previous one");
                }

                previous = current;
            }
        }

        Assert.Equal(5, opt.BracketsStarted);
        Assert.Equal(1.0 / 81, opt.Ask(1)[0].Fidelity, 15);
        Assert.Equal(6, opt.BracketsStarted);
    }

    [Fact]
    public void AWaitingRungStartsTheNextBracket()
    {
        var opt = new HyperbandOptimizer(Box, new Seed(13));
        var first = opt.Ask(100);
        Assert.Equal(81, first.Count(t => t.Fidelity == 1.0 / 81));
        Assert.Equal(19, first.Count(t => t.Fidelity == 1.0 / 27));
        Assert.Equal(2, opt.BracketsStarted);

        // Completing bracket 4's first rung promotes 27 configurations, which the next asks hand out first.
        foreach (var t in first.Where(t => t.Fidelity == 1.0 / 81))
        {
            opt.Tell(t, new Observation(t.Configuration[0]));
        }

        var rung0 = first.Where(t => t.Fidelity == 1.0 / 81).Select(t => t.Configuration).ToHashSet();
        var best27 = first.Where(t => t.Fidelity == 1.0 / 81).OrderBy(t => t.Configuration[0]).Take(27).Select(t => t.Configuration).ToHashSet();
        var next = opt.Ask(30);
        Assert.True(best27.SetEquals(next.Take(27).Select(t => t.Configuration)), "the first 27 asks are not bracket 4's promotions");
        Assert.All(next.Skip(27), t => Assert.DoesNotContain(t.Configuration, rung0));
        Assert.All(next, t => Assert.Equal(1.0 / 27, t.Fidelity, 15));
        Assert.Equal(2, opt.BracketsStarted);
    }

    [Fact]
    public void FailedEvaluationsArePromotedLast()
    {
        var opt = new SuccessiveHalvingOptimizer(Box, new Seed(14), new HyperbandOptions { MinFidelity = 1.0 / 3 });
        Assert.Equal([3, 1], opt.Bracket.Rungs.Select(r => r.Configurations));
        var rung0 = opt.Ask(3);
        opt.Tell(rung0[0], new Observation(double.NaN, Failed: true));
        opt.Tell(rung0[1], new Observation(5.0));
        opt.Tell(rung0[2], new Observation(7.0));
        var promoted = opt.Ask(1)[0];
        Assert.Equal(1.0, promoted.Fidelity);
        Assert.Equal(rung0[1].Configuration, promoted.Configuration);
    }

    [Fact]
    public void NonPowerRangesAndBadOptions()
    {
        // R = 100, eta = 3: s_max = 4, the first rung starts at 100 / 81 units of the minimum fidelity.
        var o = new HyperbandOptions { MinFidelity = 0.01 };
        var b = HyperbandSchedule.Brackets(o);
        Assert.Equal(4, o.MaxBracket);
        Assert.Equal(100.0 / 81, b[0].Rungs[0].Resource, 12);
        Assert.Equal(1.0 / 81, b[0].Rungs[0].Fidelity, 15);
        Assert.Contains("MinFidelity", Assert.Throws<ArgumentOutOfRangeException>(() => HyperbandSchedule.Brackets(new HyperbandOptions { MinFidelity = 0 })).Message);
        Assert.Contains("MaxFidelity", Assert.Throws<ArgumentOutOfRangeException>(() => HyperbandSchedule.Brackets(new HyperbandOptions { MaxFidelity = 1.5 })).Message);
        Assert.Contains("Eta", Assert.Throws<ArgumentOutOfRangeException>(() => HyperbandSchedule.Brackets(new HyperbandOptions { Eta = 1 })).Message);
        Assert.Contains("bracket", Assert.Throws<ArgumentOutOfRangeException>(() => new SuccessiveHalvingOptimizer(Box, new Seed(1), bracket: 5)).Message);
        Assert.Contains("MinPointsInModel", Assert.Throws<ArgumentOutOfRangeException>(() => new BohbOptimizer(Box, new Seed(1), new BohbOptions { MinPointsInModel = 2 })).Message);
        Assert.Contains("TopPercent", Assert.Throws<ArgumentOutOfRangeException>(() => new BohbOptimizer(Box, new Seed(1), new BohbOptions { TopPercent = 100 })).Message);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
