using System.Globalization;
using System.Reflection;
using Almab.Experiments.Runner;

namespace Almab.Experiments.Store;

/// <summary>
/// What a results database was made from, kept in its <c>meta</c> table so that shards can be checked before they
/// are merged: the case (id and a hash of the case file), the root seed, the grid (methods, K, budgets, noise levels,
/// replicates), the shard (i/N, or "1/1" for a whole run) and the Almab build (its informational version, which
/// carries the commit). Two databases are only merged when all of these but the shard index agree.
/// </summary>
public static class RunProvenance
{
    /// <summary>Meta key of the case id.</summary>
    public const string CaseId = "case-id";

    /// <summary>Meta key of the case file's hash.</summary>
    public const string CaseHash = "case-hash";

    /// <summary>Meta key of the root seed.</summary>
    public const string RootSeed = "root-seed";

    /// <summary>Meta key of the canonical grid description (<see cref="Describe"/>).</summary>
    public const string Grid = "grid";

    /// <summary>Meta key of the shard, i/N.</summary>
    public const string Shard = "shard";

    /// <summary>Meta key of the Almab build that made the database.</summary>
    public const string Version = "almab-version";

    /// <summary>The keys that must agree between merged databases, in the order they are checked.</summary>
    public static readonly string[] MustAgree = [CaseId, CaseHash, RootSeed, Grid, Version];

    /// <summary>This build's version: the informational version (for example 1.0.0+commit).</summary>
    public static string CurrentVersion { get; } =
        typeof(RunProvenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(RunProvenance).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>A canonical one-line description of a grid (invariant culture, round-trip doubles).</summary>
    public static string Describe(GridSpec grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var c = CultureInfo.InvariantCulture;
        return $"methods={string.Join(",", grid.Methods)};workers={string.Join(",", grid.Workers)};" +
            $"budget={string.Join(",", grid.Budgets)};noise={string.Join(",", grid.Noises.Select(x => x.ToString("R", c)))};" +
            $"replicates={grid.Replicates.ToString(c)}";
    }

    /// <summary>Records the provenance of a run in <paramref name="store"/>.</summary>
    public static void Record(ResultStore store, string caseId, string caseHash, ulong rootSeed, GridSpec grid, Runner.Shard shard)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(shard);
        store.SetMeta(CaseId, caseId);
        store.SetMeta(CaseHash, caseHash);
        store.SetMeta(RootSeed, rootSeed.ToString(CultureInfo.InvariantCulture));
        store.SetMeta(Grid, Describe(grid));
        store.SetMeta(Shard, shard.ToString());
        // A database continued (--resume) by another build records both, so a merge sees it as mixed.
        string? made = store.GetMeta(Version);
        store.SetMeta(Version, made is null || store.CountReplicates() == 0 ? CurrentVersion
            : made.Split(" + ").Contains(CurrentVersion) ? made
            : $"{made} + {CurrentVersion}");
    }
}
