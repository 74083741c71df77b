using System.Text.Json;
using Almab.Algorithms.BestArm;
using Almab.Experiments.Cli;

namespace Almab.Experiments.Papers.Bai;

/// <summary>
/// The synthetic grid as declared in <c>cases/bai-synthetic.json</c> (SH-RR paper, section 7 and appendix C): K, C,
/// the consumption levels, the reward families, the (L, matchings) groups, the consumption models and the agents.
/// </summary>
public sealed record BaiGridSpec
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

    /// <summary>K.</summary>
    public required int Arms { get; init; }

    /// <summary>C per resource.</summary>
    public required double Budget { get; init; }

    /// <summary>d_low.</summary>
    public required double LowConsumption { get; init; }

    /// <summary>d_high.</summary>
    public required double HighConsumption { get; init; }

    /// <summary>Trials per cell.</summary>
    public required int Trials { get; init; }

    /// <summary>Reward family names.</summary>
    public required IReadOnlyList<string> Families { get; init; }

    /// <summary>(L, matchings) groups.</summary>
    public required IReadOnlyList<BaiGroup> Groups { get; init; }

    /// <summary>Consumption model names.</summary>
    public required IReadOnlyList<string> Models { get; init; }

    /// <summary>Agent names.</summary>
    public required IReadOnlyList<string> Agents { get; init; }

    /// <summary>Reads and validates a grid file; any problem is a one-line usage error naming the file.</summary>
    public static BaiGridSpec Load(string path)
    {
        BaiGridSpec spec;
        try
        {
            spec = JsonSerializer.Deserialize<BaiGridSpec>(File.ReadAllText(path), Options) ?? throw new JsonException("the file is empty");
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new UsageException($"{path}: {e.Message}");
        }

        spec.Validate();
        return spec;
    }

    /// <summary>The instance of a (family, matching, L) triple, validated.</summary>
    public BestArmInstance Instance(RewardFamily family, ConsumptionMatching matching, int resources)
    {
        var declared = new SyntheticInstance(family, matching, Arms, resources, Budget, LowConsumption, HighConsumption);
        return declared.TryBuild(out var instance, out string error) ? instance! : throw new UsageException(error);
    }

    /// <summary>
    /// Every cell, in grid order (L, family, matching, model, agent), restricted to the given agents and instance
    /// filters (null: all). An instance filter is a family (<c>trap</c>) or a family/matching (<c>trap/HL</c>).
    /// </summary>
    public IReadOnlyList<BaiCell> Cells(IReadOnlyList<string>? agents = null, IReadOnlyList<string>? instances = null)
    {
        var agentList = agents ?? Agents;
        foreach (var a in agentList)
        {
            BaiAgents.Create(a);
        }

        var filters = instances?.Select(ParseFilter).ToList();
        var cells = new List<BaiCell>();
        foreach (var group in Groups)
        {
            foreach (var familyName in Families)
            {
                var family = BaiNames.ParseFamily(familyName);
                foreach (var matchingName in group.Matchings)
                {
                    var matching = BaiNames.ParseMatching(matchingName);
                    if (filters is not null && !filters.Any(f => f.Family == family && (f.Matching is null || f.Matching == matching)))
                    {
                        continue;
                    }

                    Instance(family, matching, group.Resources);
                    foreach (var modelName in Models)
                    {
                        foreach (var agent in agentList)
                        {
                            cells.Add(new BaiCell(agent, family, matching, group.Resources, BaiNames.ParseModel(modelName)));
                        }
                    }
                }
            }
        }

        return cells;
    }

    private static (RewardFamily Family, ConsumptionMatching? Matching) ParseFilter(string text)
    {
        int slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash < 0
            ? (BaiNames.ParseFamily(text), null)
            : (BaiNames.ParseFamily(text[..slash]), BaiNames.ParseMatching(text[(slash + 1)..]));
    }

    private void Validate()
    {
        if (Trials < 1)
        {
            throw new UsageException($"grid '{Id}': trials must be >= 1 (got {Trials})");
        }

        foreach (var f in Families)
        {
            BaiNames.ParseFamily(f);
        }

        foreach (var m in Models)
        {
            BaiNames.ParseModel(m);
        }

        foreach (var a in Agents)
        {
            BaiAgents.Create(a);
        }

        foreach (var g in Groups)
        {
            foreach (var m in g.Matchings)
            {
                Instance(BaiNames.ParseFamily(Families[0]), BaiNames.ParseMatching(m), g.Resources);
            }
        }
    }
}
