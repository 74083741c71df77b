namespace Almab.Algorithms.MultiObjective.Search;

/// <summary>Structural equality of solution vectors (for "already evaluated or pending" sets).</summary>
internal sealed class SolutionComparer : IEqualityComparer<int[]>
{
    public static SolutionComparer Instance { get; } = new();

    public bool Equals(int[]? x, int[]? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

    public int GetHashCode(int[] obj)
    {
        // FNV-1a over the elements: a content hash, stable across processes (never used for seeding).
        unchecked
        {
            uint h = 2166136261u;
            foreach (int v in obj)
            {
                h = (h ^ (uint)v) * 16777619u;
            }

            return (int)h;
        }
    }
}
