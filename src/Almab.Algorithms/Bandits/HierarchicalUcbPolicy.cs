namespace Almab.Algorithms.Bandits;

/// <summary>
/// Two-level UCB for very large arm sets (survey 001 section 6.1, "hierarchical bandit": coarse choice of a region,
/// then a fine choice inside it). The N arms are split into C contiguous clusters of ceil(N / C) arms (the last may
/// be smaller). Level 1 is UCB1 over clusters (a cluster's reward is that of the arm pulled in it; t = all pulls);
/// level 2 is UCB1 over the chosen cluster's arms (t = the cluster's pulls). A decision costs O(C + N / C) instead
/// of O(N): about 2 sqrt(N) with the default C = round(sqrt N). Pending pulls count in n at both levels.
/// Our reading: the survey gives no algorithm; this is the standard tree-of-UCB1 construction.
/// </summary>
public sealed class HierarchicalUcbPolicy : IAbandonablePolicy
{
    private readonly long[] _armCount;
    private readonly double[] _armSum;
    private readonly long[] _armDone;
    private readonly long[] _clusterCount;
    private readonly double[] _clusterSum;
    private readonly long[] _clusterDone;
    private long _started;

    /// <summary>Creates the policy; <paramref name="clusters"/> null means round(sqrt N).</summary>
    public HierarchicalUcbPolicy(int arms, int? clusters = null, double c = 1.4142135623730951)
    {
        BanditGuard.Arms(arms);
        int k = clusters ?? Math.Max(1, (int)Math.Round(Math.Sqrt(arms)));
        if (k < 1 || k > arms)
        {
            throw new ArgumentOutOfRangeException(nameof(clusters), clusters, $"clusters must be in [1, {arms}].");
        }

        if (!(c >= 0) || double.IsInfinity(c))
        {
            throw new ArgumentOutOfRangeException(nameof(c), c, "c must be finite and >= 0.");
        }

        Arms = arms;
        C = c;
        ClusterSize = (arms + k - 1) / k;
        Clusters = (arms + ClusterSize - 1) / ClusterSize;
        _armCount = new long[arms];
        _armSum = new double[arms];
        _armDone = new long[arms];
        _clusterCount = new long[Clusters];
        _clusterSum = new double[Clusters];
        _clusterDone = new long[Clusters];
    }

    /// <inheritdoc />
    public int Arms { get; }

    /// <summary>Number of clusters C (after rounding the cluster size up).</summary>
    public int Clusters { get; }

    /// <summary>Arms per cluster (the last cluster may hold fewer).</summary>
    public int ClusterSize { get; }

    /// <summary>Exploration constant of both levels.</summary>
    public double C { get; }

    /// <summary>The cluster holding <paramref name="arm"/>.</summary>
    public int ClusterOf(int arm) => arm / ClusterSize;

    /// <inheritdoc />
    public int Select()
    {
        int cluster = ArgMaxUcb(_clusterCount, _clusterSum, _clusterDone, 0, Clusters, _started);
        int lo = cluster * ClusterSize, hi = Math.Min(Arms, lo + ClusterSize);
        int arm = ArgMaxUcb(_armCount, _armSum, _armDone, lo, hi, _clusterCount[cluster]);
        _armCount[arm]++;
        _clusterCount[cluster]++;
        _started++;
        return arm;
    }

    /// <inheritdoc />
    public void Update(int arm, double reward)
    {
        BanditGuard.Arm(arm, Arms);
        BanditGuard.Reward(reward);
        int cluster = ClusterOf(arm);
        if (_armCount[arm] == _armDone[arm])
        {
            // A reward with no pending pull: register and complete it at once.
            _armCount[arm]++;
            _clusterCount[cluster]++;
            _started++;
        }

        _armDone[arm]++;
        _clusterDone[cluster]++;
        _armSum[arm] += reward;
        _clusterSum[cluster] += reward;
    }

    /// <inheritdoc />
    public void Abandon(int arm)
    {
        BanditGuard.Arm(arm, Arms);
        if (_armCount[arm] == _armDone[arm])
        {
            throw new InvalidOperationException($"arm {arm} has no pending pull to abandon.");
        }

        _armCount[arm]--;
        _clusterCount[ClusterOf(arm)]--;
        _started--;
    }

    /// <inheritdoc />
    public void Reset()
    {
        Array.Clear(_armCount);
        Array.Clear(_armSum);
        Array.Clear(_armDone);
        Array.Clear(_clusterCount);
        Array.Clear(_clusterSum);
        Array.Clear(_clusterDone);
        _started = 0;
    }

    /// <summary>UCB1 argmax over [lo, hi): an unpulled node first (lowest index); a node with only pending pulls has mean 0 (pessimistic, so pending pulls spread).</summary>
    private int ArgMaxUcb(long[] count, double[] sum, long[] done, int lo, int hi, long t)
    {
        double logT = Math.Log(Math.Max(t, 1));
        int best = lo;
        double bestIndex = double.NegativeInfinity;
        for (int i = lo; i < hi; i++)
        {
            long n = count[i];
            if (n == 0)
            {
                return i;
            }

            double mean = done[i] > 0 ? sum[i] / done[i] : 0.0;
            double index = mean + C * Math.Sqrt(logT / n);
            if (index > bestIndex)
            {
                bestIndex = index;
                best = i;
            }
        }

        return best;
    }
}
