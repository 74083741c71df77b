using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Optimizers.Hyperband;

/// <summary>Where new configurations of a bracket's first rung come from (random for Hyperband, a KDE model for BOHB).</summary>
internal interface IConfigurationSource
{
    /// <summary>A new configuration to start at <paramref name="level"/> (0 = the lowest fidelity of the schedule).</summary>
    Configuration Next(int level);

    /// <summary>Records a result (value +inf for a failed evaluation) at fidelity level <paramref name="level"/>.</summary>
    void Observe(Configuration configuration, int level, double value);
}
