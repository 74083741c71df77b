using System.Globalization;

namespace Almab.Experiments.Store;

/// <summary>
/// Combines shard databases (<c>almab merge</c>). Before anything is written, every input is checked against the
/// others and against the target (<see cref="RunProvenance"/>): the same case file, root seed, grid and Almab build,
/// the same shard count N and distinct shard indices, and no cell in two places. Any mismatch or overlap is refused
/// with one line naming the two databases, and the target is left as it was. The merged database records which
/// shards it holds ("1+3/4"), or "1/1" once all N are in, so that it reads like a single-process run.
/// </summary>
public static class StoreMerger
{
    /// <summary>Merges <paramref name="sources"/> into <paramref name="target"/>; returns replicates added.</summary>
    public static int Merge(ResultStore target, IReadOnlyList<ResultStore> sources)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(sources);
        var all = new List<ResultStore> { target };
        all.AddRange(sources);

        // Provenance: every key present in two databases must agree (older databases may lack some keys).
        foreach (string key in RunProvenance.MustAgree)
        {
            ResultStore? first = null;
            string? value = null;
            foreach (var store in all)
            {
                string? v = store.GetMeta(key);
                if (v is null)
                {
                    continue;
                }

                if (value is null)
                {
                    (first, value) = (store, v);
                }
                else if (v != value)
                {
                    throw new InvalidDataException($"{store.Path} has {key} '{v}' but {first!.Path} has '{value}': not shards of one run, refusing to merge");
                }
            }
        }

        // Shards: one count N, each index at most once.
        int? count = null;
        var held = new Dictionary<int, string>();
        foreach (var store in all)
        {
            if (store.GetMeta(RunProvenance.Shard) is not string text || (store == target && store.CountReplicates() == 0))
            {
                continue;
            }

            var (indices, n) = ParseShards(text, store.Path);
            if (count is int c && c != n)
            {
                throw new InvalidDataException($"{store.Path} is a shard of {n} but the others are shards of {c}: refusing to merge");
            }

            count = n;
            foreach (int i in indices)
            {
                if (!held.TryAdd(i, store.Path))
                {
                    throw new InvalidDataException($"{store.Path} and {held[i]} both hold shard {i}/{n}: overlapping shards, refusing to merge");
                }
            }
        }

        // Cells: no cell twice.
        var owner = new Dictionary<Runner.CellKey, string>();
        var pending = new List<ReplicateResult>();
        foreach (var store in all)
        {
            foreach (var result in store.ReadAll())
            {
                if (!owner.TryAdd(result.Cell, store.Path))
                {
                    throw new InvalidDataException($"cell {result.Cell} is in both {store.Path} and {owner[result.Cell]}: overlapping shards, refusing to merge");
                }

                if (store != target)
                {
                    pending.Add(result);
                }
            }
        }

        foreach (string key in RunProvenance.MustAgree)
        {
            if (target.GetMeta(key) is null && sources.Select(s => s.GetMeta(key)).FirstOrDefault(v => v is not null) is string value)
            {
                target.SetMeta(key, value);
            }
        }

        if (count is int total)
        {
            target.SetMeta(RunProvenance.Shard, held.Count == total ? "1/1" : $"{string.Join("+", held.Keys.Order())}/{total}");
        }

        target.Write(pending);
        return pending.Count;
    }

    /// <summary>Parses "i/N", "i+j+.../N"; "1/1" (a whole run) counts as every shard of N = 1.</summary>
    private static (int[] Indices, int Count) ParseShards(string text, string path)
    {
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1)
        {
            var indices = new List<int>();
            foreach (string p in parts[0].Split('+'))
            {
                if (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out int i) || i < 1 || i > n)
                {
                    indices = null;
                    break;
                }

                indices.Add(i);
            }

            if (indices is not null)
            {
                return ([.. indices], n);
            }
        }

        throw new InvalidDataException($"{path} has an unreadable shard entry '{text}' in its metadata");
    }
}
