using System.Collections.Immutable;
using Almab.Experiments.Papers.AlmabDc.Runner;
using Almab.Experiments.Papers.Ata;

namespace Almab.Experiments.Runner;

/// <summary>The axes of an experiment grid after case defaults and command-line overrides are resolved.</summary>
/// <param name="CaseId">Case identifier.</param>
/// <param name="Methods">Methods, in case-file order.</param>
/// <param name="Workers">Cluster sizes K.</param>
/// <param name="Budgets">Evaluation budgets.</param>
/// <param name="Noises">Observation noise levels.</param>
/// <param name="Replicates">Number of replicates per combination.</param>
public sealed record GridSpec(
    string CaseId,
    ImmutableArray<string> Methods,
    ImmutableArray<int> Workers,
    ImmutableArray<int> Budgets,
    ImmutableArray<double> Noises,
    int Replicates)
{
    /// <summary>
    /// All cells in the documented order: method, then K, then budget, then noise, then replicate
    /// (the innermost). A pure function: the order never depends on threads or on the store.
    /// </summary>
    public ImmutableArray<CellKey> Expand()
    {
        var builder = ImmutableArray.CreateBuilder<CellKey>();
        foreach (var method in Methods)
        {
            foreach (int k in Workers)
            {
                foreach (int budget in Budgets)
                {
                    foreach (double noise in Noises)
                    {
                        for (int r = 0; r < Replicates; r++)
                        {
                            builder.Add(new CellKey(CaseId, method, k, budget, noise, r));
                        }
                    }
                }
            }
        }

        return builder.ToImmutable();
    }
}
