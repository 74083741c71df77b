namespace Almab.Algorithms.BestArm;

/// <summary>
/// Shapes of the mean rewards of the SH-RR paper's synthetic instances (section 7, appendix C; the settings of the
/// published code). Arm 1 (index 0) is always the unique best arm, with r_1 = 0.9.
/// </summary>
public enum RewardFamily
{
    /// <summary>r_1 = 0.9, every other arm 0.8.</summary>
    OneSuboptimal,

    /// <summary>r_1 = 0.9, r_2 = 0.8, the rest 0.0.</summary>
    OneCompetitor,

    /// <summary>r = linspace(0.9, 0.1, K).</summary>
    Linear,

    /// <summary>r = geomspace(0.9, 0.1, K).</summary>
    Geometric,

    /// <summary>r_1 = 0.9, r_i = 0.9 (1 − sqrt(i / K)) for i = 2..K.</summary>
    Polynomial,

    /// <summary>r_1 = 0.9, arms 2..32 at 0.8 (a fixed group of 31 traps), the rest 0.1.</summary>
    Trap,
}
