namespace Almab.Algorithms.Surrogates.Neural;

/// <summary>
/// Bayesian linear regression on a trained network's last hidden layer ("neural-linear"), used for Kriging-believer
/// fantasies: with features phi(x) = [h(x); 1] and the output layer w as prior mean, precision A = I + sum_i phi_i
/// phi_i^T over the real observations (standardized targets, unit prior precision: our choice). Taking in a fantasy
/// (x*, y*) is the recursive-least-squares step u = A^-1 phi*, w += u (y* - phi* . w) / (1 + phi* . u),
/// A^-1 -= u u^T / (1 + phi* . u), so the member's prediction at x* moves towards y* by the factor
/// g = phi* . u / (1 + phi* . u) in (0, 1): every member's distance to the fantasy shrinks, hence the ensemble
/// variance there. O(h^2) per fantasy; <see cref="MlpEnsembleSurrogate"/> saves and restores w and A^-1 exactly.
/// </summary>
internal sealed class LastLayerPosterior
{
    private readonly double[] _phi;
    private readonly double[] _u;

    public LastLayerPosterior(int features)
    {
        Size = features + 1;
        Inverse = new double[Size * Size];
        _phi = new double[Size];
        _u = new double[Size];
    }

    /// <summary>h + 1 (the bias feature is the constant 1).</summary>
    public int Size { get; }

    /// <summary>A^-1, row-major.</summary>
    public double[] Inverse { get; }

    /// <summary>A^-1 from scratch over the real inputs (row-major, n rows), by Sherman-Morrison from A = I.</summary>
    public void Reset(MlpNetwork net, ReadOnlySpan<double> x, int count, int dimension)
    {
        Array.Clear(Inverse);
        for (int k = 0; k < Size; k++)
        {
            Inverse[k * Size + k] = 1.0;
        }

        for (int i = 0; i < count; i++)
        {
            SetFeatures(net, x.Slice(i * dimension, dimension));
            RankOne();
        }
    }

    /// <summary>Takes in a fantasy: updates the output layer of <paramref name="net"/> and A^-1.</summary>
    public void Absorb(MlpNetwork net, ReadOnlySpan<double> x, double target)
    {
        SetFeatures(net, x);
        var w = net.Parameters.AsSpan(net.OutputOffset, Size);
        double residual = target - VectorMath.Dot(w, _phi);
        double s = RankOne();
        VectorMath.Axpy(residual / s, _u, w);
    }

    private void SetFeatures(MlpNetwork net, ReadOnlySpan<double> x)
    {
        net.Features(x, _phi.AsSpan(0, Size - 1));
        _phi[Size - 1] = 1.0;
    }

    /// <summary>u = A^-1 phi, A^-1 -= u u^T / s with s = 1 + phi . u; returns s.</summary>
    private double RankOne()
    {
        for (int r = 0; r < Size; r++)
        {
            _u[r] = VectorMath.Dot(Inverse.AsSpan(r * Size, Size), _phi);
        }

        double s = 1.0 + VectorMath.Dot(_phi, _u);
        for (int r = 0; r < Size; r++)
        {
            VectorMath.Axpy(-_u[r] / s, _u, Inverse.AsSpan(r * Size, Size));
        }

        return s;
    }
}
