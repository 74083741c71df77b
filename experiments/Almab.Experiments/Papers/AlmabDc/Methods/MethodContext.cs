using Almab.Algorithms.Objectives;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;
using Almab.Experiments.Papers.AlmabDc.Cases;

namespace Almab.Experiments.Papers.AlmabDc.Methods;

/// <summary>Everything a method factory may use to build one replicate's optimizer.</summary>
/// <param name="Case">The case being run.</param>
/// <param name="Objective">The replicate's objective (its space, and for case 5 the grid the IPV is integrated over).</param>
/// <param name="Workers">Number of simulated workers K (batch size of synchronous rounds).</param>
/// <param name="Evaluations">Total evaluations the run will ask for, initial design included.</param>
/// <param name="InitialDesign">Fixed initial configurations from the case file (empty when the method draws its own).</param>
/// <param name="Seed">The method's own seed for this replicate (derived from case, method and replicate).</param>
public sealed record MethodContext(
    CaseDefinition Case,
    IObjective Objective,
    int Workers,
    int Evaluations,
    IReadOnlyList<Configuration> InitialDesign,
    Seed Seed)
{
    /// <summary>The objective's search space.</summary>
    public SearchSpace Space => Objective.Space;
}
