using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Objectives;

/// <summary>A black-box function to minimize over a search space (ARCHITECTURE.md, core abstractions).</summary>
public interface IObjective
{
    /// <summary>Short identifier used in reports.</summary>
    string Name { get; }

    /// <summary>The domain.</summary>
    SearchSpace Space { get; }

    /// <summary>Known global minimum of the noise-free function, or null.</summary>
    double? OptimalValue { get; }

    /// <summary>
    /// Evaluates <paramref name="configuration"/> at <paramref name="fidelity"/> in (0, 1] (1 = full
    /// fidelity), drawing observation noise from <paramref name="rng"/> only.
    /// </summary>
    Observation Evaluate(Configuration configuration, double fidelity, Rng rng);
}
