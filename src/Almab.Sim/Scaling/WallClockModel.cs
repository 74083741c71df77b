namespace Almab.Sim.Scaling;

/// <summary>
/// Wall-clock time of a fixed workload on K agents, relative to the time of the whole workload on one agent without
/// overhead. Two readings of ALMAB-DC section 2.4 exist and they disagree; <see cref="Assumption"/> says which one a
/// model is, so a report can print both beside each other.
/// </summary>
public abstract record WallClockModel(double SerialFraction, double Alpha, double Beta)
{
    /// <summary>One-line statement of the model, printed next to any K* it produces.</summary>
    public abstract string Assumption { get; }

    /// <summary>Relative wall-clock time <c>T_K / W</c> at K agents.</summary>
    public abstract double RelativeTime(double workers);

    /// <summary>Speedup <c>T_1 / T_K</c> under this model (K = 1 includes its own overhead).</summary>
    public double Speedup(double workers) => RelativeTime(1.0) / RelativeTime(workers);

    /// <summary>Rejects p outside [0, 1] and negative or non-finite alpha, beta.</summary>
    protected void Validate()
    {
        ScalingLaws.CheckFraction(SerialFraction);
        ScalingLaws.CheckOverhead(Alpha, Beta);
    }
}

/// <summary>
/// ALMAB-DC eq. (3) with the efficiency of section 2.4.6 substituted:
/// <c>T_K / W = p + (1 - p)(1 + alpha K^beta) / K</c>. For beta &lt;= 1 this decreases in K for ever, so it has no
/// interior optimum; for beta &gt; 1 its minimum is at <c>K = (1 / (alpha (beta - 1)))^(1/beta)</c>.
/// </summary>
public sealed record EfficiencyAmdahlModel : WallClockModel
{
    /// <summary>Creates the model; p in [0, 1], alpha and beta finite and non-negative.</summary>
    public EfficiencyAmdahlModel(double serialFraction, double alpha, double beta)
        : base(serialFraction, alpha, beta) => Validate();

    /// <inheritdoc />
    public override string Assumption => "eq. (3)-(4) with eta(K) = 1/(1 + alpha K^beta): T/W = p + (1-p)(1 + alpha K^beta)/K";

    /// <inheritdoc />
    public override double RelativeTime(double workers)
    {
        ScalingLaws.CheckWorkers(workers);
        return SerialFraction + (1.0 - SerialFraction) * (1.0 + Alpha * Math.Pow(workers, Beta)) / workers;
    }
}

/// <summary>
/// The model whose stationarity condition gives ALMAB-DC's closed form eq. (7):
/// <c>T_K / W = (1 - p) / K + p alpha K^beta</c> — the serial part is inflated by the coordination cost alpha K^beta.
/// Setting dT/dK = 0 yields exactly <c>K* = ((1 - p) / (alpha beta p))^(1/(1+beta))</c>.
/// </summary>
public sealed record SerialOverheadModel : WallClockModel
{
    /// <summary>Creates the model; p in [0, 1], alpha and beta finite and non-negative.</summary>
    public SerialOverheadModel(double serialFraction, double alpha, double beta)
        : base(serialFraction, alpha, beta) => Validate();

    /// <inheritdoc />
    public override string Assumption => "implied by eq. (7): T/W = (1-p)/K + p alpha K^beta (coordination cost multiplies the serial part)";

    /// <inheritdoc />
    public override double RelativeTime(double workers)
    {
        ScalingLaws.CheckWorkers(workers);
        return (1.0 - SerialFraction) / workers + SerialFraction * Alpha * Math.Pow(workers, Beta);
    }
}
