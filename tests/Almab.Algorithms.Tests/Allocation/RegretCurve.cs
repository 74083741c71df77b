using Almab.Algorithms.Allocation;

namespace Almab.Algorithms.Tests.Allocation;

/// <summary>
/// Streams a run and keeps the cumulative proxy regret (eq. (9)) at T/4, T/2 and T, and the share of rounds with
/// zero regret in (T/4, T/2] and (T/2, T].
/// </summary>
internal sealed class RegretCurve
{
    public double AtQuarter { get; private set; }

    public double AtHalf { get; private set; }

    public double AtEnd { get; private set; }

    public double OptimalShareSecondQuarter { get; private set; }

    public double OptimalShareSecondHalf { get; private set; }

    public int[] LastAllocation { get; private set; } = [];

    public long Rounds { get; private set; }

    /// <summary>(R(T) - R(T/2)) / (R(T/2) - R(T/4)): 1 for logarithmic growth, sqrt 2 for sqrt t, 2 for linear.</summary>
    public double IncrementRatio => (AtEnd - AtHalf) / (AtHalf - AtQuarter);

    public static RegretCurve Measure(AllocationRoundSimulator simulator, IAllocationPolicy policy, long rounds)
    {
        var curve = new RegretCurve { Rounds = rounds };
        double cumulative = 0.0;
        long optimalQ = 0;
        long optimalH = 0;
        curve.LastAllocation = new int[simulator.Workers];
        simulator.Run(policy, rounds, (k, a, c, w, r) =>
        {
            cumulative += r;
            if (k > rounds / 4 && k <= rounds / 2 && r == 0.0)
            {
                optimalQ++;
            }
            else if (k > rounds / 2 && r == 0.0)
            {
                optimalH++;
            }

            if (k == rounds / 4)
            {
                curve.AtQuarter = cumulative;
            }
            else if (k == rounds / 2)
            {
                curve.AtHalf = cumulative;
            }
            else if (k == rounds)
            {
                curve.AtEnd = cumulative;
                a.CopyTo(curve.LastAllocation);
            }
        });
        curve.OptimalShareSecondQuarter = optimalQ / (double)(rounds / 4);
        curve.OptimalShareSecondHalf = optimalH / (double)(rounds / 2);
        return curve;
    }
}
