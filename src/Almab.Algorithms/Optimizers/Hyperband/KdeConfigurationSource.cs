using Almab.Algorithms.Optimizers.Tpe;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Optimizers.Hyperband;

/// <summary>
/// BOHB's configuration generator (Falkner et al. 2018, section 3.1; hpbandster's config_generators/bohb.py).
/// Results are kept per fidelity level. A level gets a model once it holds at least MinPointsInModel observations and
/// both groups have more rows than dimensions: the best max(MinPoints, floor(TopPercent n / 100)) rows fit the good
/// KDE l(x), the next max(MinPoints, floor((100 - TopPercent) n / 100)) the bad KDE g(x) (<see cref="ProductKde"/>).
/// A new configuration is uniform with probability RandomFraction or while no level has a model; otherwise, with the
/// model of the highest fidelity level that has one, Samples candidates are drawn, each around a random good row:
/// continuous coordinates from a normal with sd BandwidthFactor * max(h, MinBandwidth) truncated to [0, 1], a
/// categorical one kept with probability 1 - h and otherwise uniform; the candidate with the smallest
/// max(g, 1e-32) / max(l, 1e-32) wins. Our choices: results of every level are kept (hpbandster drops those below the
/// largest modelled budget, which are then never used); integer and grid parameters are continuous in the unit-cube
/// encoding and rounded by decoding (as ConfigSpace's vector form does for integers).
/// </summary>
internal sealed class KdeConfigurationSource : IConfigurationSource
{
    private readonly SearchSpace _space;
    private readonly BohbOptions _options;
    private readonly Rng _rng;
    private readonly int[] _choices;
    private readonly int _minPoints;
    private readonly Dictionary<int, (List<double[]> Rows, List<double> Losses)> _data = new();
    private readonly SortedDictionary<int, (ProductKde Good, ProductKde Bad)> _models = new();
    private readonly double[] _candidate;
    private readonly double[] _best;
    private int[] _order = [];
    private double[][] _ranked = [];

    public KdeConfigurationSource(SearchSpace space, BohbOptions options, Rng rng)
    {
        _space = space;
        _options = options;
        _rng = rng;
        _choices = new int[space.Dimension];
        for (int j = 0; j < _choices.Length; j++)
        {
            var p = space.Parameters[j];
            _choices[j] = p.Kind == ParameterKind.Categorical ? p.Choices.Length : 0;
        }

        _minPoints = options.MinPointsInModel ?? space.Dimension + 1;
        _candidate = new double[space.Dimension];
        _best = new double[space.Dimension];
    }

    /// <summary>The fidelity levels that have a model.</summary>
    public IEnumerable<int> ModelLevels => _models.Keys;

    public Configuration Next(int level)
    {
        if (_models.Count == 0 || _rng.NextDouble() < _options.RandomFraction)
        {
            return _space.Sample(_rng);
        }

        var (good, bad) = _models[_models.Keys.Max()];
        int d = _choices.Length;
        var candidate = _candidate;
        double[]? best = null;
        double bestValue = double.PositiveInfinity;
        for (int s = 0; s < _options.Samples; s++)
        {
            var datum = good.Data[_rng.Next(good.Data.Length)];
            for (int j = 0; j < d; j++)
            {
                double h = Math.Max(good.Bandwidths[j], _options.MinBandwidth);
                if (_choices[j] == 0)
                {
                    h *= _options.BandwidthFactor;
                    candidate[j] = TruncatedNormal.Sample(_rng, datum[j], h, 0, 1);
                }
                else
                {
                    candidate[j] = _rng.NextDouble() < 1 - h ? datum[j] : _rng.Next(_choices[j]);
                }
            }

            double value = Math.Max(1e-32, bad.Pdf(candidate)) / Math.Max(1e-32, good.Pdf(candidate));
            if (double.IsFinite(value) && value < bestValue)
            {
                bestValue = value;
                candidate.AsSpan().CopyTo(_best);
                best = _best;
            }
        }

        if (best is null)
        {
            return _space.Sample(_rng);
        }

        var values = new double[d];
        for (int j = 0; j < d; j++)
        {
            values[j] = _choices[j] > 0 ? best[j] : _space.Parameters[j].Decode(best[j]);
        }

        return new Configuration(values);
    }

    public void Observe(Configuration configuration, int level, double value)
    {
        if (!_data.TryGetValue(level, out var entry))
        {
            entry = (new List<double[]>(), new List<double>());
            _data[level] = entry;
        }

        var row = new double[_choices.Length];
        for (int j = 0; j < row.Length; j++)
        {
            row[j] = _choices[j] > 0 ? configuration[j] : _space.Parameters[j].Encode(configuration[j]);
        }

        entry.Rows.Add(row);
        entry.Losses.Add(value);
        Fit(level, entry.Rows, entry.Losses);
    }

    private void Fit(int level, List<double[]> rows, List<double> losses)
    {
        int n = rows.Count, d = _choices.Length;
        if (n < _minPoints)
        {
            return;
        }

        int nGood = Math.Max(_minPoints, (int)Math.Floor(_options.TopPercent * n / 100));
        int nBad = Math.Max(_minPoints, (int)Math.Floor((100 - _options.TopPercent) * n / 100));
        int badRows = Math.Min(nBad, n - nGood);
        if (nGood > n || nGood <= d || badRows <= d)
        {
            return;
        }

        if (_order.Length < n)
        {
            _order = new int[Math.Max(n, 2 * _order.Length)];
            _ranked = new double[_order.Length][];
        }

        var order = _order.AsSpan(0, n);
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        // Ties by index: the order is unique, whatever the sort.
        order.Sort(new ByLoss(losses));
        var ranked = _ranked.AsSpan(0, n);
        for (int i = 0; i < n; i++)
        {
            ranked[i] = rows[order[i]];
        }

        var good = ranked[..nGood];
        var bad = ranked.Slice(nGood, badRows);
        if (_models.TryGetValue(level, out var model))
        {
            model.Good.Refit(good, _options.MinBandwidth);
            model.Bad.Refit(bad, _options.MinBandwidth);
        }
        else
        {
            _models[level] = (new ProductKde(good.ToArray(), _choices, _options.MinBandwidth), new ProductKde(bad.ToArray(), _choices, _options.MinBandwidth));
        }

        ranked.Clear(); // no stale row references
    }

    private readonly struct ByLoss(List<double> losses) : IComparer<int>
    {
        public int Compare(int a, int b) => losses[a] != losses[b] ? losses[a].CompareTo(losses[b]) : a.CompareTo(b);
    }
}
