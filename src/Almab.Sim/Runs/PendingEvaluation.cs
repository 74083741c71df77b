using Almab.Algorithms.Objectives;
using Almab.Algorithms.Optimizers;

namespace Almab.Sim.Runs;

/// <summary>A trial that has been asked and evaluated (value hidden from the optimizer) while its job runs.</summary>
/// <param name="Trial">The asked trial.</param>
/// <param name="Observation">Its observation, revealed by the tell when the job completes.</param>
/// <param name="AskComputeSeconds">This trial's share of the real seconds its Ask took.</param>
internal readonly record struct PendingEvaluation(Trial Trial, Observation Observation, double AskComputeSeconds);
