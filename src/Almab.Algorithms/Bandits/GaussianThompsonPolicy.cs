using Almab.Algorithms.Randomness;
using MathNet.Numerics;

namespace Almab.Algorithms.Bandits;

/// <summary>
/// Gaussian Thompson sampling (ALMAB-DC sections 2.3 and 2.4.4): each arm's mean reward has a conjugate
/// N(<see cref="PriorMean"/>, <see cref="PriorVariance"/>) prior, rewards are N(mean, <see cref="NoiseVariance"/>);
/// each decision pulls the arm with the largest of one posterior sample per arm. Delayed feedback (section 2.4.9):
/// pending pulls are believed at the posterior mean, which leaves the mean unchanged and shrinks the variance to
/// 1 / (1/v0 + (completed + pending) / sigma^2), so n counts pending pulls as for UCB. Each arm's posterior mean
/// and standard deviation are cached and refreshed only for the arm that changed.
/// <para>
/// <see cref="ComputeIndices"/> draws every arm (ziggurat normals, <see cref="ZigguratNormal"/>). <see cref="Select"/>
/// returns an arm with exactly the same distribution (the argmax of independent posterior draws) without drawing
/// every arm: arms still at the prior share one posterior, so their maximum is drawn at once (mu0 + s0 Phi^-1(U^(1/k)))
/// and the winner among them is uniform; the other arms sit in a max-heap on q_i = mu_i + 2.25 sigma_i; the top of a second heap by mu_i is drawn first
/// (to raise the running maximum M early), then those with
/// q_i above the running maximum M are drawn exactly (a pruned walk of the heap); every other arm exceeds M with
/// probability p_i = 1 - Phi((M - mu_i) / sigma_i) &lt;= p = 1 - Phi(2.25), so they are thinned: geometric skips with
/// p over the heap, each candidate accepted with p_i / p and, if accepted, drawn from its normal truncated to
/// (M, infinity). Each arm's treatment is decided from earlier draws only, so the law of the argmax is that of
/// drawing every arm (tested against the plain definition and numerical integration). Ties have probability zero.
/// </para>
/// </summary>
public sealed class GaussianThompsonPolicy : IIndexPolicy, IAbandonablePolicy
{
    private readonly ArmStatistics _stats;
    private readonly Seed _seed;
    private readonly double[] _mean;
    private readonly double[] _sd;
    private const double Z = 2.25;
    private static readonly double PBar = 0.5 * SpecialFunctions.Erfc((Z - 1e-6) / Math.Sqrt(2.0)); // >= 1 - Phi(a) for every a >= Z up to rounding
    private static readonly double InvSqrt2Pi = 1.0 / Math.Sqrt(2.0 * Math.PI);
    private static readonly double LogOneMinusPBar = Math.Log(1.0 - PBar);
    private readonly double _priorMeanCached;
    private readonly double _priorSdCached;
    private readonly IndexedMaxHeap _upper; // arms not at the prior, by mu + Z sigma
    private readonly IndexedMaxHeap _byMean; // the same arms, by mu (the first few drawn raise the maximum early)
    private readonly int[] _prior;     // arms at the prior (same mean and sd as a fresh arm)
    private readonly int[] _priorPos;  // arm -> position in _prior, or -1
    private readonly int[] _drawn;     // decision stamp of the arms drawn exactly in the current Select
    private readonly int[] _stack;
    private int _priorCount, _stamp;
    private Rng _rng;

    /// <summary>Creates the policy; the draws come from <paramref name="seed"/>'s stream, restarted by <see cref="Reset"/>.</summary>
    public GaussianThompsonPolicy(int arms, Seed seed, double noiseVariance = 1.0, double priorMean = 0.0, double priorVariance = 1.0)
    {
        BanditGuard.Arms(arms);
        if (!(noiseVariance > 0) || double.IsInfinity(noiseVariance))
        {
            throw new ArgumentOutOfRangeException(nameof(noiseVariance), noiseVariance, "noiseVariance must be finite and > 0.");
        }

        if (!(priorVariance > 0) || double.IsInfinity(priorVariance))
        {
            throw new ArgumentOutOfRangeException(nameof(priorVariance), priorVariance, "priorVariance must be finite and > 0.");
        }

        if (!double.IsFinite(priorMean))
        {
            throw new ArgumentOutOfRangeException(nameof(priorMean), priorMean, "priorMean must be finite.");
        }

        NoiseVariance = noiseVariance;
        PriorMean = priorMean;
        PriorVariance = priorVariance;
        _stats = new ArmStatistics(arms);
        _mean = new double[arms];
        _sd = new double[arms];
        _upper = new IndexedMaxHeap(arms);
        _byMean = new IndexedMaxHeap(arms);
        _prior = new int[arms];
        _priorPos = new int[arms];
        _drawn = new int[arms];
        _stack = new int[arms + 2];
        _seed = seed;
        _rng = seed.CreateRng();
        _priorMeanCached = PosteriorMean(0);
        _priorSdCached = Math.Sqrt(PosteriorVariance(0));
        RefreshAll();
    }

    /// <inheritdoc />
    public int Arms => _stats.Arms;

    /// <summary>Known reward noise variance sigma^2.</summary>
    public double NoiseVariance { get; }

    /// <summary>Prior mean m0 of every arm.</summary>
    public double PriorMean { get; }

    /// <summary>Prior variance v0 of every arm.</summary>
    public double PriorVariance { get; }

    /// <summary>Posterior mean of <paramref name="arm"/> given its completed rewards.</summary>
    public double PosteriorMean(int arm)
    {
        double precision = 1.0 / PriorVariance + _stats.Completed(arm) / NoiseVariance;
        return (PriorMean / PriorVariance + _stats.Sum(arm) / NoiseVariance) / precision;
    }

    /// <summary>Posterior variance of <paramref name="arm"/>, pending pulls believed (counted in n).</summary>
    public double PosteriorVariance(int arm) => 1.0 / (1.0 / PriorVariance + _stats.Count(arm) / NoiseVariance);

    /// <inheritdoc />
    public void ComputeIndices(Span<double> indices)
    {
        var mean = _mean.AsSpan();
        var sd = _sd.AsSpan(0, mean.Length);
        var dest = indices[..mean.Length];
        for (int i = 0; i < mean.Length; i++)
        {
            dest[i] = mean[i] + sd[i] * ZigguratNormal.Next(_rng);
        }
    }

    /// <inheritdoc />
    public int Select()
    {
        var rng = _rng;
        int best = -1;
        double m = double.NegativeInfinity;
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_drawn);
            _stamp = 1;
        }

        // Arms at the prior: the maximum of k iid N(mu0, s0^2) is mu0 + s0 Phi^-1(U^(1/k)), attained by a uniform one.
        int k = _priorCount;
        if (k > 0)
        {
            double u = ((rng.NextUInt64() >> 11) + 0.5) * (1.0 / (1UL << 53)); // (0, 1)
            double tail = -SpecialFunctions.Expm1(Math.Log(u) / k); // P(max > x) = 1 - u^(1/k)
            m = _priorMeanCached + _priorSdCached * (Math.Sqrt(2.0) * SpecialFunctions.ErfcInv(2.0 * tail));
            best = _prior[k == 1 ? 0 : rng.Next(k)];
        }

        int count = _upper.Count;
        if (count > 0)
        {
            // The 31 arms at the top five levels of the mean heap first (any order fixed before the draws is exact; these
            // make the running maximum high early), then exact draws for the arms with mu + Z sigma above the running
            // maximum: children have smaller keys, so a subtree whose root is at or below it is left to the thinning.
            for (int p = 0; p < Math.Min(31, count); p++)
            {
                int arm = _byMean.At(p);
                _drawn[arm] = _stamp;
                double draw = _mean[arm] + _sd[arm] * ZigguratNormal.Next(rng);
                if (draw > m)
                {
                    m = draw;
                    best = arm;
                }
            }

            int sp = 0;
            _stack[sp++] = 0;
            while (sp > 0)
            {
                int p = _stack[--sp], arm = _upper.At(p);
                if (!(_upper.Key(arm) > m))
                {
                    continue;
                }

                if (_drawn[arm] != _stamp)
                {
                    _drawn[arm] = _stamp;
                    double draw = _mean[arm] + _sd[arm] * ZigguratNormal.Next(rng);
                    if (draw > m)
                    {
                        m = draw;
                        best = arm;
                    }
                }

                int l = 2 * p + 1, r = l + 1;
                if (r < count)
                {
                    // The larger child last, so it is visited first.
                    bool leftFirst = _upper.Key(_upper.At(l)) >= _upper.Key(_upper.At(r));
                    _stack[sp++] = leftFirst ? r : l;
                    _stack[sp++] = leftFirst ? l : r;
                }
                else if (l < count)
                {
                    _stack[sp++] = l;
                }
            }

            // Every arm not drawn has mu + Z sigma <= m: thin the Bernoulli(p_i) "exceeds the maximum" events.
            for (int pos = Skip(rng); pos < count; pos += 1 + Skip(rng))
            {
                int arm = _upper.At(pos);
                if (_drawn[arm] == _stamp)
                {
                    continue;
                }

                // Accept with probability p_i / PBar, i.e. when v = U PBar < 1 - Phi(a). The Mills-ratio bounds
                // phi(a) a / (a^2 + 1) < 1 - Phi(a) < phi(a) / a (a > 0) settle most candidates without erfc.
                double a = (m - _mean[arm]) / _sd[arm];
                double v = rng.NextDouble() * PBar;
                double phi = InvSqrt2Pi * Math.Exp(-0.5 * a * a);
                if (v >= phi / a)
                {
                    continue;
                }

                if (v < phi * a / (a * a + 1.0) || v < 0.5 * SpecialFunctions.Erfc(a / Math.Sqrt(2.0)))
                {
                    m = _mean[arm] + _sd[arm] * TailNormal(rng, a);
                    best = arm;
                }
            }
        }

        _stats.Register(best);
        Refresh(best);
        return best;
    }

    /// <summary>Failures before the first success of Bernoulli(PBar) trials.</summary>
    private static int Skip(Rng rng)
    {
        double f = Math.Floor(Math.Log(rng.NextOpenDouble()) / LogOneMinusPBar);
        return f < int.MaxValue / 2 ? (int)f : int.MaxValue / 2;
    }

    /// <summary>A standard normal draw conditioned on exceeding <paramref name="a"/> (Robert 1995, exponential proposals; a &gt;= 0 here).</summary>
    private static double TailNormal(Rng rng, double a)
    {
        double alpha = 0.5 * (a + Math.Sqrt(a * a + 4.0));
        while (true)
        {
            double z = a - Math.Log(rng.NextOpenDouble()) / alpha;
            double d = z - alpha;
            if (rng.NextDouble() < Math.Exp(-0.5 * d * d))
            {
                return z;
            }
        }
    }

    /// <inheritdoc />
    public void RegisterPull(int arm)
    {
        _stats.RegisterPull(arm);
        Refresh(arm);
    }

    /// <inheritdoc />
    public void Abandon(int arm)
    {
        _stats.Cancel(arm);
        Refresh(arm);
    }

    /// <inheritdoc />
    public void Update(int arm, double reward)
    {
        _stats.Update(arm, reward);
        Refresh(arm);
    }

    /// <inheritdoc />
    public void Reset()
    {
        _stats.Clear();
        _rng = _seed.CreateRng();
        RefreshAll();
    }

    private void Refresh(int arm)
    {
        double mean = PosteriorMean(arm), sd = Math.Sqrt(PosteriorVariance(arm));
        _mean[arm] = mean;
        _sd[arm] = sd;
        if (mean == _priorMeanCached && sd == _priorSdCached)
        {
            _upper.Remove(arm);
            _byMean.Remove(arm);
            if (_priorPos[arm] < 0)
            {
                _priorPos[arm] = _priorCount;
                _prior[_priorCount++] = arm;
            }

            return;
        }

        if (_priorPos[arm] >= 0)
        {
            int last = _prior[--_priorCount], at = _priorPos[arm];
            _prior[at] = last;
            _priorPos[last] = at;
            _priorPos[arm] = -1;
        }

        _upper.Set(arm, mean + Z * sd);
        _byMean.Set(arm, mean);
    }

    private void RefreshAll()
    {
        _upper.Clear();
        _byMean.Clear();
        _priorCount = 0;
        Array.Fill(_priorPos, -1);
        for (int i = 0; i < _mean.Length; i++)
        {
            Refresh(i);
        }
    }

    /// <summary>A binary max-heap of arms by key with each arm's position, so one arm's key changes in O(log N).</summary>
    private sealed class IndexedMaxHeap
    {
        private readonly int[] _heap;
        private readonly int[] _pos;
        private readonly double[] _key;

        public IndexedMaxHeap(int arms)
        {
            _heap = new int[arms];
            _pos = new int[arms];
            _key = new double[arms];
            Clear();
        }

        public int Count { get; private set; }

        public int At(int p) => _heap[p];

        public double Key(int arm) => _key[arm];

        public void Clear()
        {
            Count = 0;
            Array.Fill(_pos, -1);
        }

        public void Set(int arm, double key)
        {
            int p = _pos[arm];
            if (p < 0)
            {
                _key[arm] = key;
                p = Count++;
                _heap[p] = arm;
                _pos[arm] = p;
                SiftUp(p);
            }
            else if (key != _key[arm])
            {
                bool up = key > _key[arm];
                _key[arm] = key;
                if (up)
                {
                    SiftUp(p);
                }
                else
                {
                    SiftDown(p);
                }
            }
        }

        public void Remove(int arm)
        {
            int p = _pos[arm];
            if (p < 0)
            {
                return;
            }

            _pos[arm] = -1;
            int last = _heap[--Count];
            if (p == Count)
            {
                return;
            }

            _heap[p] = last;
            _pos[last] = p;
            SiftUp(p);
            SiftDown(_pos[last]);
        }

        private void SiftUp(int p)
        {
            int arm = _heap[p];
            double key = _key[arm];
            while (p > 0)
            {
                int parent = (p - 1) >> 1;
                int pa = _heap[parent];
                if (!(_key[pa] < key))
                {
                    break;
                }

                _heap[p] = pa;
                _pos[pa] = p;
                p = parent;
            }

            _heap[p] = arm;
            _pos[arm] = p;
        }

        private void SiftDown(int p)
        {
            int arm = _heap[p];
            double key = _key[arm];
            while (true)
            {
                int c = 2 * p + 1;
                if (c >= Count)
                {
                    break;
                }

                if (c + 1 < Count && _key[_heap[c + 1]] > _key[_heap[c]])
                {
                    c++;
                }

                int ca = _heap[c];
                if (!(_key[ca] > key))
                {
                    break;
                }

                _heap[p] = ca;
                _pos[ca] = p;
                p = c;
            }

            _heap[p] = arm;
            _pos[arm] = p;
        }
    }
}
