using System.Runtime.Intrinsics;

namespace Almab.Algorithms.Bandits;

/// <summary>
/// LinUCB's exact argmax over many arms that reads less memory: dense groups of eight are first scored from their
/// bounds (<see cref="RidgeBounds"/>: 2d + 3 numbers per arm instead of d + d(d+1)/2), which give an upper bound of
/// every lane's exact index because the index theta . x + alpha sqrt(max(q, 0)) is computed by the same monotone
/// floating-point operations from a q that is at least the exact one. Prior and low-rank groups are scored exactly on
/// the way. Then the group with the largest bound is scored exactly, the dense groups whose bound is not below the best
/// exact index so far are sorted by bound (largest first) and scored exactly until a bound falls below the best index.
/// A group whose bound is below the best index holds no arm that can reach it, so the choice (largest index, ties to
/// the lowest arm) is the full scan's, arm for arm; a NaN bound is never pruned. Allocation-free.
/// </summary>
internal sealed class LinUcbPrunedArgmax
{
    private const int Lanes = 8;
    private readonly double[] _keys;
    private readonly int[] _groups;

    public LinUcbPrunedArgmax(int groups)
    {
        _keys = new double[groups];
        _groups = new int[groups];
    }

    /// <summary>Dense groups scored exactly by the last <see cref="Select"/> (the group with the largest bound included).</summary>
    public int LastExactGroups { get; private set; }

    /// <summary>The arm LinUCB's full scan would choose for the context last given to <paramref name="models"/>.</summary>
    public int Select(RidgeArmModels models, double alpha)
    {
        LastExactGroups = 0;
        int arms = models.Arms, best = 0, dense = 0, top = -1;
        double bestScore = double.NegativeInfinity, topBound = double.NegativeInfinity;
        var prior = Scores(models.PriorGroup(), alpha);
        for (int g = 0; g < models.Groups; g++)
        {
            if (models.IsPriorGroup(g))
            {
                Offer(prior, g, arms, ref best, ref bestScore);
            }
            else if (!models.IsDenseGroup(g))
            {
                Offer(Scores(models.Group(g), alpha), g, arms, ref best, ref bestScore);
            }
            else
            {
                var s = Scores(models.BoundGroup(g), alpha);
                double bound = double.NegativeInfinity;
                for (int r = 0; r < Lanes && g * Lanes + r < arms; r++)
                {
                    double v = s.GetElement(r);
                    bound = double.IsNaN(v) ? double.PositiveInfinity : Math.Max(bound, v);
                    if (bound == double.PositiveInfinity)
                    {
                        break;
                    }
                }

                _keys[dense] = -bound; // ascending keys = descending bounds
                _groups[dense++] = g;
                if (top < 0 || bound > topBound)
                {
                    top = g;
                    topBound = bound;
                }
            }
        }

        if (dense == 0)
        {
            return best;
        }

        Offer(Scores(models.Group(top), alpha), top, arms, ref best, ref bestScore);
        LastExactGroups = 1;
        int kept = 0;
        for (int i = 0; i < dense; i++)
        {
            // Kept unless its bound is below the best index: -key >= best, written so that nothing is lost to rounding.
            if (!(-_keys[i] < bestScore) && _groups[i] != top)
            {
                _keys[kept] = _keys[i];
                _groups[kept++] = _groups[i];
            }
        }

        _keys.AsSpan(0, kept).Sort(_groups.AsSpan(0, kept));
        for (int i = 0; i < kept; i++)
        {
            if (-_keys[i] < bestScore)
            {
                break;
            }

            int g = _groups[i];
            LastExactGroups++;
            Offer(Scores(models.Group(g), alpha), g, arms, ref best, ref bestScore);
        }

        return best;
    }

    /// <summary>Takes lane r's arm if its index is larger than the best, or equal with a lower arm (the scan's rule).</summary>
    private static void Offer(Vector512<double> s, int g, int arms, ref int best, ref double bestScore)
    {
        // Only a larger index, or an equal one on a lower arm than the best (possible only if the group starts below it).
        var current = Vector512.Create(bestScore);
        if (!Vector512.GreaterThanAny(s, current) && !(g * Lanes < best && Vector512.EqualsAny(s, current)))
        {
            return;
        }

        for (int r = 0, a = g * Lanes; r < Lanes && a < arms; r++, a++)
        {
            double v = s.GetElement(r);
            if (v > bestScore || (v == bestScore && a < best))
            {
                bestScore = v;
                best = a;
            }
        }
    }

    /// <summary>theta . x + alpha sqrt(max(q, 0)) lane by lane: <see cref="LinUcbPolicy"/>'s scores, operation for operation.</summary>
    private static Vector512<double> Scores((Vector512<double> Mean, Vector512<double> Quadratic) g, double alpha) =>
        g.Mean + Vector512.Create(alpha) * Vector512.Sqrt(Vector512.Max(g.Quadratic, Vector512<double>.Zero));
}
