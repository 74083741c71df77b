namespace Almab.Algorithms.Surrogates;

/// <summary>
/// Inverse of a Cholesky factor, column by column: inv[a][k - a] = (L^-1)[k, a] for k &gt;= a, the layout
/// the K^-1 trace sums of <see cref="GpLikelihood"/> read row-contiguously.
/// </summary>
internal static class TriangularInverse
{
    /// <summary>
    /// Columns of L^-1 by forward substitution against unit vectors (n^3 / 6 multiply-adds), two columns at a
    /// time so each row of L is loaded once for both.
    /// </summary>
    public static void Columns(CholeskyRows chol, int n, double[][] inv)
    {
        Span<double> sums = stackalloc double[8];
        int a = 0;
        for (; a + 1 < n; a += 2)
        {
            ColumnPair(chol, n, inv, a, sums);
        }

        if (a < n)
        {
            Column(chol, n, inv, a);
        }
    }

    private static void Column(CholeskyRows chol, int n, double[][] inv, int a)
    {
        double[] u = inv[a];
        u[0] = 1.0 / chol.Row(a)[a];
        int k = a + 1;
        for (; k + 3 < n; k += 4)
        {
            int m = k - a;
            double[] l0 = chol.Row(k), l1 = chol.Row(k + 1), l2 = chol.Row(k + 2), l3 = chol.Row(k + 3);
            DenseKernels.Dot4(
                u.AsSpan(0, m), l0.AsSpan(a), l1.AsSpan(a), l2.AsSpan(a), l3.AsSpan(a),
                out double s0, out double s1, out double s2, out double s3);
            FinishBlock(u, m, k, l0, l1, l2, l3, s0, s1, s2, s3);
        }

        for (; k < n; k++)
        {
            double[] lk = chol.Row(k);
            u[k - a] = -DenseKernels.Dot(lk.AsSpan(a, k - a), u.AsSpan(0, k - a)) / lk[k];
        }
    }

    /// <summary>Columns a and a + 1: dots over rows of L from column a + 1 serve both columns.</summary>
    private static void ColumnPair(CholeskyRows chol, int n, double[][] inv, int a, Span<double> sums)
    {
        int a1 = a + 1;
        double[] u = inv[a], w = inv[a1];
        double[] la1 = chol.Row(a1);
        u[0] = 1.0 / chol.Row(a)[a];
        u[1] = -la1[a] * u[0] / la1[a1];
        w[0] = 1.0 / la1[a1];
        int k = a + 2;
        for (; k + 3 < n; k += 4)
        {
            int m = k - a1;
            double[] l0 = chol.Row(k), l1 = chol.Row(k + 1), l2 = chol.Row(k + 2), l3 = chol.Row(k + 3);
            DenseKernels.Dot2x4(u.AsSpan(1, m), w.AsSpan(0, m), l0.AsSpan(a1), l1.AsSpan(a1), l2.AsSpan(a1), l3.AsSpan(a1), sums);
            double u0 = u[0];
            FinishBlock(u, m + 1, k, l0, l1, l2, l3,
                sums[0] + l0[a] * u0, sums[1] + l1[a] * u0, sums[2] + l2[a] * u0, sums[3] + l3[a] * u0);
            FinishBlock(w, m, k, l0, l1, l2, l3, sums[4], sums[5], sums[6], sums[7]);
        }

        for (; k < n; k++)
        {
            double[] lk = chol.Row(k);
            u[k - a] = -DenseKernels.Dot(lk.AsSpan(a, k - a), u.AsSpan(0, k - a)) / lk[k];
            w[k - a1] = -DenseKernels.Dot(lk.AsSpan(a1, k - a1), w.AsSpan(0, k - a1)) / lk[k];
        }
    }

    /// <summary>
    /// Entries m..m+3 of a column of L^-1 (rows k..k+3 of L) from the dots s0..s3 over the entries before m,
    /// finishing the 4 x 4 triangle of L by hand.
    /// </summary>
    private static void FinishBlock(
        double[] u, int m, int k, double[] l0, double[] l1, double[] l2, double[] l3, double s0, double s1, double s2, double s3)
    {
        double u0 = -s0 / l0[k];
        double u1 = -(s1 + l1[k] * u0) / l1[k + 1];
        double u2 = -(s2 + l2[k] * u0 + l2[k + 1] * u1) / l2[k + 2];
        double u3 = -(s3 + l3[k] * u0 + l3[k + 1] * u1 + l3[k + 2] * u2) / l3[k + 3];
        u[m] = u0;
        u[m + 1] = u1;
        u[m + 2] = u2;
        u[m + 3] = u3;
    }
}
