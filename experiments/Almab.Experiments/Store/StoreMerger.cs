namespace Almab.Experiments.Store;

/// <summary>
/// Combines shard databases (<c>almab merge</c>). A cell present in several inputs must carry the same
/// deterministic results (compute seconds excepted); a disagreement is an error, never silently resolved.
/// </summary>
public static class StoreMerger
{
    /// <summary>Merges <paramref name="sources"/> into <paramref name="target"/>; returns replicates added.</summary>
    public static int Merge(ResultStore target, IEnumerable<ResultStore> sources)
    {
        var existing = target.ReadAll().ToDictionary(r => r.Cell);
        string? caseHash = target.GetMeta("case-hash");
        int added = 0;
        foreach (var source in sources)
        {
            string? sourceHash = source.GetMeta("case-hash");
            if (caseHash is not null && sourceHash is not null && caseHash != sourceHash)
            {
                throw new InvalidDataException($"{source.Path} was produced from a different case definition than {target.Path}");
            }

            if (caseHash is null && sourceHash is not null)
            {
                target.SetMeta("case-hash", sourceHash);
                caseHash = sourceHash;
            }

            foreach (var key in new[] { "case-id", "root-seed" })
            {
                string? value = source.GetMeta(key);
                string? current = target.GetMeta(key);
                if (value is not null && current is not null && value != current)
                {
                    throw new InvalidDataException($"{source.Path} has {key} '{value}' but {target.Path} has '{current}'");
                }

                if (value is not null && current is null)
                {
                    target.SetMeta(key, value);
                }
            }

            foreach (var result in source.ReadAll())
            {
                if (existing.TryGetValue(result.Cell, out var present))
                {
                    if (!ResultComparer.SameDeterministicContent(present, result))
                    {
                        throw new InvalidDataException($"cell {result.Cell} differs between {source.Path} and the merged database");
                    }

                    continue;
                }

                target.Write(result);
                existing[result.Cell] = result;
                added++;
            }
        }

        return added;
    }
}
