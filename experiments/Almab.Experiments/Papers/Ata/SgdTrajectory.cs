using Almab.Algorithms.Randomness;
using Almab.Algorithms.Sgd;

namespace Almab.Experiments.Papers.Ata;

/// <summary>
/// One synchronous minibatch-SGD run until the tolerance, keeping f − f* only at the checkpoint rounds (a run can
/// take millions of rounds). Shared by every method of a seed: their rounds see the same gradient noise.
/// </summary>
internal sealed class SgdTrajectory
{
    private readonly long[] _grid;
    private readonly double[] _gaps;

    private SgdTrajectory(long[] grid, double[] gaps, long rounds, double finalGap)
    {
        _grid = grid;
        _gaps = gaps;
        Rounds = rounds;
        FinalGap = finalGap;
    }

    /// <summary>Rounds taken (the first with f − f* below the tolerance, or the round cap).</summary>
    public long Rounds { get; }

    /// <summary>f − f* after the last round.</summary>
    public double FinalGap { get; }

    public static SgdTrajectory Run(TridiagonalQuadratic problem, AtaSgdSettings settings, Seed seed, long[] grid)
    {
        var sgd = new MinibatchSgd(problem, settings.Batch, settings.StepSize, settings.NoiseSd, seed);
        var gaps = new double[grid.Length];
        int next = 0;
        while (sgd.Suboptimality >= settings.Tolerance && sgd.Rounds < settings.MaxRounds)
        {
            double gap = sgd.Step();
            if (next < grid.Length && grid[next] == sgd.Rounds)
            {
                gaps[next++] = gap;
            }
        }

        return new SgdTrajectory(grid, gaps, sgd.Rounds, sgd.Suboptimality);
    }

    /// <summary>f − f* after round <paramref name="round"/>, which must be a checkpoint or the last round.</summary>
    public double GapAt(long round)
    {
        if (round == Rounds)
        {
            return FinalGap;
        }

        int i = Array.BinarySearch(_grid, round);
        return i >= 0 ? _gaps[i] : throw new ArgumentOutOfRangeException(nameof(round), round, "Not a checkpoint round.");
    }
}
