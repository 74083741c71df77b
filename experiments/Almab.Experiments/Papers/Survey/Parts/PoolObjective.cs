using Almab.Algorithms.Objectives;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

namespace Almab.Experiments.Papers.Survey.Parts;

/// <summary>
/// A fixed pool of configurations of an inner objective as a one-parameter grid space ("config" = pool index), so that
/// grid search, Hyperband's random sampling and a bandit over arms all choose among the same 50 configurations.
/// </summary>
internal sealed class PoolObjective(IObjective inner, IReadOnlyList<Configuration> pool) : IObjective
{
    public string Name => inner.Name + "-pool";

    public SearchSpace Space { get; } = new([Parameter.Grid("config", Enumerable.Range(0, pool.Count).Select(i => (double)i))]);

    public double? OptimalValue => null;

    public IReadOnlyList<Configuration> Pool => pool;

    public Configuration Index(int i) => new([i]);

    public Observation Evaluate(Configuration configuration, double fidelity, Rng rng) => inner.Evaluate(pool[(int)configuration[0]], fidelity, rng);
}
