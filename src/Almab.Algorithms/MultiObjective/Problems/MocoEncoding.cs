namespace Almab.Algorithms.MultiObjective.Problems;

/// <summary>How a solution vector is read.</summary>
public enum MocoEncoding
{
    /// <summary>A permutation of 0..n−1 (a tour, or a CVRP giant tour split by capacity).</summary>
    Permutation,

    /// <summary>A 0/1 vector of length n (a knapsack selection).</summary>
    Binary,
}
