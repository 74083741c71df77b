using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Acquisitions;

/// <summary>What an acquisition needs beyond the model: the incumbent, the step and a seeded RNG.</summary>
/// <param name="BestObserved">Smallest observed value so far (minimization).</param>
/// <param name="Iteration">1-based decision index t (used by GP-UCB's beta_t schedules).</param>
/// <param name="Rng">Stream for randomized acquisitions (Thompson sampling).</param>
public sealed record AcquisitionContext(double BestObserved, int Iteration, Rng Rng);
