using Almab.Algorithms.Acquisitions;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Optimizers.AlmabDc;

/// <summary>Decision steps of <see cref="AlmabDcOptimizer"/>: design, shortlist, bandit choice and model update.</summary>
public sealed partial class AlmabDcOptimizer
{
    /// <summary>
    /// One model-based decision: fantasize every pending point, score the pool, apply the diversity penalty against
    /// pending points, keep the top <see cref="AlmabDcOptions.ShortlistSize"/> (Q_t), then let the variant choose.
    /// </summary>
    private double[] Choose(HashSet<int> usedThisAsk)
    {
        var candidates = _pool.Points;
        int n = candidates.Count;
        if (_scores.Length < n)
        {
            _scores = new double[n];
        }

        var scores = _scores.AsSpan(0, n);
        var pendingUnits = PendingUnits();
        var context = new AcquisitionContext(BestValue, _nextId + 1, _acquisitionRng);
        int pushed = KrigingBeliever.PushPending(_gp!, pendingUnits);
        try
        {
            _acquisition.Score(_gp!, candidates, context, scores);
        }
        finally
        {
            KrigingBeliever.Pop(_gp!, pushed);
        }

        _penalty?.Apply(candidates, scores, pendingUnits);
        if (!_pool.IsEnumerated)
        {
            // A sampled candidate is handed out at most once per Ask (finite spaces may repeat points: replicates).
            foreach (int used in usedThisAsk)
            {
                scores[used] = double.NegativeInfinity;
            }
        }

        int m = Options.Variant == AlmabDcVariant.PureBo ? 1 : Math.Min(Options.ShortlistSize, n);
        Span<int> shortlist = m <= 256 ? stackalloc int[m] : new int[m];
        TopIndices(scores, shortlist);
        int pick = shortlist[0];
        if (Options.Variant == AlmabDcVariant.NoMab)
        {
            pick = shortlist[_choiceRng.Next(m)];
        }
        else if (_bandit is not null)
        {
            // Algorithm 1, lines 4-6: s_q = the bandit's score of q's arm, q_t = argmax s_q (ties: better acquisition rank).
            _bandit.ComputeIndices(_armIndices);
            double best = double.NegativeInfinity;
            int firstArm = ArmPartition.ArmOf(candidates[shortlist[0]]);
            bool oneRegion = true;
            for (int k = 0; k < m; k++)
            {
                int arm = ArmPartition.ArmOf(candidates[shortlist[k]]);
                oneRegion &= arm == firstArm;
                double s = _armIndices[arm];
                if (s > best)
                {
                    best = s;
                    pick = shortlist[k];
                }
            }

            Diagnostics = new ShortlistDiagnostics(Diagnostics.Choices + 1, Diagnostics.OneRegion + (oneRegion ? 1 : 0),
                Diagnostics.Overrides + (pick != shortlist[0] ? 1 : 0));
        }

        usedThisAsk.Add(pick);
        // A sampled pool reuses its arrays at the next refresh; an enumerated one never changes them.
        return _pool.IsEnumerated ? candidates[pick] : (double[])candidates[pick].Clone();
    }

    /// <summary>Indices of the largest scores in descending order (ties: lowest index first).</summary>
    private static void TopIndices(ReadOnlySpan<double> scores, Span<int> top)
    {
        int filled = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            double s = double.IsNaN(scores[i]) ? double.NegativeInfinity : scores[i];
            int pos = filled;
            while (pos > 0 && s > Score(scores, top[pos - 1]))
            {
                pos--;
            }

            if (pos >= top.Length)
            {
                continue;
            }

            int last = Math.Min(filled, top.Length - 1);
            for (int k = last; k > pos; k--)
            {
                top[k] = top[k - 1];
            }

            top[pos] = i;
            filled = Math.Min(filled + 1, top.Length);
        }
    }

    private static double Score(ReadOnlySpan<double> scores, int i) => double.IsNaN(scores[i]) ? double.NegativeInfinity : scores[i];

    /// <summary>"No AL": a uniform point of the arm's region (rejection from uniform space samples).</summary>
    private double[] RandomInArm(int arm)
    {
        if (ArmPartition.OnePointPerArm)
        {
            return ArmPartition.Centers[arm];
        }

        for (int attempt = 0; attempt < 64 * ArmPartition.Arms; attempt++)
        {
            double[] u = _pool.Uniform(_choiceRng);
            if (ArmPartition.ArmOf(u) == arm)
            {
                return u;
            }
        }

        // A region too small to hit by sampling: its centre, snapped to a legal point.
        return _space.Encode(_space.Decode(ArmPartition.Centers[arm]));
    }

    /// <summary>The pending trials' units in trial-id order, in a list reused by every decision.</summary>
    private List<double[]> PendingUnits()
    {
        var units = _pendingUnits;
        units.Clear();
        foreach (int id in _pendingIds)
        {
            units.Add(_pending[id].Unit);
        }

        return units;
    }

    /// <summary>Encoded inputs of the <paramref name="k"/> smallest observed values (ties: earlier first).</summary>
    private List<double[]> BestUnits(int k)
    {
        // The first k of the observations sorted by (value, index), a total order, picked by insertion into a k-list.
        Span<int> top = k <= 64 ? stackalloc int[k] : new int[k];
        int filled = 0;
        for (int i = 0; i < _ys.Count; i++)
        {
            int pos = filled;
            while (pos > 0 && _ys[i] != _ys[top[pos - 1]] && _ys[i].CompareTo(_ys[top[pos - 1]]) < 0)
            {
                pos--; // strictly smaller value; an equal one keeps the earlier index first
            }

            if (pos >= k)
            {
                continue;
            }

            for (int j = Math.Min(filled, k - 1); j > pos; j--)
            {
                top[j] = top[j - 1];
            }

            top[pos] = i;
            filled = Math.Min(filled + 1, k);
        }

        var best = _bestUnits;
        best.Clear();
        for (int i = 0; i < filled; i++)
        {
            best.Add(_xs[top[i]]);
        }

        return best;
    }

    /// <summary>The initial design: the given points, or n0 seeded random points (distinct on finite spaces when possible).</summary>
    private List<double[]> InitialDesign(Rng rng)
    {
        var design = new List<double[]>();
        if (Options.InitialDesign is { } given)
        {
            foreach (var c in given)
            {
                design.Add(_space.Encode(c));
            }

            return design;
        }

        int n0 = Options.InitialDesignSize ?? Math.Max(3, _space.Dimension + 1);
        if (_pool.IsEnumerated && n0 <= _pool.Points.Count)
        {
            // Partial Fisher-Yates: n0 distinct points.
            var index = new int[_pool.Points.Count];
            for (int i = 0; i < index.Length; i++)
            {
                index[i] = i;
            }

            for (int i = 0; i < n0; i++)
            {
                int j = i + rng.Next(index.Length - i);
                (index[i], index[j]) = (index[j], index[i]);
                design.Add(_pool.Points[index[i]]);
            }

            return design;
        }

        for (int i = 0; i < n0; i++)
        {
            design.Add(_pool.Uniform(rng));
        }

        return design;
    }

    /// <summary>
    /// Posterior update (Figure 2, "GP surrogate update"): a full fit while the initial design completes (with
    /// hyperparameter optimization when it does), then every <see cref="AlmabDcOptions.RefitEvery"/> observations;
    /// O(n^2) appends in between. The updates are applied lazily, when the next decision (or a caller of
    /// <see cref="Surrogate"/>) needs the model, and give exactly the model that updating at every Tell would give:
    /// every hyperparameter optimization is replayed in order (each warm-starts the next), the appends and plain fits
    /// that a later full fit overwrites are skipped. Tells after the last Ask of a run (the K - 1 evaluations still in
    /// flight when the budget is spent, and the refits among them) therefore cost nothing.
    /// </summary>
    private void SyncModel()
    {
        int n = _ys.Count;
        if (_gp is null || _modelCount >= n)
        {
            return;
        }

        // The last full fit in (_modelCount, n]: everything before it except hyperparameter optimizations is overwritten.
        int lastFit = 0;
        bool ready = _modelReady;
        for (int k = _modelCount + 1; k <= n; k++)
        {
            var op = ModelOperation(k, ready);
            if (op != ModelUpdate.None)
            {
                ready = true;
            }

            if (op is ModelUpdate.Fit or ModelUpdate.FitOptimized)
            {
                lastFit = k;
            }
        }

        for (int k = _modelCount + 1; k <= n; k++)
        {
            var op = ModelOperation(k, _modelReady);
            if (op == ModelUpdate.FitOptimized || (op == ModelUpdate.Fit && k == lastFit))
            {
                _gp.Fit(Prefix(_xs, k), Prefix(_ys, k), op == ModelUpdate.FitOptimized);
                _modelReady = true;
            }
            else if (op == ModelUpdate.Add && k > lastFit)
            {
                _gp.Add(_xs[k - 1], _ys[k - 1]);
            }
            else if (op != ModelUpdate.None)
            {
                _modelReady = true; // overwritten by the full fit at lastFit
            }
        }

        _modelCount = n;
    }

    /// <summary>What the model update after the k-th usable observation is (the eager schedule).</summary>
    private ModelUpdate ModelOperation(int k, bool ready)
    {
        if (k < 2)
        {
            return ModelUpdate.None;
        }

        int every = Options.RefitEvery;
        bool optimize = every > 0 && (k == _warmCount || (k > _warmCount && k % every == 0));
        if (optimize)
        {
            return ModelUpdate.FitOptimized;
        }

        return !ready || k <= _warmCount ? ModelUpdate.Fit : ModelUpdate.Add;
    }

    private static IReadOnlyList<T> Prefix<T>(List<T> list, int count) => count == list.Count ? list : list.GetRange(0, count);

    private enum ModelUpdate
    {
        None,
        Add,
        Fit,
        FitOptimized,
    }
}
