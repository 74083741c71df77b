namespace Almab.Algorithms.MultiObjective.Problems;

/// <summary>
/// The data of one benchmark configuration: ideal and reference points for the hypervolume ratio (minimization
/// orientation, so knapsack points are negated values), the capacity, the evaluation budget of the Table 1 analogue,
/// and the D&amp;L scale class (small/medium/large of the paper's Table 4). See <see cref="MocoSpecs"/> for the sources.
/// </summary>
public sealed record MocoSpec(
    MocoProblemKind Kind,
    int Size,
    int ObjectiveCount,
    double[] Ideal,
    double[] Reference,
    double Capacity,
    int Budget,
    MocoScale Scale)
{
    /// <summary>A short label such as "Bi-TSP-20".</summary>
    public string Label => $"{MocoSpecs.Family(Kind)}-{Size}";
}
