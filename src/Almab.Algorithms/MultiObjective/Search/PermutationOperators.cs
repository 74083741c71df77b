using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.MultiObjective.Search;

/// <summary>
/// Permutation variation for NSGA-II (D&amp;L appendix 10.3): order crossover OX (Davis 1985) — the child keeps a random
/// slice of parent A in place and fills the rest in parent B's order starting after the slice — and inversion (a 2-opt
/// segment reversal) or swap mutation.
/// </summary>
public static class PermutationOperators
{
    /// <summary>OX child of <paramref name="a"/> and <paramref name="b"/> into <paramref name="child"/>.</summary>
    public static void OrderCrossover(ReadOnlySpan<int> a, ReadOnlySpan<int> b, Span<int> child, Rng rng)
    {
        int n = a.Length;
        int i = rng.Next(n);
        int j = rng.Next(n);
        if (i > j)
        {
            (i, j) = (j, i);
        }

        Span<bool> used = n <= 512 ? stackalloc bool[n] : new bool[n];
        for (int p = i; p <= j; p++)
        {
            child[p] = a[p];
            used[a[p]] = true;
        }

        int write = (j + 1) % n;
        for (int q = 0; q < n; q++)
        {
            int city = b[(j + 1 + q) % n];
            if (!used[city])
            {
                child[write] = city;
                write = (write + 1) % n;
            }
        }
    }

    /// <summary>Reverses a random segment [i, j] (inversion mutation).</summary>
    public static void Inversion(Span<int> x, Rng rng)
    {
        int i = rng.Next(x.Length);
        int j = rng.Next(x.Length);
        if (i > j)
        {
            (i, j) = (j, i);
        }

        x.Slice(i, j - i + 1).Reverse();
    }

    /// <summary>Exchanges two random positions.</summary>
    public static void Swap(Span<int> x, Rng rng)
    {
        int i = rng.Next(x.Length);
        int j = rng.Next(x.Length);
        (x[i], x[j]) = (x[j], x[i]);
    }
}
