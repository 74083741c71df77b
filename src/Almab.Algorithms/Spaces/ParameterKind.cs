namespace Almab.Algorithms.Spaces;

/// <summary>The type of a search-space parameter.</summary>
public enum ParameterKind
{
    /// <summary>Real value in [low, high], linear or log scale.</summary>
    Float,

    /// <summary>Integer in [low, high], linear or log scale.</summary>
    Integer,

    /// <summary>One of a finite set of unordered labels.</summary>
    Categorical,

    /// <summary>One of a finite, ordered set of real values (dose levels, sensor coordinates).</summary>
    Grid,
}
