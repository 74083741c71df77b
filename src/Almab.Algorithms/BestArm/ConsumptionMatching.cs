namespace Almab.Algorithms.BestArm;

/// <summary>
/// How mean consumption is matched to mean reward in the synthetic instances (SH-RR paper, section 7: HmL, HmH, M).
/// Arms 1..K/2 (the higher-reward half in every family) are the "high" arms.
/// </summary>
public enum ConsumptionMatching
{
    /// <summary>High reward, low consumption: arms 1..K/2 consume d_low of every resource, the rest d_high.</summary>
    HL,

    /// <summary>High reward, high consumption: arms 1..K/2 consume d_high, the rest d_low.</summary>
    HH,

    /// <summary>L = 2 only: resource 1 as HL, resource 2 as HH.</summary>
    Mixture,
}
