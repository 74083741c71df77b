using Almab.Algorithms.Surrogates;

namespace Almab.Algorithms.Acquisitions;

/// <summary>
/// Scores candidate points given a surrogate (ALMAB-DC section 2.3). Higher score = more desirable;
/// values are minimized, so e.g. UCB here is the lower confidence bound negated.
/// </summary>
public interface IAcquisition
{
    /// <summary>Identifier, e.g. "ucb", "ei".</summary>
    string Name { get; }

    /// <summary>Writes one score per candidate into <paramref name="scores"/>.</summary>
    void Score(ISurrogate model, IReadOnlyList<double[]> candidates, AcquisitionContext context, Span<double> scores);
}
