namespace Almab.Algorithms.MultiObjective.Indicators;

/// <summary>
/// Unbounded non-dominated archive of (objective vector, solution) pairs, minimization. A candidate weakly dominated by
/// a member (an equal objective vector included) is rejected, so the archive holds mutually non-dominated, distinct
/// objective vectors; its size is the NDS count of the D&amp;L paper's Table 1.
/// </summary>
public sealed class ParetoArchive
{
    private readonly List<double[]> _objectives = new();
    private readonly List<int[]> _solutions = new();

    public ParetoArchive(int objectiveCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(objectiveCount, 1);
        ObjectiveCount = objectiveCount;
    }

    public int ObjectiveCount { get; }

    /// <summary>Number of non-dominated members (NDS).</summary>
    public int Count => _objectives.Count;

    public IReadOnlyList<double[]> Objectives => _objectives;

    public IReadOnlyList<int[]> Solutions => _solutions;

    /// <summary>
    /// Offers a point; returns true when it entered the archive (members it dominates are removed). The arrays are
    /// copied, so callers may reuse their buffers.
    /// </summary>
    public bool Offer(ReadOnlySpan<double> objectives, ReadOnlySpan<int> solution)
    {
        if (objectives.Length != ObjectiveCount)
        {
            throw new ArgumentException($"expected {ObjectiveCount} objectives, got {objectives.Length}", nameof(objectives));
        }

        for (int i = 0; i < _objectives.Count; i++)
        {
            if (Dominance.WeaklyDominates(_objectives[i], objectives))
            {
                return false;
            }
        }

        int write = 0;
        for (int i = 0; i < _objectives.Count; i++)
        {
            if (!Dominance.Dominates(objectives, _objectives[i]))
            {
                _objectives[write] = _objectives[i];
                _solutions[write] = _solutions[i];
                write++;
            }
        }

        _objectives.RemoveRange(write, _objectives.Count - write);
        _solutions.RemoveRange(write, _solutions.Count - write);
        _objectives.Add(objectives.ToArray());
        _solutions.Add(solution.ToArray());
        return true;
    }

    /// <summary>The member objective vectors row-major (Count × ObjectiveCount), for the hypervolume.</summary>
    public double[] Flatten()
    {
        var flat = new double[_objectives.Count * ObjectiveCount];
        for (int i = 0; i < _objectives.Count; i++)
        {
            _objectives[i].CopyTo(flat, i * ObjectiveCount);
        }

        return flat;
    }
}
