using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.MultiObjective.Problems;

/// <summary>
/// Seeded instance generators. The stream of instance i of (kind, size) is
/// root → "moco" → family name → size → i (stable hash derivation), so instance i is the same whatever else is run.
/// Draw order follows PMOCO's tensors: TSP coordinate set by set, city by city (x, y); KP item by item
/// (weight, v₁, v₂); CVRP depot (x, y), customers (x, y), then demands.
/// </summary>
public static class MocoInstances
{
    /// <summary>Creates instance <paramref name="instance"/> of <paramref name="kind"/> at <paramref name="size"/>.</summary>
    public static IMocoProblem Create(MocoProblemKind kind, int size, int instance, Seed root) =>
        Create(MocoSpecs.Get(kind, size), instance, root);

    /// <summary>
    /// Creates instance <paramref name="instance"/> of a spec whose ideal/reference points or capacity may differ from
    /// <see cref="MocoSpecs.Get"/>'s (the random draws depend only on kind, size and index, so the coordinates, weights
    /// and demands are those of the standard instance; an infeasible capacity is rejected by the problem).
    /// </summary>
    public static IMocoProblem Create(MocoSpec spec, int instance, Seed root)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegative(instance);
        var kind = spec.Kind;
        int size = spec.Size;
        var rng = root.Derive("moco").Derive(MocoSpecs.Family(kind)).Derive(size).Derive(instance).CreateRng();
        switch (kind)
        {
            case MocoProblemKind.BiTsp:
            case MocoProblemKind.TriTsp:
            {
                var coordinates = new double[spec.ObjectiveCount][];
                for (int m = 0; m < spec.ObjectiveCount; m++)
                {
                    coordinates[m] = new double[2 * size];
                    for (int i = 0; i < 2 * size; i++)
                    {
                        coordinates[m][i] = rng.NextDouble();
                    }
                }

                return new TspProblem(spec, coordinates);
            }

            case MocoProblemKind.BiKp:
            {
                var w = new double[size];
                var values = new[] { new double[size], new double[size] };
                for (int i = 0; i < size; i++)
                {
                    w[i] = rng.NextOpenDouble();
                    values[0][i] = rng.NextDouble();
                    values[1][i] = rng.NextDouble();
                }

                return new KnapsackProblem(spec, w, values, spec.Capacity);
            }

            case MocoProblemKind.BiCvrp:
            {
                var depot = new[] { rng.NextDouble(), rng.NextDouble() };
                var customers = new double[2 * size];
                for (int i = 0; i < 2 * size; i++)
                {
                    customers[i] = rng.NextDouble();
                }

                var demands = new int[size];
                for (int i = 0; i < size; i++)
                {
                    demands[i] = rng.Next(1, 10);
                }

                return new CvrpProblem(spec, depot, customers, demands, (int)spec.Capacity);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }
}
