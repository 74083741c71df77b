namespace Almab.Algorithms.MultiObjective.Problems;

/// <summary>
/// One MOCO instance: a black-box map from a solution vector to a minimization-oriented objective vector (knapsack
/// values negated). Pure and thread-safe: evaluation uses no shared mutable state.
/// </summary>
public interface IMocoProblem
{
    MocoSpec Spec { get; }

    /// <summary>Length n of a solution vector (cities, items or customers).</summary>
    int Length { get; }

    MocoEncoding Encoding { get; }

    int ObjectiveCount { get; }

    /// <summary>
    /// Writes the objectives of <paramref name="solution"/> into <paramref name="objectives"/>. A binary solution that
    /// exceeds the capacity is repaired in place first (greedy removal, <see cref="KnapsackProblem.Repair"/>), so the
    /// vector evaluated is always feasible. A vector that is not a valid permutation / 0-1 vector throws.
    /// </summary>
    void Evaluate(Span<int> solution, Span<double> objectives);

    /// <summary>
    /// Locality metric between elements a and b (cities, customers or items) used by the k-nearest-neighbour
    /// decomposition (D&amp;L Definition 4.2): mean Euclidean distance over the coordinate sets for TSP, customer
    /// distance for CVRP, distance of (weight, values) for the knapsack.
    /// </summary>
    double Locality(int a, int b);
}
