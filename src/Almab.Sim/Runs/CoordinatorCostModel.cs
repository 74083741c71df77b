namespace Almab.Sim.Runs;

/// <summary>
/// Modelled serial coordinator work, charged in virtual time (the deterministic alternative to measured time):
/// each asked trial costs <see cref="AskSecondsPerTrial"/> and the n-th tell (n observations absorbed so far,
/// this one included) costs <see cref="TellBaseSeconds"/> + <see cref="TellSecondsPerObservation"/> · n^<see cref="TellExponent"/>
/// (e.g. exponent 3 for an exact GP refit). This is the serial part p of ALMAB-DC's Amdahl analysis (section 2.4.7).
/// </summary>
public sealed record CoordinatorCostModel
{
    /// <summary>No coordinator work.</summary>
    public static readonly CoordinatorCostModel Zero = new();

    /// <summary>Virtual seconds per asked trial (acquisition); finite, &gt;= 0.</summary>
    public double AskSecondsPerTrial
    {
        get;
        init => field = Check(value, nameof(AskSecondsPerTrial));
    }

    /// <summary>Fixed virtual seconds per tell; finite, &gt;= 0.</summary>
    public double TellBaseSeconds
    {
        get;
        init => field = Check(value, nameof(TellBaseSeconds));
    }

    /// <summary>Virtual seconds per tell that scale with n^<see cref="TellExponent"/>; finite, &gt;= 0.</summary>
    public double TellSecondsPerObservation
    {
        get;
        init => field = Check(value, nameof(TellSecondsPerObservation));
    }

    /// <summary>Growth exponent of the tell cost in the number of observations; finite, &gt;= 0 (default 1).</summary>
    public double TellExponent
    {
        get;
        init => field = Check(value, nameof(TellExponent));
    } = 1.0;

    /// <summary>Virtual seconds of the tell that brings the observation count to <paramref name="observations"/>.</summary>
    public double TellSeconds(int observations) =>
        TellBaseSeconds + (TellSecondsPerObservation == 0.0 ? 0.0 : TellSecondsPerObservation * Math.Pow(observations, TellExponent));

    private static double Check(double value, string name) =>
        double.IsFinite(value) && value >= 0.0
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"Coordinator.{name} must be finite and >= 0, got {value}.");
}
