using System.Text.Json;
using Almab.Experiments.Cli;
using Almab.Experiments.Papers.AlmabDc.Claims;

namespace Almab.Experiments.Claims;

/// <summary>Loads the paper claims shipped in the <c>claims</c> folder next to the program.</summary>
public static class ClaimsCatalog
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly Lazy<IReadOnlyList<ClaimSpec>> DefaultClaims =
        new(() => Load(Path.Combine(AppContext.BaseDirectory, "claims", "almab-dc.json")));

    /// <summary>The ALMAB-DC claims (paper 000).</summary>
    public static IReadOnlyList<ClaimSpec> AlmabDc => DefaultClaims.Value;

    /// <summary>Reads a claims file; a malformed file is a one-line usage error naming it.</summary>
    public static IReadOnlyList<ClaimSpec> Load(string path)
    {
        try
        {
            var claims = JsonSerializer.Deserialize<List<ClaimSpec>>(File.ReadAllText(path), Options)
                ?? throw new JsonException("the file is empty");
            var duplicate = claims.GroupBy(c => c.Id).FirstOrDefault(g => g.Count() > 1);
            return duplicate is null ? claims : throw new JsonException($"claim id '{duplicate.Key}' appears twice");
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new UsageException($"{path}: {e.Message}");
        }
    }

    /// <summary>The stated median/mean final value for (case, method, K), if the paper gives one.</summary>
    public static ClaimSpec? FinalValue(string caseId, string method, int workers) =>
        AlmabDc.FirstOrDefault(c => c.Case == caseId && c.Method == method && c.Workers == workers
            && (c.Check is "median-final" or "mean-final" || (c.Check == "own-model" && c.Of is "median-final" or "mean-final")));
}
