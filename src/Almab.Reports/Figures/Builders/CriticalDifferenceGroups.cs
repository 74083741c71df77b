namespace Almab.Reports.Figures.Builders;

/// <summary>
/// The bars of a critical-difference diagram (Demšar, JMLR 7, 2006, section 3.2.2): maximal runs of methods,
/// in mean-rank order, whose extreme mean ranks differ by less than the critical difference, so no pair
/// inside a run is significantly different. Runs contained in another run and single methods are dropped.
/// </summary>
public static class CriticalDifferenceGroups
{
    /// <summary>
    /// Groups as lists of method indices (into <paramref name="meanRanks"/>), each sorted by mean rank,
    /// groups ordered by their best member.
    /// </summary>
    public static IReadOnlyList<int[]> Compute(double[] meanRanks, double criticalDifference)
    {
        ArgumentNullException.ThrowIfNull(meanRanks);
        int k = meanRanks.Length;
        var order = new int[k];
        for (int i = 0; i < k; i++)
        {
            order[i] = i;
        }

        Array.Sort((double[])meanRanks.Clone(), order);
        var groups = new List<int[]>();
        int previousEnd = -1;
        for (int i = 0; i < k; i++)
        {
            int end = i;
            while (end + 1 < k && meanRanks[order[end + 1]] - meanRanks[order[i]] < criticalDifference)
            {
                end++;
            }

            if (end > i && end > previousEnd)
            {
                groups.Add(order[i..(end + 1)]);
            }

            previousEnd = Math.Max(previousEnd, end);
        }

        return groups;
    }
}
