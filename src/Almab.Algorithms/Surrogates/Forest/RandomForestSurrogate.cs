using Almab.Algorithms.Surrogates.Ensembles;

namespace Almab.Algorithms.Surrogates.Forest;

/// <summary>
/// Random-forest regression surrogate (ALMAB-DC Appendix C "RF", section 3.11): mean and variance of the latent
/// function are the mean and (population) variance of the tree predictions, as in SMAC's random forest.
/// <see cref="Fit"/> and <see cref="Add"/> regrow every tree on the data (a forest has no O(n^2) update; the
/// <c>optimizeHyperparameters</c> flag has nothing to optimize and is ignored). A Kriging-believer fantasy is routed
/// to its leaf in every tree and joins that leaf's weighted mean, splits unchanged; <see cref="PopFantasy"/> writes
/// the saved leaf values back, so it restores predictions bit for bit. <see cref="NoiseVariance"/> is the out-of-bag
/// mean squared error (0 without bootstrap or out-of-bag points): the forest's own estimate of observation error.
/// Not thread-safe; internally parallel over trees (<see cref="RandomForestOptions.MaxDegreeOfParallelism"/>).
/// </summary>
public sealed class RandomForestSurrogate : ISurrogate
{
    private readonly List<double> _x = [];
    private readonly List<double> _y = [];
    private readonly Stack<(int Tree, int Leaf, double Value, double Weight)[]> _fantasies = new();
    private RegressionTree[] _trees = [];
    private double[] _buffer = [];
    private double[] _bufferB = [];

    /// <summary>Creates an unfitted forest over <paramref name="dimension"/> encoded inputs.</summary>
    public RandomForestSurrogate(int dimension, RandomForestOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        Options = options ?? new RandomForestOptions();
        Options.Validate(dimension);
        Dimension = dimension;
    }

    /// <summary>The settings this forest was built with.</summary>
    public RandomForestOptions Options { get; }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <inheritdoc />
    public int Count => _y.Count + _fantasies.Count;

    /// <inheritdoc />
    public double NoiseVariance { get; private set; }

    /// <summary>The grown trees (empty before the first fit).</summary>
    public IReadOnlyList<RegressionTree> Trees => _trees;

    /// <inheritdoc />
    public void Fit(IReadOnlyList<double[]> inputs, IReadOnlyList<double> targets, bool optimizeHyperparameters)
    {
        SurrogateChecks.Data(inputs, targets, Dimension);
        DropFantasies();
        _x.Clear();
        _y.Clear();
        for (int i = 0; i < inputs.Count; i++)
        {
            _x.AddRange(inputs[i]);
            _y.Add(targets[i]);
        }

        Grow();
    }

    /// <inheritdoc />
    public void Add(double[] input, double target)
    {
        if (_fantasies.Count > 0)
        {
            throw new InvalidOperationException($"Pop the {_fantasies.Count} fantasies before adding a real observation.");
        }

        SurrogateChecks.Input(input, Dimension, nameof(input));
        SurrogateChecks.Target(target, nameof(target));
        _x.AddRange(input);
        _y.Add(target);
        Grow();
    }

    /// <inheritdoc />
    public void Predict(IReadOnlyList<double[]> points, Span<double> mean, Span<double> variance)
    {
        ArgumentNullException.ThrowIfNull(points);
        SurrogateChecks.Outputs(points.Count, mean, variance);
        RequireFit();
        TreePredictions(points, ref _buffer);
        EnsembleMoments.MeanVariance(_buffer, _trees.Length, points.Count, mean, variance);
    }

    /// <inheritdoc />
    public void PredictCovariance(IReadOnlyList<double[]> a, IReadOnlyList<double[]> b, double[,] covariance)
    {
        SurrogateChecks.Covariance(a, b, covariance);

        RequireFit();
        TreePredictions(a, ref _buffer);
        TreePredictions(b, ref _bufferB);
        EnsembleMoments.Covariance(_buffer, a.Count, _bufferB, b.Count, _trees.Length, covariance);
    }

    /// <inheritdoc />
    public void PushFantasy(double[] input, double target)
    {
        SurrogateChecks.Input(input, Dimension, nameof(input));
        SurrogateChecks.Target(target, nameof(target));
        RequireFit();
        var saved = new (int, int, double, double)[_trees.Length];
        for (int t = 0; t < _trees.Length; t++)
        {
            var tree = _trees[t];
            int leaf = tree.LeafOf(input);
            double v = tree.Value(leaf), w = tree.Weight(leaf);
            saved[t] = (t, leaf, v, w);
            tree.SetLeaf(leaf, (w * v + target) / (w + 1.0), w + 1.0);
        }

        _fantasies.Push(saved);
    }

    /// <inheritdoc />
    public void PopFantasy()
    {
        if (_fantasies.Count == 0)
        {
            throw new InvalidOperationException("There is no fantasy to pop.");
        }

        var saved = _fantasies.Pop();
        for (int k = saved.Length - 1; k >= 0; k--)
        {
            var (t, leaf, v, w) = saved[k];
            _trees[t].SetLeaf(leaf, v, w);
        }
    }

    private void DropFantasies()
    {
        while (_fantasies.Count > 0)
        {
            PopFantasy();
        }
    }

    private void RequireFit()
    {
        if (_trees.Length == 0)
        {
            throw new InvalidOperationException("Fit the forest before predicting.");
        }
    }

    private void Grow()
    {
        int n = _y.Count, d = Dimension, trees = Options.Trees;
        double[] x = [.. _x], y = [.. _y];
        var grown = new RegressionTree[trees];
        var weights = new double[trees][];
        var seed = Options.Seed.Derive("fit").Derive(n);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism };
        Parallel.For(0, trees, parallel, t =>
        {
            var rng = seed.Derive(t).CreateRng();
            var w = new double[n];
            if (Options.Bootstrap)
            {
                for (int k = 0; k < n; k++)
                {
                    w[rng.Next(n)] += 1.0;
                }
            }
            else
            {
                Array.Fill(w, 1.0);
            }

            weights[t] = w;
            grown[t] = RegressionTree.Grow(x, d, y, w, Options.Tree, rng);
        });
        _trees = grown;
        NoiseVariance = OutOfBagError(x, y, weights);
    }

    /// <summary>Mean squared error of each point's prediction by the trees that did not see it (points seen by all are skipped).</summary>
    private double OutOfBagError(double[] x, double[] y, double[][] weights)
    {
        int n = y.Length, d = Dimension;
        double sum = 0.0;
        int used = 0;
        for (int i = 0; i < n; i++)
        {
            double s = 0.0;
            int c = 0;
            for (int t = 0; t < _trees.Length; t++)
            {
                if (weights[t][i] == 0.0)
                {
                    s += _trees[t].Predict(x.AsSpan(i * d, d));
                    c++;
                }
            }

            if (c > 0)
            {
                double e = s / c - y[i];
                sum += e * e;
                used++;
            }
        }

        return used == 0 ? 0.0 : sum / used;
    }

    /// <summary>Tree-major predictions: buffer[t * count + i] = tree t at point i.</summary>
    private void TreePredictions(IReadOnlyList<double[]> points, ref double[] buffer)
    {
        int count = points.Count, trees = _trees.Length;
        for (int i = 0; i < count; i++)
        {
            SurrogateChecks.Input(points[i], Dimension, nameof(points));
        }

        if (buffer.Length < trees * count)
        {
            buffer = new double[trees * count];
        }

        var target = buffer;
        if (Options.MaxDegreeOfParallelism == 1)
        {
            for (int t = 0; t < trees; t++)
            {
                Evaluate(t, points, target);
            }

            return;
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism };
        Parallel.For(0, trees, parallel, t => Evaluate(t, points, target));
    }

    private void Evaluate(int t, IReadOnlyList<double[]> points, double[] target)
    {
        var tree = _trees[t];
        int count = points.Count;
        for (int i = 0; i < count; i++)
        {
            target[t * count + i] = tree.Predict(points[i]);
        }
    }
}
