namespace Almab.Algorithms.Bandits.Restless;

/// <summary>
/// Whittle index of a two-state restless arm under discount beta (Whittle 1988; survey 001 section 5.3): the subsidy
/// lambda for the passive action that makes both actions equally good in state s. For a given lambda the optimal
/// value is exact: the best of the four deterministic stationary policies, each evaluated by solving the 2x2 system
/// V = r_pi + beta P_pi V (an optimal policy dominates every other state-wise, so the state-wise maximum is V*).
/// The index is found by bisection on lambda (60 halvings of a bracket of width 2 (r_max - r_min) / (1 - beta) + 2);
/// for an indexable arm the advantage Q_active - Q_passive is non-increasing in lambda, so the root is unique.
/// </summary>
public static class WhittleIndex
{
    /// <summary>The Whittle index of <paramref name="state"/> (0 or 1) for discount <paramref name="beta"/> in [0, 1).</summary>
    public static double Compute(TwoStateArm arm, int state, double beta)
    {
        ArgumentNullException.ThrowIfNull(arm);
        if ((uint)state > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "state must be 0 or 1.");
        }

        if (!(beta >= 0 && beta < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "discount beta must lie in [0, 1).");
        }

        double span = 0;
        for (int s = 0; s < 2; s++)
        {
            span = Math.Max(span, Math.Abs(arm.Reward(s, true) - arm.Reward(s, false)));
        }

        double hi = span / (1 - beta) + 1, lo = -hi;
        for (int k = 0; k < 60; k++)
        {
            double mid = 0.5 * (lo + hi);
            if (Advantage(arm, state, beta, mid) > 0)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return 0.5 * (lo + hi);
    }

    /// <summary>Q(s, active) - Q(s, passive) at subsidy <paramref name="subsidy"/> under the optimal value.</summary>
    public static double Advantage(TwoStateArm arm, int state, double beta, double subsidy)
    {
        Span<double> v = stackalloc double[2];
        OptimalValue(arm, beta, subsidy, v);
        return Q(arm, state, true, beta, subsidy, v) - Q(arm, state, false, beta, subsidy, v);
    }

    /// <summary>V* with the passive reward raised by <paramref name="subsidy"/>, written into <paramref name="value"/>.</summary>
    public static void OptimalValue(TwoStateArm arm, double beta, double subsidy, Span<double> value)
    {
        value[0] = value[1] = double.NegativeInfinity;
        for (int policy = 0; policy < 4; policy++)
        {
            bool a0 = (policy & 1) != 0, a1 = (policy & 2) != 0;
            double r0 = arm.Reward(0, a0) + (a0 ? 0 : subsidy), r1 = arm.Reward(1, a1) + (a1 ? 0 : subsidy);
            double p0 = arm.ToOne(0, a0), p1 = arm.ToOne(1, a1);
            // (I - beta P) V = r with P = [[1 - p0, p0], [1 - p1, p1]].
            double a = 1 - beta * (1 - p0), b = -beta * p0, c = -beta * (1 - p1), d = 1 - beta * p1;
            double det = a * d - b * c;
            double v0 = (d * r0 - b * r1) / det, v1 = (a * r1 - c * r0) / det;
            value[0] = Math.Max(value[0], v0);
            value[1] = Math.Max(value[1], v1);
        }
    }

    private static double Q(TwoStateArm arm, int s, bool active, double beta, double subsidy, ReadOnlySpan<double> v)
    {
        double p = arm.ToOne(s, active);
        return arm.Reward(s, active) + (active ? 0 : subsidy) + beta * ((1 - p) * v[0] + p * v[1]);
    }
}
