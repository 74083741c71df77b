using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Almab.Algorithms.Surrogates;

/// <summary>
/// Lower-triangular Cholesky factor stored as jagged rows (row i holds L[i, 0..i]), so that every
/// inner product runs over contiguous memory and appending or dropping the last row costs no copy:
/// that is what makes <see cref="GaussianProcess.Add"/> and fantasies O(n^2) and exactly undoable.
/// Rows are kept after a drop and reused by the next append at the same index.
/// </summary>
internal sealed class CholeskyRows
{
    private double[][] _rows = new double[16][];

    /// <summary>Number of rows currently in the factor.</summary>
    public int Count { get; private set; }

    /// <summary>Row i (length i + 1); valid for i &lt; Count, or as a fill buffer for i &lt; capacity.</summary>
    public double[] Row(int i) => _rows[i];

    /// <summary>Makes rows 0..n-1 available as fill buffers (contents unspecified).</summary>
    public void EnsureRows(int n)
    {
        if (n > _rows.Length)
        {
            Array.Resize(ref _rows, Math.Max(n, 2 * _rows.Length));
        }

        for (int i = 0; i < n; i++)
        {
            _rows[i] ??= new double[i + 1];
        }
    }

    /// <summary>
    /// Factors, in place, the matrix whose lower triangle the caller wrote into rows 0..n-1, with
    /// <paramref name="jitter"/> added to the diagonal. Returns false (rows destroyed) when the matrix is not
    /// numerically positive definite. Cholesky-Banachiewicz order: row by row, contiguous dot products.
    /// </summary>
    public bool TryFactor(int n, double jitter)
    {
        Count = 0;
        Span<double> sums = stackalloc double[8];
        int i = 0;
        for (; i + 1 < n; i += 2)
        {
            if (!FactorRowPair(i, jitter, sums))
            {
                return false;
            }
        }

        if (i < n && !FactorRow(i, jitter))
        {
            return false;
        }

        Count = n;
        return true;
    }

    /// <summary>
    /// Rows i and i + 1 together: each 4-column block of earlier rows is loaded once for both (2 x 4 register
    /// blocking), then each row's small triangle is finished by hand.
    /// </summary>
    private bool FactorRowPair(int i, double jitter, Span<double> sums)
    {
        double[] ri = _rows[i], rk = _rows[i + 1];
        int j = 0;
        for (; j + 3 < i; j += 4)
        {
            double[] r0 = _rows[j], r1 = _rows[j + 1], r2 = _rows[j + 2], r3 = _rows[j + 3];
            DenseKernels.Dot2x4(ri.AsSpan(0, j), rk.AsSpan(0, j), r0, r1, r2, r3, sums);
            FinishBlock(ri, j, r0, r1, r2, r3, sums[0], sums[1], sums[2], sums[3]);
            FinishBlock(rk, j, r0, r1, r2, r3, sums[4], sums[5], sums[6], sums[7]);
        }

        for (; j < i; j++)
        {
            double[] rj = _rows[j];
            ri[j] = (ri[j] - DenseKernels.Dot(ri.AsSpan(0, j), rj.AsSpan(0, j))) / rj[j];
            rk[j] = (rk[j] - DenseKernels.Dot(rk.AsSpan(0, j), rj.AsSpan(0, j))) / rj[j];
        }

        if (!FinishDiagonal(ri, i, jitter))
        {
            return false;
        }

        rk[i] = (rk[i] - DenseKernels.Dot(rk.AsSpan(0, i), ri.AsSpan(0, i))) / ri[i];
        return FinishDiagonal(rk, i + 1, jitter);
    }

    /// <summary>Row i alone (Cholesky-Banachiewicz with 4-column blocks).</summary>
    private bool FactorRow(int i, double jitter)
    {
        double[] ri = _rows[i];
        int j = 0;
        for (; j + 3 < i; j += 4)
        {
            double[] r0 = _rows[j], r1 = _rows[j + 1], r2 = _rows[j + 2], r3 = _rows[j + 3];
            DenseKernels.Dot4(ri.AsSpan(0, j), r0, r1, r2, r3, out double s0, out double s1, out double s2, out double s3);
            FinishBlock(ri, j, r0, r1, r2, r3, s0, s1, s2, s3);
        }

        for (; j < i; j++)
        {
            double[] rj = _rows[j];
            ri[j] = (ri[j] - DenseKernels.Dot(ri.AsSpan(0, j), rj.AsSpan(0, j))) / rj[j];
        }

        return FinishDiagonal(ri, i, jitter);
    }

    /// <summary>Entries j..j+3 of a row from the prefix dots s0..s3 and the 4 x 4 triangle of rows j..j+3.</summary>
    private static void FinishBlock(
        double[] row, int j, double[] r0, double[] r1, double[] r2, double[] r3, double s0, double s1, double s2, double s3)
    {
        double l0 = (row[j] - s0) / r0[j];
        double l1 = (row[j + 1] - s1 - l0 * r1[j]) / r1[j + 1];
        double l2 = (row[j + 2] - s2 - l0 * r2[j] - l1 * r2[j + 1]) / r2[j + 2];
        double l3 = (row[j + 3] - s3 - l0 * r3[j] - l1 * r3[j + 1] - l2 * r3[j + 2]) / r3[j + 3];
        row[j] = l0;
        row[j + 1] = l1;
        row[j + 2] = l2;
        row[j + 3] = l3;
    }

    private static bool FinishDiagonal(double[] row, int i, double jitter)
    {
        double d = row[i] + jitter - DenseKernels.Dot(row.AsSpan(0, i), row.AsSpan(0, i));
        if (!(d > 0.0) || double.IsInfinity(d))
        {
            return false;
        }

        row[i] = Math.Sqrt(d);
        return true;
    }

    /// <summary>
    /// Appends one row for a new point with cross-covariances <paramref name="cross"/> (length Count) to the
    /// existing points and prior variance <paramref name="diagonal"/> (noise and jitter included): O(n^2).
    /// Returns false, leaving the factor unchanged, if the extended matrix is not positive definite.
    /// </summary>
    public bool TryAppend(ReadOnlySpan<double> cross, double diagonal)
    {
        int n = Count;
        EnsureRows(n + 1);
        double[] row = _rows[n];
        cross.CopyTo(row);
        SolveLowerInPlace(row.AsSpan(0, n));
        double d = diagonal - DenseKernels.Dot(row.AsSpan(0, n), row.AsSpan(0, n));
        if (!(d > 0.0) || double.IsInfinity(d))
        {
            return false;
        }

        row[n] = Math.Sqrt(d);
        Count = n + 1;
        return true;
    }

    /// <summary>Drops the last row (the inverse of <see cref="TryAppend"/>).</summary>
    public void DropLast()
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("The factor is empty.");
        }

        Count--;
    }

    /// <summary>Forward substitution v := L^-1 v over the first v.Length rows.</summary>
    public void SolveLowerInPlace(Span<double> v)
    {
        for (int i = 0; i < v.Length; i++)
        {
            double[] ri = _rows[i];
            v[i] = (v[i] - DenseKernels.Dot(ri.AsSpan(0, i), v.Slice(0, i))) / ri[i];
        }
    }

    /// <summary>
    /// Forward substitution V := L^-1 V for a panel of four right-hand sides stored lane-wise (V[i] holds row i of all
    /// four): every multiply-add serves four systems and no horizontal sum is needed, which is what makes batch
    /// prediction faster than point by point.
    /// </summary>
    public void SolveLowerPanelInPlace(Span<Vector256<double>> v)
    {
        for (int i = 0; i < v.Length; i++)
        {
            double[] ri = _rows[i];
            var s0 = Vector256<double>.Zero;
            var s1 = Vector256<double>.Zero;
            int j = 0;
            for (; j + 1 < i; j += 2)
            {
                s0 += v[j] * ri[j];
                s1 += v[j + 1] * ri[j + 1];
            }

            if (j < i)
            {
                s0 += v[j] * ri[j];
            }

            v[i] = (v[i] - (s0 + s1)) / Vector256.Create(ri[i]);
        }
    }

    /// <summary>
    /// <see cref="SolveLowerPanelInPlace"/> for two panels at once, interleaved (v[2i] and v[2i + 1] hold row i of
    /// systems 0-3 and 4-7): each lane does exactly the four-lane operations, in the same order, so results are bit
    /// for bit the same; the four independent accumulator chains (instead of two) hide the add latency.
    /// </summary>
    public void SolveLowerPanel8InPlace(Span<Vector256<double>> v)
    {
        int n = v.Length / 2;
        ref var v0 = ref MemoryMarshal.GetReference(v);
        for (int i = 0; i < n; i++)
        {
            double[] ri = _rows[i];
            ref double r = ref MemoryMarshal.GetArrayDataReference(ri);
            var s0a = Vector256<double>.Zero;
            var s0b = Vector256<double>.Zero;
            var s1a = Vector256<double>.Zero;
            var s1b = Vector256<double>.Zero;
            int j = 0;
            for (; j + 1 < i; j += 2)
            {
                double r0 = Unsafe.Add(ref r, j), r1 = Unsafe.Add(ref r, j + 1);
                ref var vj = ref Unsafe.Add(ref v0, 2 * j);
                s0a += vj * r0;
                s0b += Unsafe.Add(ref vj, 1) * r0;
                s1a += Unsafe.Add(ref vj, 2) * r1;
                s1b += Unsafe.Add(ref vj, 3) * r1;
            }

            if (j < i)
            {
                double r0 = Unsafe.Add(ref r, j);
                ref var vj = ref Unsafe.Add(ref v0, 2 * j);
                s0a += vj * r0;
                s0b += Unsafe.Add(ref vj, 1) * r0;
            }

            var diagonal = Vector256.Create(ri[i]);
            ref var vi = ref Unsafe.Add(ref v0, 2 * i);
            vi = (vi - (s0a + s1a)) / diagonal;
            Unsafe.Add(ref vi, 1) = (Unsafe.Add(ref vi, 1) - (s0b + s1b)) / diagonal;
        }
    }

    /// <summary>Back substitution v := L^-T v over the first v.Length rows, by row-wise updates.</summary>
    public void SolveUpperTransposeInPlace(Span<double> v)
    {
        for (int k = v.Length - 1; k >= 0; k--)
        {
            double[] rk = _rows[k];
            double a = v[k] / rk[k];
            v[k] = a;
            for (int i = 0; i < k; i++)
            {
                v[i] -= rk[i] * a;
            }
        }
    }

    /// <summary>Sum of log L[i, i] = half the log determinant of the factored matrix.</summary>
    public double HalfLogDeterminant()
    {
        double s = 0.0;
        for (int i = 0; i < Count; i++)
        {
            s += Math.Log(_rows[i][i]);
        }

        return s;
    }
}
