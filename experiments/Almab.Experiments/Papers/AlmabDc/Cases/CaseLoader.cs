using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Almab.Experiments.Cli;

namespace Almab.Experiments.Papers.AlmabDc.Cases;

/// <summary>
/// Loads and validates case files. Unknown keys, missing required keys and bad values are reported as one
/// <see cref="UsageException"/> line naming the file and the field.
/// </summary>
public static class CaseLoader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    /// <summary>Parses and validates one case file; <paramref name="knownMethods"/> are the registry's ids.</summary>
    public static CaseDefinition Load(string path, IReadOnlySet<string> knownMethods)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"case file not found: {path}");
        }

        return Parse(File.ReadAllText(path), Path.GetFileName(path), knownMethods);
    }

    /// <summary>Parses and validates case JSON text; <paramref name="origin"/> names it in messages.</summary>
    public static CaseDefinition Parse(string json, string origin, IReadOnlySet<string> knownMethods)
    {
        CaseDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize<CaseDefinition>(json, Options);
        }
        catch (JsonException e) when (e.Message.Contains("type discriminator", StringComparison.Ordinal))
        {
            throw new UsageException($"{origin}: objective.kind must be one of {string.Join(", ", ObjectiveKinds())}");
        }
        catch (JsonException e)
        {
            string where = string.IsNullOrEmpty(e.Path) ? "" : $" at {e.Path}";
            throw new UsageException($"{origin}: {FirstLine(e.Message)}{where}");
        }
        catch (NotSupportedException e)
        {
            throw new UsageException($"{origin}: {FirstLine(e.Message)}");
        }

        if (definition is null)
        {
            throw new UsageException($"{origin}: the file is empty or null");
        }

        var problems = Validate(definition, knownMethods).ToList();
        if (problems.Count > 0)
        {
            throw new UsageException($"{origin}: {problems[0]}" + (problems.Count > 1 ? $" (and {problems.Count - 1} more problem(s))" : ""));
        }

        return definition;
    }

    /// <summary>SHA-256 of the file's bytes: stored with results so a resume cannot mix two definitions.</summary>
    public static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant();

    /// <summary>All validation problems, each naming its field.</summary>
    public static IEnumerable<string> Validate(CaseDefinition c, IReadOnlySet<string> knownMethods)
    {
        if (string.IsNullOrWhiteSpace(c.Id) || c.Id.Any(ch => !(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_')))
        {
            yield return $"id must be non-empty and use only letters, digits, '-' and '_', got '{c.Id}'";
        }

        foreach (string p in c.Objective.Validate())
        {
            yield return p;
        }

        if (c.Budget.IsDefaultOrEmpty || c.Budget.Any(b => b <= 0))
        {
            yield return "budget must be a non-empty list of positive integers";
        }

        if (c.Replicates <= 0)
        {
            yield return $"replicates must be > 0, got {c.Replicates}";
        }

        if (c.Methods.IsDefaultOrEmpty)
        {
            yield return "methods must list at least one method";
        }
        else
        {
            foreach (string m in c.Methods.Where(m => !knownMethods.Contains(m)))
            {
                yield return $"methods: unknown method '{m}' (known: {string.Join(", ", knownMethods.Order(StringComparer.Ordinal))})";
            }

            if (c.Methods.Distinct(StringComparer.Ordinal).Count() != c.Methods.Length)
            {
                yield return "methods: a method is listed twice";
            }
        }

        if (c.ReferenceMethod is not null && !c.Methods.IsDefault && !c.Methods.Contains(c.ReferenceMethod))
        {
            yield return $"referenceMethod '{c.ReferenceMethod}' is not one of the case's methods";
        }

        if (c.Cluster.Workers.IsDefaultOrEmpty || c.Cluster.Workers.Any(k => k < 1))
        {
            yield return "cluster.workers must be a non-empty list of integers >= 1";
        }

        if (c.Cluster.Crash is { } crash && !(crash.MeanUpSeconds > 0 && double.IsFinite(crash.MeanUpSeconds) && crash.RepairSeconds > 0 && double.IsFinite(crash.RepairSeconds)))
        {
            yield return $"cluster.crash.meanUpSeconds and repairSeconds must be finite numbers > 0, got {crash.MeanUpSeconds} and {crash.RepairSeconds}";
        }

        if (!c.Noise.IsDefault && c.Noise.Any(n => !(n >= 0) || !double.IsFinite(n)))
        {
            yield return "noise levels must be finite numbers >= 0";
        }

        if (c.OutcomeModes is { } modes && (!double.IsFinite(modes.Threshold) || string.IsNullOrWhiteSpace(modes.Better) || string.IsNullOrWhiteSpace(modes.Worse)))
        {
            yield return "outcomeModes needs a finite threshold and non-empty 'better' and 'worse' labels";
        }

        string[] designs = ["none", "fixed", "random", "lhs"];
        if (!designs.Contains(c.InitialDesign.Kind))
        {
            yield return $"initialDesign.kind must be one of {string.Join(", ", designs)}, got '{c.InitialDesign.Kind}'";
        }
        else if (c.InitialDesign.Kind is "random" or "lhs" && c.InitialDesign.Points <= 0)
        {
            yield return "initialDesign.points must be > 0 for random and lhs designs";
        }
        else if (c.InitialDesign.Kind == "fixed" && c.InitialDesign.Configurations.IsDefaultOrEmpty)
        {
            yield return "initialDesign.configurations must list the fixed points";
        }

        if (c.BudgetUnit == BudgetUnit.Evaluations && !c.Budget.IsDefaultOrEmpty && c.Budget.Any(b => b <= c.InitialDesign.Count))
        {
            yield return $"budget must exceed the {c.InitialDesign.Count} initial-design evaluations";
        }

        string[] kernels = ["rbf", "matern12", "matern32", "matern52"];
        if (!kernels.Contains(c.Surrogate.Kernel))
        {
            yield return $"surrogate.kernel must be one of {string.Join(", ", kernels)}, got '{c.Surrogate.Kernel}'";
        }

        if (!(c.Surrogate.LengthScale > 0 && c.Surrogate.SignalVariance > 0 && c.Surrogate.NoiseSd >= 0 && c.Surrogate.Beta >= 0))
        {
            yield return "surrogate.lengthScale and signalVariance must be > 0, noiseSd and beta >= 0";
        }
    }

    /// <summary>The noise levels to run: the case's list, or the objective's default.</summary>
    public static ImmutableArray<double> NoiseLevels(CaseDefinition c) =>
        c.Noise.IsDefaultOrEmpty ? [c.Objective.DefaultNoise] : c.Noise;

    /// <summary>The objective kinds a case file may name, from the polymorphic declaration.</summary>
    public static IEnumerable<string> ObjectiveKinds() =>
        typeof(ObjectiveSpec).GetCustomAttributes(typeof(JsonDerivedTypeAttribute), false)
            .Cast<JsonDerivedTypeAttribute>().Select(a => (string)a.TypeDiscriminator!).Order(StringComparer.Ordinal);

    private static string FirstLine(string message)
    {
        int cut = message.IndexOfAny(['\r', '\n']);
        return (cut < 0 ? message : message[..cut]).Trim();
    }
}
