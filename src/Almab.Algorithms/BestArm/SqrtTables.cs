using System.Runtime.CompilerServices;

namespace Almab.Algorithms.BestArm;

/// <summary>
/// Tables of sqrt(ln t) and 1/sqrt(n) for the UCB-type agents' per-pull indices (a logarithm and two square roots
/// per pull were a third of UCB's time). Values beyond the tables are computed; the table entries are the same
/// expressions, so results do not depend on the table size.
/// </summary>
internal static class SqrtTables
{
    private const int Size = 1 << 16;
    private static readonly double[] SqrtLog = Build(t => Math.Sqrt(Math.Log(t)));
    private static readonly double[] InverseSqrt = Build(n => 1.0 / Math.Sqrt(n));

    /// <summary>sqrt(ln t) for t &gt;= 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SqrtLn(long t) => t < Size ? SqrtLog[t] : Math.Sqrt(Math.Log(t));

    /// <summary>1 / sqrt(n) for n &gt;= 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double InvSqrt(int n) => n < Size ? InverseSqrt[n] : 1.0 / Math.Sqrt(n);

    private static double[] Build(Func<double, double> f)
    {
        var table = new double[Size];
        for (int i = 1; i < Size; i++)
        {
            table[i] = f(i);
        }

        return table;
    }
}
