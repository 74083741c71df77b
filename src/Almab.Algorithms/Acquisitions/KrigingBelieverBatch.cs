using Almab.Algorithms.Surrogates;

namespace Almab.Algorithms.Acquisitions;

/// <summary>
/// Batch selection for K workers (ALMAB-DC sections 3.9 and 3.10): pending points are fantasized
/// (<see cref="KrigingBeliever"/>), then K times: score all candidates, apply the optional
/// <see cref="DiversityPenalty"/> against pending and already chosen points, take the best (ties: lowest index),
/// and fantasize it at its posterior mean. The model is restored exactly before returning.
/// A candidate may be chosen twice (noisy problems can need replicates) unless the penalty prevents it.
/// </summary>
public sealed class KrigingBelieverBatch
{
    /// <summary>Creates the selector.</summary>
    /// <param name="acquisition">Scores candidates (higher is better).</param>
    /// <param name="penalty">Diversity penalty, or null for the plain Kriging believer.</param>
    public KrigingBelieverBatch(IAcquisition acquisition, DiversityPenalty? penalty = null)
    {
        Acquisition = acquisition ?? throw new ArgumentNullException(nameof(acquisition));
        Penalty = penalty;
    }

    /// <summary>The acquisition that ranks candidates.</summary>
    public IAcquisition Acquisition { get; }

    /// <summary>The diversity penalty, or null.</summary>
    public DiversityPenalty? Penalty { get; }

    /// <summary>Indices into <paramref name="candidates"/> of the <paramref name="count"/> points to evaluate next.</summary>
    public int[] Select(ISurrogate model, IReadOnlyList<double[]> candidates, IReadOnlyList<double[]> pending, int count,
        AcquisitionContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (candidates.Count == 0)
        {
            throw new ArgumentException("There are no candidates to select from.", nameof(candidates));
        }

        var chosen = new int[count];
        var anchors = new List<double[]>(pending);
        var scores = new double[candidates.Count];
        int pushed = KrigingBeliever.PushPending(model, pending);
        try
        {
            for (int b = 0; b < count; b++)
            {
                Acquisition.Score(model, candidates, context, scores);
                Penalty?.Apply(candidates, scores, anchors);
                int best = 0;
                for (int i = 1; i < scores.Length; i++)
                {
                    if (scores[i] > scores[best])
                    {
                        best = i;
                    }
                }

                chosen[b] = best;
                anchors.Add(candidates[best]);
                if (b + 1 < count)
                {
                    KrigingBeliever.Push(model, candidates[best]);
                    pushed++;
                }
            }
        }
        finally
        {
            KrigingBeliever.Pop(model, pushed);
        }

        return chosen;
    }
}
