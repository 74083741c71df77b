using Almab.Algorithms.MultiObjective.DivideAndLearn;

namespace Almab.Algorithms.Tests.MultiObjective;

/// <summary>Each expert's update and index against numbers computed by hand from the formulas in the doc comments.</summary>
public sealed class ExpertUpdateTests
{
    [Fact]
    public void Ucb_mean_count_and_index()
    {
        var s = new PositionActionStatistics(positions: 2, actions: 3);
        s.Update(0, 1, r: 0.4, p: 0.5, learningRate: 0.5, clip: 0.01, problemSize: 20);
        s.Update(0, 1, r: 0.8, p: 0.25, learningRate: 0.5, clip: 0.01, problemSize: 20);
        Assert.Equal(2, s.Count(0, 1));
        Assert.Equal(0.6, s.Mean(0, 1), 15);
        // Q + c sqrt(ln t / N) = 0.6 + 3 sqrt(ln 2 / 2)
        Assert.Equal(0.6 + 3.0 * Math.Sqrt(Math.Log(2) / 2), s.Ucb(0, 1, 3.0), 15);
        Assert.Equal(double.PositiveInfinity, s.Ucb(0, 2, 3.0));
    }

    [Fact]
    public void Exp3_clipped_importance_weighted_log_weight()
    {
        var s = new PositionActionStatistics(1, 2);
        // r / max(p, c) = 0.8 / 0.25 = 3.2; S += 0.5 * 3.2 / 20 = 0.08
        s.Update(0, 0, 0.8, 0.25, 0.5, 0.01, 20);
        Assert.Equal(0.08, s.Exp3LogWeight(0, 0), 15);
        // p below the clip: 0.8 / 0.01 = 80; S += 0.5 * 80 / 20 = 2
        s.Update(0, 1, 0.8, 0.001, 0.5, 0.01, 20);
        Assert.Equal(2.0, s.Exp3LogWeight(0, 1), 12);
    }

    [Fact]
    public void Ftrl_capped_importance_weighted_loss_and_score()
    {
        var s = new PositionActionStatistics(1, 2);
        // loss 1 - 0.8 = 0.2, / 0.25 = 0.8, / n = 0.04
        s.Update(0, 0, 0.8, 0.25, 0.5, 0.01, 20);
        Assert.Equal(0.04, s.FtrlLoss(0, 0), 15);
        // loss 1 - 0 = 1, / 0.01 = 100, capped at 10, / 20 = 0.5
        s.Update(0, 1, 0.0, 0.001, 0.5, 0.01, 20);
        Assert.Equal(0.5, s.FtrlLoss(0, 1), 15);
        // score -eta (C - sqrt(N + 1)/n) = -0.5 (0.04 - sqrt 2 / 20)
        Assert.Equal(-0.5 * (0.04 - Math.Sqrt(2) / 20), s.FtrlScore(0, 0, 0.5, 20), 15);
    }

    [Fact]
    public void Thompson_posterior_and_soft_violation()
    {
        var s = new PositionActionStatistics(1, 3);
        s.Update(0, 0, 1.0, 1, 0.5, 0.01, 10);
        s.Update(0, 0, 1.0, 1, 0.5, 0.01, 10);
        s.Update(0, 1, 0.0, 1, 0.5, 0.01, 10);
        var (mean, sd) = s.ThompsonPosterior(0, 0);
        Assert.Equal((0.5 + 2 * 1.0) / 3, mean, 15);
        Assert.Equal(0.5 / Math.Sqrt(3), sd, 15);
        // Var of visited means {1, 0} = 0.25; c = 3 → scale 0.5; action 1 has N = 1 of max 2 → 0.5 * (1 - 1/2) = 0.25
        Assert.Equal(0.25, s.SoftViolation(0, 1, overlapCount: 3), 15);
        Assert.Equal(0.0, s.SoftViolation(0, 0, overlapCount: 3), 15);
        Assert.Equal(0.0, s.SoftViolation(0, 1, overlapCount: 1), 15);
    }

    [Fact]
    public void Dual_step_is_accelerated_entropic_mirror_ascent()
    {
        var d = new LagrangianDuals(1, step: 1.0);
        d.Step(0, 0.5); // t = 1: beta 0, log λ = ln 0.01 + 1.0/1 * 0.5
        Assert.Equal(Math.Log(0.01) + 0.5, Math.Log(d.Lambda(0)), 12);
        d.Step(0, 0.2); // t = 2: beta 1/4, momentum 0.25 * 0.5, step 0.2 / sqrt 2
        Assert.Equal(Math.Log(0.01) + 0.5 + 0.25 * 0.5 + 0.2 / Math.Sqrt(2), Math.Log(d.Lambda(0)), 12);
    }

    [Fact]
    public void Decomposition_windows_cover_and_overlap_as_configured()
    {
        var w = Decomposition.SlidingWindows(20, 15, 6);
        Assert.Equal(2, w.Count);
        Assert.Equal(Enumerable.Range(0, 15), w[0]);
        Assert.Equal(Enumerable.Range(5, 15), w[1]);
        var w100 = Decomposition.SlidingWindows(100, 35, 18);
        Assert.All(w100, x => Assert.Equal(35, x.Length));
        Assert.Equal(Enumerable.Range(0, 100), w100.SelectMany(x => x).Distinct().OrderBy(i => i));
        Assert.Equal(18, Decomposition.Overlap(18, 0.1, 0));
        Assert.Equal(9, Decomposition.Overlap(18, 0.1, 50));
    }
}
