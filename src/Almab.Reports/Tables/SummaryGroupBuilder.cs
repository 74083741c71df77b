using Almab.Reports.Data;
using Almab.Reports.Statistics;

namespace Almab.Reports.Tables;

/// <summary>Computes one <see cref="SummaryGroup"/>: descriptive statistics, tests and marks.</summary>
internal static class SummaryGroupBuilder
{
    public static SummaryGroup Build(string caseId, int workers, int budget, double noise,
        IReadOnlyList<(string Method, IReadOnlyList<ReplicateRecord> Records)> methods,
        string reference, bool lowerIsBetter, PValueCorrection correction)
    {
        double[]? refValues = null;
        foreach (var (method, recs) in methods)
        {
            if (method == reference)
            {
                refValues = Metric(recs);
            }
        }

        // Raw p-values of every non-reference method, then the correction over this family.
        var raw = new List<double>();
        var a12 = new List<double>();
        if (refValues is not null)
        {
            foreach (var (method, recs) in methods)
            {
                if (method != reference)
                {
                    double[] v = Metric(recs);
                    raw.Add(MannWhitneyU.Test(v, refValues).PValue);
                    a12.Add(EffectSize.VarghaDelaneyA12(v, refValues));
                }
            }
        }

        double[] adjusted = PValueAdjustment.Adjust(raw, correction);
        double best = double.NaN;
        foreach (var (_, recs) in methods)
        {
            double m = Descriptive.Mean(Metric(recs));
            best = double.IsNaN(best) || (lowerIsBetter ? m < best : m > best) ? m : best;
        }

        var rows = new List<SummaryRow>(methods.Count);
        int t = 0;
        foreach (var (method, recs) in methods)
        {
            double[] v = Metric(recs);
            double[] sorted = v.ToArray();
            Array.Sort(sorted);
            bool isRef = method == reference;
            bool tested = refValues is not null && !isRef;
            double p = tested ? raw[t] : double.NaN, pAdj = tested ? adjusted[t] : double.NaN, a = tested ? a12[t] : double.NaN;
            t += tested ? 1 : 0;
            double mean = Descriptive.Mean(v);
            rows.Add(new SummaryRow(
                method, isRef, v.Length, mean, Descriptive.StandardDeviation(v),
                Descriptive.Percentile(sorted, 50), Descriptive.Percentile(sorted, 25), Descriptive.Percentile(sorted, 75),
                MeanOf(recs, r => r.CumulativeRegret), MeanOf(recs, r => r.VirtualSeconds), MeanOf(recs, r => r.ComputeSeconds),
                p, pAdj, a, Mark(tested, pAdj, a, lowerIsBetter), mean == best));
        }

        return new SummaryGroup(caseId, workers, budget, noise, raw.Count, rows);
    }

    private static SignificanceMark Mark(bool tested, double pAdj, double a12, bool lowerIsBetter)
    {
        if (!tested)
        {
            return SignificanceMark.NotTested;
        }

        if (!(pAdj < 0.05))
        {
            return SignificanceMark.NotSignificant;
        }

        bool methodBetter = lowerIsBetter ? a12 < 0.5 : a12 > 0.5;
        bool strong = pAdj < 0.01;
        return methodBetter
            ? strong ? SignificanceMark.MethodBetter01 : SignificanceMark.MethodBetter05
            : strong ? SignificanceMark.ReferenceBetter01 : SignificanceMark.ReferenceBetter05;
    }

    private static double[] Metric(IReadOnlyList<ReplicateRecord> recs)
    {
        var v = new double[recs.Count];
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = recs[i].FinalMetric;
        }

        return v;
    }

    private static double MeanOf(IReadOnlyList<ReplicateRecord> recs, Func<ReplicateRecord, double> f)
    {
        double s = 0;
        foreach (ReplicateRecord r in recs)
        {
            s += f(r);
        }

        return s / recs.Count;
    }
}
