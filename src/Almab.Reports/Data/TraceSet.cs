namespace Almab.Reports.Data;

/// <summary>
/// Groups tidy <see cref="TracePoint"/> rows into one <see cref="TraceCell"/> per (case, K, budget, noise),
/// checking that every replicate is a complete trace: evaluations 0..n-1 each exactly once and completion
/// times that never go back.
/// </summary>
/// <remarks>
/// Order (as <see cref="Tables.SummaryTable"/>): cells by case (ordinal), K, budget, noise; methods by first
/// appearance in the input; replicates ascending. Replicates may have different lengths (a run that stopped
/// early); the figure builders handle ragged arrays.
/// </remarks>
public static class TraceSet
{
    /// <summary>Groups and validates the points (any order).</summary>
    /// <param name="points">Trace rows; each (case, method, K, budget, noise, replicate, evaluation) at most once.</param>
    public static IReadOnlyList<TraceCell> Group(IEnumerable<TracePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var cells = new Dictionary<(string Case, int K, int Budget, double Noise), Dictionary<string, SortedDictionary<int, List<TracePoint>>>>();
        var methodOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        int index = 0;
        foreach (TracePoint p in points)
        {
            Validate(p, index++);
            methodOrder.TryAdd(p.Method, methodOrder.Count);
            var key = (p.Case, p.Workers, p.Budget, p.Noise);
            if (!cells.TryGetValue(key, out var byMethod))
            {
                cells[key] = byMethod = new Dictionary<string, SortedDictionary<int, List<TracePoint>>>(StringComparer.Ordinal);
            }

            if (!byMethod.TryGetValue(p.Method, out var byReplicate))
            {
                byMethod[p.Method] = byReplicate = [];
            }

            if (!byReplicate.TryGetValue(p.Replicate, out var list))
            {
                byReplicate[p.Replicate] = list = [];
            }

            list.Add(p);
        }

        var keys = cells.Keys.ToList();
        keys.Sort((a, b) =>
        {
            int c = string.CompareOrdinal(a.Case, b.Case);
            c = c != 0 ? c : a.K.CompareTo(b.K);
            c = c != 0 ? c : a.Budget.CompareTo(b.Budget);
            return c != 0 ? c : a.Noise.CompareTo(b.Noise);
        });

        var result = new List<TraceCell>(keys.Count);
        foreach (var key in keys)
        {
            var byMethod = cells[key];
            var methods = byMethod.Keys.ToList();
            methods.Sort((a, b) => methodOrder[a].CompareTo(methodOrder[b]));
            int m = methods.Count;
            var replicates = new IReadOnlyList<int>[m];
            double[][][] time = new double[m][][], observed = new double[m][][], best = new double[m][][], metric = new double[m][][];
            for (int i = 0; i < m; i++)
            {
                var byReplicate = byMethod[methods[i]];
                replicates[i] = byReplicate.Keys.ToList();
                time[i] = new double[byReplicate.Count][];
                observed[i] = new double[byReplicate.Count][];
                best[i] = new double[byReplicate.Count][];
                metric[i] = new double[byReplicate.Count][];
                int r = 0;
                foreach (var (replicate, list) in byReplicate)
                {
                    TracePoint[] trace = Ordered(list, key.Case, methods[i], replicate);
                    time[i][r] = new double[trace.Length];
                    observed[i][r] = new double[trace.Length];
                    best[i][r] = new double[trace.Length];
                    metric[i][r] = new double[trace.Length];
                    for (int e = 0; e < trace.Length; e++)
                    {
                        time[i][r][e] = trace[e].VirtualSeconds;
                        observed[i][r][e] = trace[e].Observed;
                        best[i][r][e] = trace[e].BestSoFar;
                        metric[i][r][e] = trace[e].Metric;
                    }

                    r++;
                }
            }

            result.Add(new TraceCell(key.Case, key.K, key.Budget, key.Noise, methods, replicates, time, observed, best, metric));
        }

        return result;
    }

    private static TracePoint[] Ordered(List<TracePoint> list, string caseId, string method, int replicate)
    {
        TracePoint[] trace = list.ToArray();
        Array.Sort(trace, (a, b) => a.Evaluation.CompareTo(b.Evaluation));
        string where = $"case '{caseId}', method '{method}', replicate {replicate}";
        for (int e = 0; e < trace.Length; e++)
        {
            if (trace[e].Evaluation != e)
            {
                throw new ArgumentException(trace[e].Evaluation < e
                    ? $"Duplicate evaluation {trace[e].Evaluation} in {where}."
                    : $"Evaluation {e} is missing in {where} (evaluations must be 0..n-1).", "points");
            }

            if (e > 0 && trace[e].VirtualSeconds < trace[e - 1].VirtualSeconds)
            {
                throw new ArgumentException(
                    $"VirtualSeconds goes back in {where}: evaluation {e} at {trace[e].VirtualSeconds} s after evaluation {e - 1} at {trace[e - 1].VirtualSeconds} s (evaluations are in completion order).",
                    "points");
            }
        }

        return trace;
    }

    private static void Validate(TracePoint p, int index)
    {
        if (p is null)
        {
            throw new ArgumentException($"points[{index}] is null.", "points");
        }

        if (string.IsNullOrWhiteSpace(p.Case) || string.IsNullOrWhiteSpace(p.Method))
        {
            throw new ArgumentException($"points[{index}] has an empty Case or Method.", "points");
        }

        if (p.Evaluation < 0)
        {
            throw new ArgumentException($"points[{index}] has Evaluation={p.Evaluation}; evaluations count from 0.", "points");
        }

        if (!double.IsFinite(p.Noise) || !double.IsFinite(p.VirtualSeconds) || p.VirtualSeconds < 0 || !double.IsFinite(p.Observed) ||
            double.IsInfinity(p.BestSoFar) || double.IsInfinity(p.Metric))
        {
            throw new ArgumentException(
                $"points[{index}] ({p.Case}, {p.Method}, replicate {p.Replicate}, evaluation {p.Evaluation}) has a bad value: " +
                $"Noise={p.Noise}, VirtualSeconds={p.VirtualSeconds}, Observed={p.Observed}, BestSoFar={p.BestSoFar}, Metric={p.Metric} " +
                "(VirtualSeconds must be finite and >= 0, Observed and Noise finite; only BestSoFar and Metric may be NaN).",
                "points");
        }
    }
}
