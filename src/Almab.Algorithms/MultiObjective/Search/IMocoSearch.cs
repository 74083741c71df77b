namespace Almab.Algorithms.MultiObjective.Search;

/// <summary>
/// A black-box multi-objective search method in ask/tell form: <see cref="Ask"/> proposes a solution vector (a fresh
/// array the caller owns until it hands it back to <see cref="Tell"/>), <see cref="Tell"/> reports its minimization
/// objectives. Several asks may be pending at once (the simulated cluster's K workers); tells may arrive in any order.
/// Implementations are pure and seeded; they never evaluate the problem themselves.
/// </summary>
public interface IMocoSearch
{
    string Name { get; }

    /// <summary>The next solution to evaluate.</summary>
    int[] Ask();

    /// <summary>
    /// Reports the objectives of a solution returned by <see cref="Ask"/> (after the problem's in-place repair). NaN or
    /// infinite objectives are rejected with an exception.
    /// </summary>
    void Tell(int[] solution, ReadOnlySpan<double> objectives);
}
