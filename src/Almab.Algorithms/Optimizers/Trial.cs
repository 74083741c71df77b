using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Optimizers;

/// <summary>A configuration handed out by <see cref="IOptimizer.Ask"/>, pending until told.</summary>
/// <param name="Id">Sequence number within the optimizer, from 0.</param>
/// <param name="Configuration">What to evaluate.</param>
/// <param name="Fidelity">Fidelity in (0, 1] (multi-fidelity methods such as Hyperband); 1 otherwise.</param>
public sealed record Trial(int Id, Configuration Configuration, double Fidelity = 1.0);
