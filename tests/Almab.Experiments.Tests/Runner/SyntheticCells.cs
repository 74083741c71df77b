using System.Collections.Immutable;
using Almab.Algorithms.Randomness;
using Almab.Experiments.Papers.AlmabDc.Runner;
using Almab.Experiments.Papers.Ata;
using Almab.Experiments.Runner;
using Almab.Experiments.Store;

namespace Almab.Experiments.Tests.Runner;

/// <summary>A deterministic stand-in cell runner: a seeded random walk, so store and runner tests need no case.</summary>
internal static class SyntheticCells
{
    public static GridSpec Grid(int replicates = 6) =>
        new("synthetic", ["a", "b"], [1, 4], [12], [0.0, 0.1], replicates);

    public static ReplicateResult Run(CellKey cell, CancellationToken cancel)
    {
        cancel.ThrowIfCancellationRequested();
        var seed = new Seed(7).Derive("case:" + cell.CaseId).Derive(cell.Replicate).Derive("method:" + cell.Method);
        var rng = seed.CreateRng();
        var rows = ImmutableArray.CreateBuilder<EvaluationRow>();
        double t = 0, best = double.PositiveInfinity, regret = 0;
        for (int i = 0; i < cell.Budget; i++)
        {
            t += rng.NextExponential(1.0) / cell.Workers;
            double truth = rng.NextDouble();
            best = Math.Min(best, truth);
            regret += truth;
            rows.Add(new EvaluationRow(i, t, 0.001 * i, i % cell.Workers, $"(x={truth:R})", truth + cell.Noise * rng.NextGaussian(),
                truth, best, best));
        }

        return new ReplicateResult(cell, seed.Value, "best", best, regret, t, 0.5, rows.ToImmutable());
    }
}
