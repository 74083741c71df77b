namespace Almab.Algorithms.MultiObjective.Problems;

/// <summary>Validation of solution vectors handed to a problem (programming errors, so exceptions).</summary>
internal static class SolutionCheck
{
    [ThreadStatic]
    private static bool[]? _seen;

    public static void Permutation(ReadOnlySpan<int> solution, int n)
    {
        if (solution.Length != n)
        {
            throw new ArgumentException($"solution has length {solution.Length}, expected {n}");
        }

        var seen = _seen is { Length: >= 1 } s && s.Length >= n ? s : (_seen = new bool[Math.Max(n, 8)]);
        Array.Clear(seen, 0, n);
        for (int i = 0; i < n; i++)
        {
            int c = solution[i];
            if ((uint)c >= (uint)n || seen[c])
            {
                throw new ArgumentException($"solution is not a permutation of 0..{n - 1} (element {i} = {c})");
            }

            seen[c] = true;
        }
    }

    public static void Binary(ReadOnlySpan<int> solution, int n)
    {
        if (solution.Length != n)
        {
            throw new ArgumentException($"solution has length {solution.Length}, expected {n}");
        }

        for (int i = 0; i < n; i++)
        {
            if ((uint)solution[i] > 1u)
            {
                throw new ArgumentException($"binary solution has element {i} = {solution[i]}");
            }
        }
    }
}
