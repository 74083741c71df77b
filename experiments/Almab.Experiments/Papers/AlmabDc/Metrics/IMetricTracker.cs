using Almab.Algorithms.Objectives;
using Almab.Algorithms.Spaces;

namespace Almab.Experiments.Papers.AlmabDc.Metrics;

/// <summary>Follows a replicate's evaluations in completion order and reports the case metric after each.</summary>
public interface IMetricTracker
{
    /// <summary>Metric name stored with results (e.g. "simple-regret").</summary>
    string Name { get; }

    /// <summary>Records one finished evaluation and returns the metric after it.</summary>
    double Observe(Configuration configuration, Observation observation);
}
