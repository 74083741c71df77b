namespace Almab.Algorithms.Optimizers.Hyperband;

/// <summary>
/// A product-kernel density as statsmodels' KDEMultivariate with bw = "normal_reference", which hpbandster's BOHB fits:
/// per dimension h_j = 1.06 sd_j n^(-1/(4 + d)) (sd with divisor n), clipped below at the minimum bandwidth;
/// Gaussian kernels phi((x - x_i) / h) / h on continuous dimensions (the unit-cube encoding) and Aitchison-Aitken
/// kernels (1 - h on the same choice, h / (c - 1) on each other; h capped at (c - 1) / c so the kernel stays a
/// distribution) on categorical ones; the density is the mean over the data of the kernel products.
/// </summary>
internal sealed class ProductKde
{
    private const double InvSqrt2Pi = 0.39894228040143267794;
    private readonly int[] _choices;
    private double[][] _data = []; // the first _count entries are the rows (a grow-only buffer: see Refit)
    private int _count;

    public ProductKde(double[][] data, int[] choices, double minBandwidth)
    {
        _choices = choices;
        Bandwidths = new double[choices.Length];
        Refit(data, minBandwidth);
    }

    /// <summary>
    /// Becomes the estimator <c>new ProductKde(rows, choices, minBandwidth)</c> builds (the row arrays are referenced,
    /// not copied), reusing this one's arrays: BOHB refits its two estimators after every observation.
    /// </summary>
    public void Refit(ReadOnlySpan<double[]> rows, double minBandwidth)
    {
        if (_data.Length < rows.Length)
        {
            _data = new double[Math.Max(rows.Length, 2 * _data.Length)][];
        }

        rows.CopyTo(_data);
        _data.AsSpan(rows.Length, _count > rows.Length ? _count - rows.Length : 0).Clear();
        _count = rows.Length;
        var data = _data;
        var choices = _choices;
        int n = _count, d = choices.Length;
        double factor = 1.06 * Math.Pow(n, -1.0 / (4 + d));
        for (int j = 0; j < d; j++)
        {
            double mean = 0;
            for (int i = 0; i < n; i++)
            {
                mean += data[i][j];
            }

            mean /= n;
            double ss = 0;
            for (int i = 0; i < n; i++)
            {
                ss += (data[i][j] - mean) * (data[i][j] - mean);
            }

            double h = Math.Max(factor * Math.Sqrt(ss / n), minBandwidth);
            Bandwidths[j] = choices[j] > 0 ? Math.Min(h, (choices[j] - 1.0) / choices[j]) : h;
        }
    }

    /// <summary>Per-dimension bandwidths.</summary>
    public double[] Bandwidths { get; }

    /// <summary>The data rows (continuous coordinates in [0, 1], categorical ones as choice indices).</summary>
    public ReadOnlySpan<double[]> Data => _data.AsSpan(0, _count);

    /// <summary>The density at <paramref name="x"/>.</summary>
    public double Pdf(ReadOnlySpan<double> x)
    {
        double total = 0;
        foreach (var row in _data.AsSpan(0, _count))
        {
            double product = 1;
            for (int j = 0; j < x.Length; j++)
            {
                double h = Bandwidths[j];
                int c = _choices[j];
                if (c > 0)
                {
                    product *= c == 1 ? 1 : x[j] == row[j] ? 1 - h : h / (c - 1);
                }
                else
                {
                    double z = (x[j] - row[j]) / h;
                    product *= InvSqrt2Pi * Math.Exp(-0.5 * z * z) / h;
                }
            }

            total += product;
        }

        return total / _count;
    }
}
