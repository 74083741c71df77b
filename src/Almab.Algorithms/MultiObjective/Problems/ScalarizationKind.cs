namespace Almab.Algorithms.MultiObjective.Problems;

/// <summary>D&amp;L appendix 9.1: weighted sum (eq. 5, MOCO benchmarks) or Tchebycheff (eq. 6).</summary>
public enum ScalarizationKind
{
    WeightedSum,
    Tchebycheff,
}
