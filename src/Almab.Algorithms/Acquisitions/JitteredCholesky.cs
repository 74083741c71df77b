namespace Almab.Algorithms.Acquisitions;

/// <summary>Lower Cholesky factor of a symmetric positive semi-definite matrix with growing diagonal jitter.</summary>
internal static class JitteredCholesky
{
    /// <summary>
    /// Returns L with L L^T = A + j I, j the smallest of 0, 1e-10 m, 1e-9 m, ... (m = mean diagonal, at least 1e-300)
    /// that makes the factorisation succeed. Throws when even j = m fails (the matrix is not a covariance).
    /// </summary>
    public static double[,] Factor(double[,] a)
    {
        int n = a.GetLength(0);
        double m = 0;
        for (int i = 0; i < n; i++)
        {
            m += a[i, i];
        }

        m = Math.Max(m / n, 1e-300);
        var l = new double[n, n];
        for (int attempt = 0; attempt <= 11; attempt++)
        {
            double jitter = attempt == 0 ? 0.0 : m * Math.Pow(10.0, attempt - 11);
            if (TryFactor(a, jitter, l))
            {
                return l;
            }
        }

        throw new InvalidOperationException("The posterior covariance is not positive semi-definite even with jitter.");
    }

    private static bool TryFactor(double[,] a, double jitter, double[,] l)
    {
        int n = a.GetLength(0);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double s = a[i, j] + (i == j ? jitter : 0.0);
                for (int k = 0; k < j; k++)
                {
                    s -= l[i, k] * l[j, k];
                }

                if (i == j)
                {
                    if (!(s > 0))
                    {
                        return false;
                    }

                    l[i, i] = Math.Sqrt(s);
                }
                else
                {
                    l[i, j] = s / l[j, j];
                }
            }
        }

        return true;
    }
}
