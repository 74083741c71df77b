namespace Almab.Algorithms.MultiObjective.Search;

/// <summary>
/// Exact single-objective 0/1 knapsack with real weights: the Nemhauser–Ullmann dynamic program over the list of
/// non-dominated (load, profit) states, items processed in decreasing profit/weight, with two exact prunings — loads
/// above the capacity, and states whose fractional (Dantzig) upper bound cannot beat the greedy solution's profit.
/// Exact for real-valued weights, unlike the paper's WS-DP, which scales weights by 30 and rounds to integers
/// (appendix 10.3); tested optimal against brute force for n ≤ 15.
/// </summary>
public static class KnapsackDp
{
    private readonly record struct State(double Load, double Profit, int Node);

    /// <summary>An optimal selection (0/1 per item) maximizing Σ profit subject to Σ weight ≤ capacity.</summary>
    public static int[] Solve(ReadOnlySpan<double> weights, ReadOnlySpan<double> profits, double capacity)
    {
        int n = weights.Length;
        var order = new int[n];
        var ratio = new double[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
            ratio[i] = -profits[i] / weights[i];
        }

        Array.Sort(ratio, order); // decreasing profit / weight
        var w = new double[n];
        var p = new double[n];
        for (int k = 0; k < n; k++)
        {
            w[k] = weights[order[k]];
            p[k] = profits[order[k]];
        }

        // Greedy lower bound: take items in ratio order whenever they fit.
        var greedy = new int[n];
        double gLoad = 0, gProfit = 0;
        for (int k = 0; k < n; k++)
        {
            if (p[k] > 0 && gLoad + w[k] <= capacity)
            {
                greedy[order[k]] = 1;
                gLoad += w[k];
                gProfit += p[k];
            }
        }

        // Nodes form a parent-pointer forest: node = (parent, item taken at this stage).
        var parent = new List<int> { -1 };
        var item = new List<int> { -1 };
        var states = new List<State> { new(0, 0, 0) };
        var next = new List<State>();
        for (int k = 0; k < n; k++)
        {
            next.Clear();
            int a = 0, b = 0;
            double bestProfit = double.NegativeInfinity;
            while (a < states.Count || b < states.Count)
            {
                State cand;
                bool takeA = b >= states.Count || (a < states.Count && states[a].Load <= states[b].Load + w[k]);
                if (takeA)
                {
                    cand = states[a++];
                }
                else
                {
                    var s = states[b++];
                    if (p[k] <= 0 || s.Load + w[k] > capacity)
                    {
                        continue;
                    }

                    parent.Add(s.Node);
                    item.Add(k);
                    cand = new State(s.Load + w[k], s.Profit + p[k], parent.Count - 1);
                }

                // Keep the list strictly increasing in profit (states come in non-decreasing load).
                if (cand.Profit <= bestProfit)
                {
                    continue;
                }

                if (UpperBound(w, p, k + 1, capacity - cand.Load) + cand.Profit < gProfit - 1e-12)
                {
                    bestProfit = Math.Max(bestProfit, cand.Profit);
                    continue;
                }

                bestProfit = cand.Profit;
                next.Add(cand);
            }

            (states, next) = (next, states);
        }

        State best = default;
        bool found = false;
        foreach (var s in states)
        {
            if (!found || s.Profit > best.Profit)
            {
                best = s;
                found = true;
            }
        }

        if (!found || best.Profit < gProfit)
        {
            return greedy;
        }

        var x = new int[n];
        for (int node = best.Node; node > 0; node = parent[node])
        {
            x[order[item[node]]] = 1;
        }

        return x;
    }

    /// <summary>Dantzig bound: items from <paramref name="from"/> on in ratio order, the first that does not fit taken fractionally.</summary>
    private static double UpperBound(double[] w, double[] p, int from, double room)
    {
        double bound = 0;
        for (int k = from; k < w.Length && room > 0; k++)
        {
            if (p[k] <= 0)
            {
                break;
            }

            if (w[k] <= room)
            {
                room -= w[k];
                bound += p[k];
            }
            else
            {
                bound += p[k] * room / w[k];
                break;
            }
        }

        return bound;
    }
}
