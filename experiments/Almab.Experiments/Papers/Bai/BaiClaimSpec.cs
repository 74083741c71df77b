using System.Text.Json;
using Almab.Experiments.Cli;

namespace Almab.Experiments.Papers.Bai;

/// <summary>One statement of the SH-RR paper tested cell by cell (claims/bai.json).</summary>
public sealed record BaiClaimSpec
{
    /// <summary>Claim id.</summary>
    public required string Id { get; init; }

    /// <summary>Where the paper states it.</summary>
    public required string Where { get; init; }

    /// <summary>The paper's words.</summary>
    public required string Statement { get; init; }

    /// <summary>shrr-best, shrr-not-worse, hh-harder or mixture-like-hh.</summary>
    public required string Test { get; init; }

    /// <summary>The matching a shrr-* test is about.</summary>
    public string? Matching { get; init; }

    /// <summary>Almab's reading of the statement as a test.</summary>
    public required string Reading { get; init; }
}

/// <summary>The claims file: the paper's baselines, α and the claims.</summary>
public sealed record BaiClaimsFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The baselines the paper compares SH-RR with.</summary>
    public required IReadOnlyList<string> PaperBaselines { get; init; }

    /// <summary>Family-wise significance level (Holm).</summary>
    public required double Alpha { get; init; }

    /// <summary>The claims.</summary>
    public required IReadOnlyList<BaiClaimSpec> Claims { get; init; }

    /// <summary>Loads the file; a malformed one is a usage error naming it.</summary>
    public static BaiClaimsFile Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<BaiClaimsFile>(File.ReadAllText(path), Options) ?? throw new JsonException("the file is empty");
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new UsageException($"{path}: {e.Message}");
        }
    }
}
