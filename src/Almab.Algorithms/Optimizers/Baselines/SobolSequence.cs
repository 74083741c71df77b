namespace Almab.Algorithms.Optimizers.Baselines;

/// <summary>
/// The Sobol low-discrepancy sequence in up to <see cref="MaxDimension"/> dimensions with the direction numbers of
/// Joe and Kuo (2008, file new-joe-kuo-6.21201; dimension 1 is the van der Corput sequence), 32-bit, generated in
/// Gray-code order (Antonov and Saleev 1979), which is the order scipy.stats.qmc.Sobol uses. Without scrambling the
/// first point is the origin. With a seeded digital shift every coordinate's 32-bit integer is XOR-ed with a fixed
/// random word per dimension: the (t, m, s)-net structure is kept and each point becomes uniform on [0, 1)^d.
/// Our choice: no Owen (nested uniform) or linear matrix scrambling.
/// </summary>
public sealed class SobolSequence
{
    /// <summary>The largest supported dimension.</summary>
    public const int MaxDimension = 40;

    private const int Bits = 32;

    // (s, a, m_1..m_s) of Joe and Kuo for dimensions 2..40: s is the degree of the primitive polynomial, a encodes its
    // interior coefficients, m are the initial direction integers.
    private static readonly (int S, int A, int[] M)[] JoeKuo =
    [
        (1, 0, [1]), (2, 1, [1, 3]), (3, 1, [1, 3, 1]), (3, 2, [1, 1, 1]), (4, 1, [1, 1, 3, 3]), (4, 4, [1, 3, 5, 13]),
        (5, 2, [1, 1, 5, 5, 17]), (5, 4, [1, 1, 5, 5, 5]), (5, 7, [1, 1, 7, 11, 19]), (5, 11, [1, 1, 5, 1, 1]),
        (5, 13, [1, 1, 1, 3, 11]), (5, 14, [1, 3, 5, 5, 31]), (6, 1, [1, 3, 3, 9, 7, 49]), (6, 13, [1, 1, 1, 15, 21, 21]),
        (6, 16, [1, 3, 1, 13, 27, 49]), (6, 19, [1, 1, 1, 15, 7, 5]), (6, 22, [1, 3, 1, 15, 13, 25]),
        (6, 25, [1, 1, 5, 5, 19, 61]), (7, 1, [1, 3, 7, 11, 23, 15, 103]), (7, 4, [1, 3, 7, 13, 13, 15, 69]),
        (7, 7, [1, 1, 3, 13, 7, 35, 63]), (7, 8, [1, 3, 5, 9, 1, 25, 53]), (7, 14, [1, 3, 1, 13, 9, 35, 107]),
        (7, 19, [1, 3, 1, 5, 27, 61, 31]), (7, 21, [1, 1, 5, 11, 19, 41, 61]), (7, 28, [1, 3, 5, 3, 3, 13, 69]),
        (7, 31, [1, 1, 7, 13, 1, 19, 1]), (7, 32, [1, 3, 7, 5, 13, 19, 59]), (7, 37, [1, 1, 3, 9, 25, 29, 41]),
        (7, 41, [1, 3, 5, 13, 23, 1, 55]), (7, 42, [1, 3, 7, 3, 13, 59, 17]), (7, 50, [1, 3, 1, 3, 5, 53, 69]),
        (7, 55, [1, 1, 5, 5, 23, 33, 13]), (7, 56, [1, 1, 7, 7, 1, 61, 123]), (7, 59, [1, 1, 7, 9, 13, 61, 49]),
        (7, 62, [1, 3, 3, 5, 3, 55, 33]), (8, 14, [1, 3, 1, 15, 31, 13, 49, 245]), (8, 21, [1, 3, 5, 15, 31, 59, 63, 97]),
        (8, 22, [1, 3, 1, 11, 11, 11, 77, 249]),
    ];

    private readonly uint[] _directions; // [dimension * Bits + k], k = 0..31 for v_{k+1}
    private readonly uint[] _state;
    private readonly uint[] _shift;

    /// <summary>Creates the sequence positioned at its first point.</summary>
    /// <param name="dimension">Number of coordinates, 1 to <see cref="MaxDimension"/>.</param>
    /// <param name="shift">Optional digital shift, one 32-bit word per dimension; null for the plain sequence.</param>
    public SobolSequence(int dimension, ReadOnlySpan<uint> shift = default)
    {
        if (dimension < 1 || dimension > MaxDimension)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"Sobol dimension must be in 1..{MaxDimension}");
        }

        if (!shift.IsEmpty && shift.Length != dimension)
        {
            throw new ArgumentException($"Sobol digital shift needs {dimension} words, got {shift.Length}", nameof(shift));
        }

        Dimension = dimension;
        _directions = new uint[dimension * Bits];
        for (int k = 0; k < Bits; k++)
        {
            _directions[k] = 1u << (Bits - 1 - k);
        }

        for (int j = 1; j < dimension; j++)
        {
            var (s, a, m) = JoeKuo[j - 1];
            var v = _directions.AsSpan(j * Bits, Bits);
            for (int k = 0; k < s; k++)
            {
                v[k] = (uint)m[k] << (Bits - 1 - k);
            }

            for (int k = s; k < Bits; k++)
            {
                uint x = v[k - s] ^ (v[k - s] >> s);
                for (int i = 1; i < s; i++)
                {
                    if (((a >> (s - 1 - i)) & 1) != 0)
                    {
                        x ^= v[k - i];
                    }
                }

                v[k] = x;
            }
        }

        _state = new uint[dimension];
        _shift = shift.IsEmpty ? new uint[dimension] : shift.ToArray();
    }

    /// <summary>Number of coordinates.</summary>
    public int Dimension { get; }

    /// <summary>Index of the next point (0 for the first).</summary>
    public long Index { get; private set; }

    /// <summary>Writes the next point, in [0, 1)^d, into <paramref name="destination"/> and advances.</summary>
    public void Next(Span<double> destination)
    {
        if (destination.Length != Dimension)
        {
            throw new ArgumentException($"expected a buffer of {Dimension} coordinates, got {destination.Length}", nameof(destination));
        }

        if (Index >= 1L << Bits)
        {
            throw new InvalidOperationException($"the 32-bit Sobol sequence has only 2^{Bits} points");
        }

        for (int j = 0; j < Dimension; j++)
        {
            destination[j] = (_state[j] ^ _shift[j]) * (1.0 / 4294967296.0);
        }

        // Gray-code step: the next point differs from this one by the direction number of the lowest zero bit of Index.
        int c = System.Numerics.BitOperations.TrailingZeroCount(~(ulong)Index);
        if (c < Bits)
        {
            for (int j = 0; j < Dimension; j++)
            {
                _state[j] ^= _directions[j * Bits + c];
            }
        }

        Index++;
    }
}
