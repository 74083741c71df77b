using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Almab.Experiments.Runner;
using Almab.Experiments.Store;

namespace Almab.Experiments.Papers.Survey;

/// <summary>Builds stored replicates from curves and reads curves back into median/IQR series.</summary>
public static class SurveyResults
{
    /// <summary>A replicate whose curve points are (x, y, secondary) with the virtual time of each.</summary>
    public static ReplicateResult Make(CellKey cell, ulong seed, string metric, double final, double regret, double makespan, double compute,
        IEnumerable<(double X, double Y, double Secondary, double VirtualSeconds)> curve)
    {
        var rows = ImmutableArray.CreateBuilder<EvaluationRow>();
        foreach (var (x, y, s, t) in curve)
        {
            rows.Add(new EvaluationRow(rows.Count, t, 0.0, 0, "", y, s, x, y));
        }

        return new ReplicateResult(cell, seed, metric, final, regret, makespan, compute, rows.ToImmutable());
    }

    /// <summary>Checkpoints 1, then geometric up to <paramref name="horizon"/> (about <paramref name="points"/> of them, distinct, ending at the horizon).</summary>
    public static int[] Checkpoints(int horizon, int points = 24)
    {
        var set = new SortedSet<int>();
        for (int i = 0; i <= points; i++)
        {
            set.Add(Math.Max(1, (int)Math.Round(Math.Pow(horizon, (double)i / points))));
        }

        set.Add(horizon);
        return [.. set];
    }

    /// <summary>Median/IQR of the curves of <paramref name="group"/> (all with the same x grid).</summary>
    public static SurveySeries Series(string panel, string label, IReadOnlyList<ReplicateResult> group, string xLabel, string yLabel, Func<EvaluationRow, double>? value = null)
    {
        value ??= r => r.Metric;
        var first = group[0].Evaluations;
        int n = first.Length;
        var x = new double[n];
        var med = new double[n];
        var q1 = new double[n];
        var q3 = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = first[i].BestSoFar;
            var (m, a, b) = SurveyStatistics.MedianIqr(group.Select(r => value(r.Evaluations[i])).ToArray());
            (med[i], q1[i], q3[i]) = (m, a, b);
        }

        return new SurveySeries(panel, label, x, med, q1, q3, xLabel, yLabel);
    }

    /// <summary>Invariant-culture G4 text.</summary>
    public static string G(double v) => double.IsNaN(v) ? "—" : v.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>Markdown table of the verdicts.</summary>
    public static string ClaimsMarkdown(IEnumerable<SurveyVerdict> verdicts)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| claim | survey section | stated | Almab (95 % CI) | verdict | why |");
        sb.AppendLine("|---|---|---|---|---|---|");
        foreach (var v in verdicts)
        {
            string stated = v.Claim.StatedLow is double lo && v.Claim.StatedHigh is double hi
                ? (lo == hi ? G(lo) : $"{G(lo)}–{G(hi)}")
                : v.Claim.StatedHigh is double h ? $"≤ {G(h)}" : "rate";
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {v.Claim.Id}: {v.Claim.Quantity} | {v.Claim.Where} | {stated} | {G(v.Value)} [{G(v.Lower)}, {G(v.Upper)}] | **{v.Verdict}** | {v.Reason} |");
        }

        return sb.ToString();
    }
}
