using System.Globalization;
using Almab.Experiments.Cli;
using Almab.Experiments.Papers.AlmabDc.Runner;
using Almab.Experiments.Papers.Ata;

namespace Almab.Experiments.Runner;

/// <summary>
/// A deterministic slice of the grid for multi-machine runs: shard i of N (1-based) takes the cells
/// whose position in <see cref="GridSpec.Expand"/> is congruent to i - 1 modulo N, which spreads every
/// method and K evenly over the shards.
/// </summary>
/// <param name="Index">1-based shard number.</param>
/// <param name="Count">Number of shards.</param>
public sealed record Shard(int Index, int Count)
{
    /// <summary>The whole grid.</summary>
    public static Shard All { get; } = new(1, 1);

    /// <summary>Parses "i/N" with 1 &lt;= i &lt;= N.</summary>
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int i)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            || n < 1 || i < 1 || i > n)
        {
            throw new UsageException($"--shard must be i/N with 1 <= i <= N (e.g. 2/8), got '{text}'");
        }

        return new Shard(i, n);
    }

    /// <summary>The cells of this shard, in grid order.</summary>
    public IEnumerable<CellKey> Select(IReadOnlyList<CellKey> cells)
    {
        for (int p = Index - 1; p < cells.Count; p += Count)
        {
            yield return cells[p];
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Index}/{Count}";
}
