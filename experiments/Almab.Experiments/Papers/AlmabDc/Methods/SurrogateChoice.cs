using Almab.Algorithms.Randomness;
using Almab.Algorithms.Surrogates;
using Almab.Algorithms.Surrogates.Forest;
using Almab.Algorithms.Surrogates.Neural;
using Almab.Experiments.Cli;

namespace Almab.Experiments.Papers.AlmabDc.Methods;

/// <summary>
/// The non-GP surrogates of Appendix C by name, with the settings Almab runs them at (the paper states none):
/// "rf" = 100 trees (scikit-learn's defaults); "mlp" = 5 members of two tanh layers of 16 units, 200 full-batch Adam
/// steps per fit and 25 per added point (smaller than the library defaults so that a 50-evaluation case-2 run stays
/// well under a second). The thread count is Appendix C's CPU count inside the surrogate.
/// </summary>
public static class SurrogateChoice
{
    /// <summary>Names accepted by <see cref="Factory"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["gp", "rf", "mlp"];

    /// <summary>A factory for the named surrogate; null for "gp" (the optimizer then builds the case's GP).</summary>
    public static Func<int, Seed, ISurrogate>? Factory(string name, int threads) => name switch
    {
        "gp" => null,
        "rf" => (d, seed) => new RandomForestSurrogate(d, new RandomForestOptions { Trees = 100, Seed = seed, MaxDegreeOfParallelism = threads }),
        "mlp" => (d, seed) => new MlpEnsembleSurrogate(d, new MlpEnsembleOptions
        {
            Members = 5, Hidden = [16, 16], Epochs = 200, AddSteps = 25, Seed = seed, MaxDegreeOfParallelism = threads,
        }),
        _ => throw new UsageException($"unknown surrogate '{name}'; known: {string.Join(", ", Names)}"),
    };
}
