namespace Almab.Algorithms.MultiObjective.Problems;

/// <summary>The D&amp;L paper's three hyperparameter columns (Table 4: small, medium, large).</summary>
public enum MocoScale
{
    Small,
    Medium,
    Large,
}
