namespace Almab.Reports.Statistics;

/// <summary>
/// Adjusted p-values for multiple comparisons, identical to R's <c>p.adjust(p, method)</c> for
/// "none", "bonferroni" and "holm" (family size = number of p-values given).
/// </summary>
public static class PValueAdjustment
{
    /// <summary>Adjusts a family of p-values; the result is in the input order.</summary>
    /// <param name="pValues">Raw p-values, each in [0, 1].</param>
    /// <param name="correction">The correction.</param>
    public static double[] Adjust(IReadOnlyList<double> pValues, PValueCorrection correction)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        for (int i = 0; i < pValues.Count; i++)
        {
            if (!(pValues[i] >= 0.0 && pValues[i] <= 1.0))
            {
                throw new ArgumentException($"pValues[{i}] = {pValues[i]} is not a probability in [0, 1].", nameof(pValues));
            }
        }

        return correction switch
        {
            PValueCorrection.None => pValues.ToArray(),
            PValueCorrection.Bonferroni => Bonferroni(pValues),
            PValueCorrection.Holm => Holm(pValues),
            _ => throw new ArgumentOutOfRangeException(nameof(correction), correction, "Use None, Bonferroni or Holm."),
        };
    }

    private static double[] Bonferroni(IReadOnlyList<double> p)
    {
        var r = new double[p.Count];
        for (int i = 0; i < r.Length; i++)
        {
            r[i] = Math.Min(1.0, p.Count * p[i]);
        }

        return r;
    }

    private static double[] Holm(IReadOnlyList<double> p)
    {
        int m = p.Count;
        var order = new int[m];
        var sorted = p.ToArray();
        for (int i = 0; i < m; i++)
        {
            order[i] = i;
        }

        // Stable ordering like R's order(): ties keep input order (ties give equal adjusted values anyway).
        Array.Sort(order, (a, b) => p[a] != p[b] ? p[a].CompareTo(p[b]) : a.CompareTo(b));
        var r = new double[m];
        double running = 0;
        for (int i = 0; i < m; i++)
        {
            running = Math.Max(running, (m - i) * p[order[i]]);
            r[order[i]] = Math.Min(1.0, running);
        }

        return r;
    }
}
