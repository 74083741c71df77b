using System.Text.Json;
using Almab.Experiments.Cli;

namespace Almab.Experiments.Papers.Bai.RealWorld;

/// <summary>
/// The real-world study as declared in <c>cases/bai-realworld.json</c> (SH-RR paper, section 7 and appendix C.3):
/// the data sets with their time budgets, the test fraction, the pulls per arm of the tabulation, the trials of the
/// replay and the clock that counts as consumption.
/// </summary>
public sealed record RealWorldSpec
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Case id.</summary>
    public required string Id { get; init; }

    /// <summary>Test fraction of each pull's random split (the paper: 0.3).</summary>
    public required double TestFraction { get; init; }

    /// <summary>Real pulls per arm and data set made by <c>almab bai tabulate</c>.</summary>
    public required int PullsPerArm { get; init; }

    /// <summary>BAI trials per (agent, data set) of <c>almab bai realworld</c> (the paper: 100).</summary>
    public required int Trials { get; init; }

    /// <summary>Consumption clock: "cpu" (process CPU seconds) or "wall".</summary>
    public required string Clock { get; init; }

    /// <summary>Agents run by default (the paper's five).</summary>
    public required IReadOnlyList<string> Agents { get; init; }

    /// <summary>The data sets.</summary>
    public required IReadOnlyList<RealWorldDataset> Datasets { get; init; }

    /// <summary>Reads and validates the file; any problem is a one-line usage error naming it.</summary>
    public static RealWorldSpec Load(string path)
    {
        RealWorldSpec spec;
        try
        {
            spec = JsonSerializer.Deserialize<RealWorldSpec>(File.ReadAllText(path), Options) ?? throw new JsonException("the file is empty");
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new UsageException($"{path}: {e.Message}");
        }

        string? problem = spec.Problem();
        return problem is null ? spec : throw new UsageException($"{path}: {problem}");
    }

    /// <summary>The data sets named in <paramref name="names"/> (all when null); an unknown name is a usage error.</summary>
    public IReadOnlyList<RealWorldDataset> Select(IReadOnlyList<string>? names)
    {
        if (names is null)
        {
            return Datasets;
        }

        return names.Select(n => Datasets.FirstOrDefault(d => d.Name == n)
            ?? throw new UsageException($"unknown data set '{n}' (known: {string.Join(", ", Datasets.Select(d => d.Name))})")).ToList();
    }

    private string? Problem()
    {
        if (!(TestFraction > 0 && TestFraction < 1))
        {
            return $"testFraction must be in (0, 1), got {TestFraction}";
        }

        if (PullsPerArm < 1 || Trials < 1)
        {
            return $"pullsPerArm and trials must be >= 1 (got {PullsPerArm}, {Trials})";
        }

        if (Clock is not ("cpu" or "wall"))
        {
            return $"clock must be cpu or wall, got '{Clock}'";
        }

        if (Datasets.Count == 0 || Datasets.Select(d => d.Name).Distinct().Count() != Datasets.Count)
        {
            return "datasets must be a non-empty list of distinct names";
        }

        var bad = Datasets.FirstOrDefault(d => !(d.BudgetRounds >= 1) || double.IsInfinity(d.BudgetRounds));
        return bad is null ? null : $"data set '{bad.Name}': budgetRounds must be finite and >= 1, got {bad.BudgetRounds}";
    }
}
