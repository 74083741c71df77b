namespace Almab.Algorithms.BestArm;

/// <summary>
/// Declaration of one synthetic BAIwRC instance of the SH-RR paper (section 7, appendix C.1–C.2): a reward family, a
/// consumption matching, K arms, L resources each with budget C, and the two consumption levels (paper: K = 256,
/// C = 1500, d_low = 0.1, d_high = 0.9). Protocol note: the extracted text lost the trap family's consumption; Almab
/// uses the same half split as the other families, which puts arm 1 and the 31 traps on the low side for HL.
/// </summary>
public sealed record SyntheticInstance(
    RewardFamily Family,
    ConsumptionMatching Matching,
    int Arms = 256,
    int Resources = 1,
    double Budget = 1500,
    double LowConsumption = 0.1,
    double HighConsumption = 0.9)
{
    /// <summary>Number of arms sharing r = 0.8 right after arm 1 in the trap family.</summary>
    public const int TrapGroupEnd = 32;

    /// <summary>Instance name, e.g. <c>trap/HL</c>.</summary>
    public string Name => $"{FamilyName(Family)}/{Matching}";

    /// <summary>The kebab-case name of a family (e.g. <c>one-suboptimal</c>).</summary>
    public static string FamilyName(RewardFamily family) => family switch
    {
        RewardFamily.OneSuboptimal => "one-suboptimal",
        RewardFamily.OneCompetitor => "one-competitor",
        RewardFamily.Linear => "linear",
        RewardFamily.Geometric => "geometric",
        RewardFamily.Polynomial => "polynomial",
        RewardFamily.Trap => "trap",
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "unknown reward family"),
    };

    /// <summary>Mean rewards r_k of the family for <paramref name="arms"/> arms.</summary>
    public static double[] Means(RewardFamily family, int arms)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 2);
        var r = new double[arms];
        for (int k = 0; k < arms; k++)
        {
            int i = k + 1;
            r[k] = family switch
            {
                RewardFamily.OneSuboptimal => i == 1 ? 0.9 : 0.8,
                RewardFamily.OneCompetitor => i == 1 ? 0.9 : i == 2 ? 0.8 : 0.0,
                RewardFamily.Linear => 0.9 + (0.1 - 0.9) * k / (arms - 1),
                RewardFamily.Geometric => 0.9 * Math.Pow(0.1 / 0.9, (double)k / (arms - 1)),
                RewardFamily.Polynomial => i == 1 ? 0.9 : 0.9 * (1 - Math.Sqrt((double)i / arms)),
                RewardFamily.Trap => i == 1 ? 0.9 : i <= TrapGroupEnd ? 0.8 : 0.1,
                _ => throw new ArgumentOutOfRangeException(nameof(family), family, "unknown reward family"),
            };
        }

        return r;
    }

    /// <summary>
    /// Validates and builds the instance; false with a one-line message when K &lt; 2 (or K &lt;= 32 for the trap),
    /// L &lt; 1, C &lt;= 0, a consumption level outside [0, 1], or Mixture with L != 2.
    /// </summary>
    public bool TryBuild(out BestArmInstance? instance, out string error)
    {
        instance = null;
        if (Resources < 1)
        {
            error = $"instance '{Name}': L must be >= 1 (got {Resources})";
            return false;
        }

        if (Matching == ConsumptionMatching.Mixture && Resources != 2)
        {
            error = $"instance '{Name}': Mixture needs L = 2 resources (got {Resources})";
            return false;
        }

        if (Family == RewardFamily.Trap && Arms <= TrapGroupEnd)
        {
            error = $"instance '{Name}': the trap family needs K > {TrapGroupEnd} arms (got {Arms})";
            return false;
        }

        if (Arms < 2)
        {
            error = $"instance '{Name}': K must be >= 2 arms (got {Arms})";
            return false;
        }

        var rows = new double[Resources][];
        for (int l = 0; l < Resources; l++)
        {
            bool lowFirst = Matching == ConsumptionMatching.HL || (Matching == ConsumptionMatching.Mixture && l == 0);
            rows[l] = new double[Arms];
            for (int k = 0; k < Arms; k++)
            {
                bool firstHalf = k < Arms / 2;
                rows[l][k] = firstHalf == lowFirst ? LowConsumption : HighConsumption;
            }
        }

        var budgets = Enumerable.Repeat(Budget, Resources).ToArray();
        return BestArmInstance.TryCreate(Name, Means(Family, Arms), rows, budgets, out instance, out error);
    }
}
