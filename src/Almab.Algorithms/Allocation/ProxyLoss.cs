namespace Almab.Algorithms.Allocation;

/// <summary>
/// The proxy loss l(a, s) = max_i a_i s_i of the ATA paper (eq. (4)) and the size of its argmax set, the
/// quantity whose minimum RAS attains among optimal allocations (Appendix B.2, Lemma B.3).
/// </summary>
public static class ProxyLoss
{
    /// <summary>l(a, s) = max_i a_i s_i (eq. (4)); 0 for an empty allocation. Units: those of <paramref name="scores"/>.</summary>
    public static double Evaluate(ReadOnlySpan<int> allocation, ReadOnlySpan<double> scores)
    {
        CheckLengths(allocation, scores);
        double max = 0.0;
        for (int i = 0; i < allocation.Length; i++)
        {
            double v = allocation[i] * scores[i];
            if (v > max)
            {
                max = v;
            }
        }

        return max;
    }

    /// <summary>
    /// C_B(a) = |argmax_{i in [n]} a_i s_i| (Appendix B.2): the number of workers whose a_i s_i equals the loss,
    /// compared exactly (no tolerance), as the paper's tie rule is stated on exact values.
    /// </summary>
    public static int ArgmaxCardinality(ReadOnlySpan<int> allocation, ReadOnlySpan<double> scores)
    {
        double max = Evaluate(allocation, scores);
        int count = 0;
        for (int i = 0; i < allocation.Length; i++)
        {
            if (allocation[i] * scores[i] == max)
            {
                count++;
            }
        }

        return count;
    }

    private static void CheckLengths(ReadOnlySpan<int> allocation, ReadOnlySpan<double> scores)
    {
        if (allocation.Length != scores.Length)
        {
            throw new ArgumentException(
                $"allocation has {allocation.Length} entries but scores has {scores.Length}; they must match.",
                nameof(scores));
        }
    }
}
