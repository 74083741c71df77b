namespace Almab.Algorithms.MultiObjective.Search;

/// <summary>
/// Single-objective symmetric TSP local search on a distance matrix: nearest-neighbour construction, then 2-opt
/// (segment reversal, first improvement) and Or-opt (move a segment of 1–3 cities elsewhere, either orientation)
/// until neither finds an improving move (Lin 1965; Or 1976). A plain local-search stand-in for LKH (Helsgaun 2000).
/// </summary>
public static class TourLocalSearch
{
    private const double Eps = 1e-12;

    /// <summary>Nearest-neighbour tour from <paramref name="start"/> on the n × n matrix <paramref name="d"/>.</summary>
    public static int[] NearestNeighbour(ReadOnlySpan<double> d, int n, int start)
    {
        var tour = new int[n];
        var used = new bool[n];
        tour[0] = start;
        used[start] = true;
        for (int i = 1; i < n; i++)
        {
            int prev = tour[i - 1];
            int best = -1;
            double bestD = double.PositiveInfinity;
            for (int c = 0; c < n; c++)
            {
                if (!used[c] && d[prev * n + c] < bestD)
                {
                    bestD = d[prev * n + c];
                    best = c;
                }
            }

            tour[i] = best;
            used[best] = true;
        }

        return tour;
    }

    public static double Length(ReadOnlySpan<double> d, int n, ReadOnlySpan<int> tour)
    {
        double total = d[tour[n - 1] * n + tour[0]];
        for (int i = 0; i + 1 < n; i++)
        {
            total += d[tour[i] * n + tour[i + 1]];
        }

        return total;
    }

    /// <summary>Improves <paramref name="tour"/> in place to a 2-opt + Or-opt local optimum.</summary>
    public static void Improve(ReadOnlySpan<double> d, int n, int[] tour)
    {
        if (n < 4)
        {
            return;
        }

        bool improved = true;
        while (improved)
        {
            improved = TwoOptPass(d, n, tour) | OrOptPass(d, n, tour);
        }
    }

    private static bool TwoOptPass(ReadOnlySpan<double> d, int n, int[] tour)
    {
        bool any = false;
        for (int i = 0; i < n - 1; i++)
        {
            int a = tour[i];
            int b = tour[i + 1];
            for (int j = i + 2; j < n; j++)
            {
                int c = tour[j];
                int e = tour[(j + 1) % n];
                if (e == a)
                {
                    continue;
                }

                double delta = d[a * n + c] + d[b * n + e] - d[a * n + b] - d[c * n + e];
                if (delta < -Eps)
                {
                    Array.Reverse(tour, i + 1, j - i);
                    b = tour[i + 1];
                    any = true;
                }
            }
        }

        return any;
    }

    private static bool OrOptPass(ReadOnlySpan<double> d, int n, int[] tour)
    {
        bool any = false;
        var buffer = new int[n];
        for (int len = 1; len <= 3 && len < n - 2; len++)
        {
            for (int s = 0; s < n; s++)
            {
                // Segment tour[s .. s+len-1] (cyclic), between p and q.
                int p = tour[(s - 1 + n) % n];
                int f = tour[s];
                int l = tour[(s + len - 1) % n];
                int q = tour[(s + len) % n];
                double removeGain = d[p * n + f] + d[l * n + q] - d[p * n + q];
                for (int k = 0; k < n - len - 1; k++)
                {
                    // Insert between u = tour[(s+len+k) % n] and v = the next one (both outside the segment).
                    int u = tour[(s + len + k) % n];
                    int v = tour[(s + len + k + 1) % n];
                    double forward = d[u * n + f] + d[l * n + v] - d[u * n + v];
                    double backward = d[u * n + l] + d[f * n + v] - d[u * n + v];
                    bool reverse = backward < forward;
                    double add = reverse ? backward : forward;
                    if (add - removeGain < -Eps)
                    {
                        Move(tour, buffer, s, len, k, reverse);
                        any = true;
                        break;
                    }
                }
            }
        }

        return any;
    }

    private static void Move(int[] tour, int[] buffer, int s, int len, int k, bool reverse)
    {
        int n = tour.Length;
        // Rebuild: the cities after the segment up to u, then the segment, then the rest.
        int w = 0;
        for (int t = 0; t <= k; t++)
        {
            buffer[w++] = tour[(s + len + t) % n];
        }

        for (int t = 0; t < len; t++)
        {
            buffer[w++] = tour[(s + (reverse ? len - 1 - t : t)) % n];
        }

        for (int t = k + 1; t < n - len; t++)
        {
            buffer[w++] = tour[(s + len + t) % n];
        }

        Array.Copy(buffer, tour, n);
    }
}
