using System.Globalization;
using Almab.Sim.Scaling;
using Almab.Experiments.Claims;
using Almab.Experiments.Papers.AlmabDc.Cases;
using Almab.Experiments.Papers.AlmabDc.Runner;
using Almab.Experiments.Papers.Ata;
using Almab.Experiments.Runner;
using Almab.Experiments.Store;

namespace Almab.Experiments.Papers.AlmabDc.Claims;

/// <summary>
/// Checks stated numbers against stored results. A claim is "reproduced" when the stated value, widened by its own
/// rounding, overlaps Almab's 95 % confidence interval; "not reproduced" otherwise; "not reproducible" when the
/// paper does not give what is needed (Almab's own model's value is shown beside it); "not run" when the database
/// has no results for the cell. A p-value claim ("mann-whitney") is reproduced when Almab's one-sided, Bonferroni-corrected
/// Mann–Whitney p-value lies below the stated bound. Cells are taken at the case's first budget and first noise level.
/// </summary>
public sealed class ClaimEvaluator(IReadOnlyList<ReplicateResult> results, Func<string, CaseDefinition?> cases)
{
    /// <summary>Evaluates one claim.</summary>
    public ClaimVerdict Evaluate(ClaimSpec claim)
    {
        if (claim.Check == "amdahl-consistency")
        {
            return Amdahl(claim);
        }

        if (claim.Check is "paper-ratio" or "amdahl-serial-fraction")
        {
            return PaperConsistency.Evaluate(claim);
        }

        var definition = claim.Case is null ? null : cases(claim.Case);
        if (definition is null || claim.Method is null || claim.Workers is not int k)
        {
            return new(claim, double.NaN, double.NaN, double.NaN, "not run", $"case '{claim.Case}' is not in this database");
        }

        var cell = Cell(definition, claim.Method, k);
        if (cell.Count < 2)
        {
            return new(claim, double.NaN, double.NaN, double.NaN, "not run", $"no results for {claim.Case}/{claim.Method}/K={k} in this database");
        }

        switch (claim.Check)
        {
            case "median-final":
            {
                var (m, lo, hi) = IntervalEstimates.Median(cell.Select(r => r.FinalMetric).ToList());
                return Compare(claim, m, lo, hi, $"median of {cell.Count} replicates, order-statistic 95 % CI");
            }

            case "mean-final":
            {
                var (m, lo, hi, _) = IntervalEstimates.Mean(cell.Select(r => r.FinalMetric).ToList());
                return Compare(claim, m, lo, hi, $"mean of {cell.Count} replicates, t 95 % CI");
            }

            case "own-model":
            {
                var values = cell.Select(r => ClaimStatistics.PerReplicate(claim.Of, r)).ToList();
                var (m, lo, hi) = ClaimStatistics.IsMedian(claim.Of) ? IntervalEstimates.Median(values) : Mean3(values);
                return new(claim, m, lo, hi, "not reproducible", claim.Reason ?? "the paper does not give what is needed");
            }

            case "speedup":
            {
                var baseline = Cell(definition, claim.Method, 1);
                if (baseline.Count < 2)
                {
                    return new(claim, double.NaN, double.NaN, double.NaN, "not run", $"no K = 1 results for {claim.Case}/{claim.Method}");
                }

                var (r, lo, hi) = IntervalEstimates.Ratio(PerEvaluation(baseline), PerEvaluation(cell));
                var verdict = Compare(claim, r, lo, hi, "virtual seconds per evaluation at K = 1 over at K, delta-method 95 % CI");
                return claim.Reason is null ? verdict : verdict with { Reason = verdict.Reason + "; " + claim.Reason };
            }

            case "makespan-ratio":
            {
                var baseline = Cell(definition, claim.Method, 1);
                if (baseline.Count < 2)
                {
                    return new(claim, double.NaN, double.NaN, double.NaN, "not run", $"no K = 1 results for {claim.Case}/{claim.Method}");
                }

                var (r, lo, hi) = IntervalEstimates.Ratio([.. baseline.Select(x => x.MakespanSeconds)], [.. cell.Select(x => x.MakespanSeconds)]);
                return Compare(claim, r, lo, hi, "mean virtual makespan of the whole run at K = 1 over at K, delta-method 95 % CI");
            }

            case "relative-change":
            {
                var baseline = Cell(definition, claim.Method, 1);
                if (baseline.Count < 2)
                {
                    return new(claim, double.NaN, double.NaN, double.NaN, "not run", $"no K = 1 results for {claim.Case}/{claim.Method}");
                }

                var (ratio, lo, hi) = IntervalEstimates.Ratio(cell.Select(x => ClaimStatistics.PerReplicate(claim.Of, x)).ToList(),
                    baseline.Select(x => ClaimStatistics.PerReplicate(claim.Of, x)).ToList());
                var verdict = Compare(claim, ratio - 1, lo - 1, hi - 1, $"{claim.Of ?? "mean-final"}: mean at K over mean at K = 1, minus 1; delta-method 95 % CI");
                return claim.Reason is null ? verdict : verdict with { Reason = verdict.Reason + "; " + claim.Reason };
            }

            case "mann-whitney":
                return MannWhitney(claim, definition, cell, k);

            case "effective-speedup":
                return EffectiveSpeedup(claim, definition, cell, k);

            case "rounds-to-threshold":
            {
                int init = definition.InitialDesign.Count;
                double rounds = RoundsToThreshold(cell, init, k, claim.Threshold ?? double.NaN);
                string text = double.IsNaN(rounds) ? "never reached" : rounds.ToString(CultureInfo.InvariantCulture);
                bool same = rounds == claim.Stated;
                return new(claim, rounds, double.NaN, double.NaN, same ? "reproduced" : "not reproduced",
                    $"first round whose median (over {cell.Count} replicates) is <= {claim.Threshold}: {text}; round r = the r-th batch of K after the {init}-point initial design");
            }

            default:
                return new(claim, double.NaN, double.NaN, double.NaN, "not run", $"unknown check '{claim.Check}'");
        }
    }

    private ClaimVerdict MannWhitney(ClaimSpec claim, CaseDefinition definition, List<ReplicateResult> cell, int k)
    {
        if (claim.Versus is not string versus)
        {
            throw new ArgumentException($"claim {claim.Id}: mann-whitney needs 'versus'");
        }

        var other = Cell(definition, versus, k);
        if (other.Count < 2)
        {
            return new(claim, double.NaN, double.NaN, double.NaN, "not run", $"no results for {claim.Case}/{versus}/K={k} in this database");
        }

        string alternative = claim.Alternative ?? throw new ArgumentException($"claim {claim.Id}: mann-whitney needs 'alternative'");
        int comparisons = claim.Comparisons ?? 1;
        var x = cell.Select(r => r.FinalMetric).ToList();
        var y = other.Select(r => r.FinalMetric).ToList();
        double p = ClaimStatistics.OneSidedP(x, y, alternative, comparisons);
        bool below = p < claim.Stated;
        string medians = $"medians {F(IntervalEstimates.Median(x).Median)} vs {F(IntervalEstimates.Median(y).Median)}";
        string reason = $"one-sided Mann–Whitney U, H1: {claim.Method}'s final {cell[0].MetricName} tends to be {(alternative == "less" ? "smaller" : "larger")} than {versus}'s "
            + $"(normal approximation with tie and continuity correction), n = {x.Count} + {y.Count} replicates, Bonferroni × {comparisons}: p = {F(p)} "
            + $"{(below ? "<" : ">=")} {F(claim.Stated)}; {medians}";
        return new(claim, p, double.NaN, double.NaN, below ? "reproduced" : "not reproduced", claim.Reason is null ? reason : reason + "; " + claim.Reason);
    }

    private ClaimVerdict EffectiveSpeedup(ClaimSpec claim, CaseDefinition definition, List<ReplicateResult> cell, int k)
    {
        var baseline = Cell(definition, claim.Method!, 1);
        if (baseline.Count < 2)
        {
            return new(claim, double.NaN, double.NaN, double.NaN, "not run", $"no K = 1 results for {claim.Case}/{claim.Method}");
        }

        int init = definition.InitialDesign.Count;
        double target = IntervalEstimates.Median(baseline.Select(r => r.FinalMetric).ToList()).Median;
        double r1 = RoundsToThreshold(baseline, init, 1, target);
        double rk = RoundsToThreshold(cell, init, k, target);
        double ratio = r1 / rk;
        double half = claim.RoundingHalfWidth;
        bool same = Math.Abs(ratio - claim.Stated) <= half;
        string reached = double.IsNaN(rk) ? $"K = {k} never reaches it" : $"K = {k} reaches it at round {F(rk)}";
        return new(claim, ratio, double.NaN, double.NaN, same ? "reproduced" : "not reproduced",
            $"target = K = 1's median final {cell[0].MetricName} ({F(target)}, {baseline.Count} replicates); K = 1's median first reaches it at round {F(r1)}, {reached} "
            + $"(median over {cell.Count} replicates); effective speedup = rounds at K = 1 / rounds at K = {k} = {F(ratio)}, stated {F(claim.Stated)} ± {F(half)}");
    }

    private static string F(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    private static (double, double, double) Mean3(IReadOnlyList<double> v)
    {
        var (m, lo, hi, _) = IntervalEstimates.Mean(v);
        return (m, lo, hi);
    }

    private static ClaimVerdict Compare(ClaimSpec claim, double value, double lo, double hi, string how)
    {
        double half = claim.RoundingHalfWidth;
        bool overlap = claim.Stated + half >= lo && claim.Stated - half <= hi;
        return new(claim, value, lo, hi, overlap ? "reproduced" : "not reproduced",
            $"{how}; stated {claim.Stated.ToString(CultureInfo.InvariantCulture)} ± rounding {half.ToString("G2", CultureInfo.InvariantCulture)} {(overlap ? "overlaps" : "lies outside")} it"
            + (claim.Stated != 0 ? $" (Almab / paper = {(value / claim.Stated).ToString("F2", CultureInfo.InvariantCulture)})" : ""));
    }

    private static ClaimVerdict Amdahl(ClaimSpec claim)
    {
        double p = claim.P ?? throw new ArgumentException($"claim {claim.Id}: amdahl-consistency needs p");
        int k = claim.Workers ?? throw new ArgumentException($"claim {claim.Id}: amdahl-consistency needs workers");
        double s = ScalingLaws.AmdahlSpeedup(k, p);
        double half = claim.RoundingHalfWidth;
        bool same = Math.Abs(s - claim.Stated) <= half;
        return new(claim, s, double.NaN, double.NaN, same ? "reproduced" : "not reproduced",
            $"Amdahl eq. (4) with the paper's own p = {p.ToString(CultureInfo.InvariantCulture)}: S({k}) = 1/(p + (1-p)/{k}) = {s.ToString("F3", CultureInfo.InvariantCulture)}, which {(same ? "rounds to" : "differs from")} the stated value");
    }

    private List<ReplicateResult> Cell(CaseDefinition definition, string method, int workers)
    {
        int budget = definition.Budget[0];
        double noise = CaseLoader.NoiseLevels(definition)[0];
        return results.Where(r => r.Cell.CaseId == definition.Id && r.Cell.Method == method && r.Cell.Workers == workers
            && r.Cell.Budget == budget && r.Cell.Noise == noise).ToList();
    }

    private static List<double> PerEvaluation(IEnumerable<ReplicateResult> cell) =>
        cell.Select(r => r.MakespanSeconds / Math.Max(1, r.Evaluations.Length)).ToList();

    /// <summary>First round r (1-based, after the initial design) at which the median metric over replicates is &lt;= threshold; NaN if never.</summary>
    public static double RoundsToThreshold(IReadOnlyList<ReplicateResult> cell, int initialPoints, int workers, double threshold)
    {
        int rounds = cell.Max(r => (r.Evaluations.Length - initialPoints + workers - 1) / workers);
        var atRound = new double[cell.Count];
        for (int round = 1; round <= rounds; round++)
        {
            for (int i = 0; i < cell.Count; i++)
            {
                var evals = cell[i].Evaluations;
                int last = Math.Min(evals.Length, initialPoints + round * workers) - 1;
                atRound[i] = evals[last].Metric;
            }

            Array.Sort(atRound);
            if (RunSummary.Quantile(atRound, 0.5) <= threshold)
            {
                return round;
            }
        }

        return double.NaN;
    }
}
