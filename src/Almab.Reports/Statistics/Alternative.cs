namespace Almab.Reports.Statistics;

/// <summary>
/// Alternative hypothesis of a test, with scipy's meaning: <see cref="Less"/> means the first sample
/// (or the paired differences) tends to be smaller than the second (or than zero).
/// </summary>
public enum Alternative
{
    /// <summary>The distributions differ in either direction.</summary>
    TwoSided,

    /// <summary>The first sample is stochastically smaller than the second.</summary>
    Less,

    /// <summary>The first sample is stochastically greater than the second.</summary>
    Greater,
}
