namespace Almab.Algorithms.MultiObjective.Problems;

/// <summary>The MOCO benchmark families of the D&amp;L paper (section 6.1, appendix 10.1.1).</summary>
public enum MocoProblemKind
{
    /// <summary>Bi-objective TSP: two coordinate sets per city.</summary>
    BiTsp,

    /// <summary>Tri-objective TSP: three coordinate sets per city.</summary>
    TriTsp,

    /// <summary>Bi-objective 0/1 knapsack: one weight and two values per item, both values maximized.</summary>
    BiKp,

    /// <summary>Bi-objective CVRP: total route length and makespan (longest route).</summary>
    BiCvrp,
}
