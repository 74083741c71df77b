using System.Text.Json;
using System.Text.Json.Serialization;

namespace Almab.Experiments.Papers.Survey;

/// <summary>A number or rate stated by the survey (claims/survey.json), with the section it comes from.</summary>
public sealed record SurveyClaim
{
    /// <summary>Stable id.</summary>
    public required string Id { get; init; }

    /// <summary>The survey part that checks it.</summary>
    public required string Part { get; init; }

    /// <summary>Section of shared/papers/001.</summary>
    public required string Where { get; init; }

    /// <summary>What is stated and how Almab reads it.</summary>
    public required string Quantity { get; init; }

    /// <summary>Lower end of the stated value or range, or null.</summary>
    public double? StatedLow { get; init; }

    /// <summary>Upper end of the stated value or range, or null.</summary>
    public double? StatedHigh { get; init; }

    /// <summary>How the verdict is reached.</summary>
    public required string Check { get; init; }

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>Loads the survey's claims from the program's claims/ folder.</summary>
    public static IReadOnlyList<SurveyClaim> LoadAll(string? path = null)
    {
        path ??= Path.Combine(AppContext.BaseDirectory, "claims", "survey.json");
        return JsonSerializer.Deserialize<List<SurveyClaim>>(File.ReadAllText(path), Options)
            ?? throw new InvalidDataException($"{path}: no claims");
    }

    /// <summary>The claim with <paramref name="id"/>.</summary>
    public static SurveyClaim Get(string id) =>
        LoadAll().FirstOrDefault(c => c.Id == id) ?? throw new InvalidOperationException($"claim '{id}' is not in claims/survey.json");
}
