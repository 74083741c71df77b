using Almab.Algorithms.Objectives;

namespace Almab.Algorithms.Optimizers;

/// <summary>
/// The ask/tell contract every method implements (ALMAB-DC's variants, TPE, BOHB, grid, D-optimal...).
/// Asks may be outstanding (pending) while more are asked: asynchronous dispatchers call
/// <see cref="Ask"/> whenever a worker frees up, and <see cref="Tell"/> in completion order.
/// Implementations are deterministic given their seed and the sequence of calls.
/// </summary>
public interface IOptimizer
{
    /// <summary>Method identifier, e.g. "almab-dc-ucb".</summary>
    string Name { get; }

    /// <summary>Proposes <paramref name="count"/> new trials, aware of every pending one.</summary>
    IReadOnlyList<Trial> Ask(int count);

    /// <summary>Reports the outcome of a pending trial; rejects non-finite values and unknown trials.</summary>
    void Tell(Trial trial, Observation observation);
}
