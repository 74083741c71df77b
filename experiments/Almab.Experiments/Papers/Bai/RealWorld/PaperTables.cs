using System.Text.Json;
using Almab.Experiments.Cli;

namespace Almab.Experiments.Papers.Bai.RealWorld;

/// <summary>claims/bai-realworld.json: the paper's Tables 1–2 as data and the claim about them.</summary>
public sealed record PaperTables
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Where in the paper.</summary>
    public required string Where { get; init; }

    /// <summary>The paper's trials per cell.</summary>
    public required int Trials { get; init; }

    /// <summary>The columns of Tables 1 and 2.</summary>
    public required IReadOnlyList<PaperColumn> Columns { get; init; }

    /// <summary>The claim.</summary>
    public required PaperClaim Claim { get; init; }

    /// <summary>Loads the file; a malformed one is a usage error naming it.</summary>
    public static PaperTables Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<PaperTables>(File.ReadAllText(path), Options) ?? throw new JsonException("the file is empty");
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new UsageException($"{path}: {e.Message}");
        }
    }
}
