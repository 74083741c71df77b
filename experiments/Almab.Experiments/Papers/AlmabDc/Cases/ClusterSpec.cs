using System.Collections.Immutable;

namespace Almab.Experiments.Papers.AlmabDc.Cases;

/// <summary>How evaluations are dispatched to workers.</summary>
public enum DispatchMode
{
    /// <summary>Rounds of K evaluations with a barrier per round (cases 4 and 5: "wall-clock rounds").</summary>
    Synchronous,

    /// <summary>A free worker gets the next evaluation at once (cases 1-3).</summary>
    Asynchronous,
}

/// <summary>Where the serial coordinator time per decision comes from.</summary>
public enum CoordinatorTimeSource
{
    /// <summary>A fixed modelled number of virtual seconds per decision (deterministic; the default).</summary>
    Model,

    /// <summary>The real seconds the optimizer's Ask/Tell took, times <see cref="CoordinatorSpec.Scale"/> (not reproducible bit for bit).</summary>
    Measured,
}

/// <summary>A worker task-time distribution, scaled by the evaluation's own cost (see ClusterSpec).</summary>
/// <param name="Kind">deterministic, exponential, shifted-exponential, gamma, log-normal or pareto.</param>
/// <param name="Shape">Shape parameter (gamma: k; log-normal: sigma; pareto: alpha); unused otherwise.</param>
/// <param name="Shift">Fraction of the cost that is a fixed shift for shifted-exponential (ATA model a + Exp(b)).</param>
public sealed record DurationSpec(string Kind = "exponential", double Shape = 1.0, double Shift = 0.5);

/// <summary>Serial coordinator work and communication overhead.</summary>
/// <param name="Source">Model or measured coordinator time.</param>
/// <param name="DecisionSeconds">Modelled serial seconds per decision (the surrogate update), when Source = model.</param>
/// <param name="Scale">Multiplier applied to measured real seconds, when Source = measured.</param>
/// <param name="Alpha">Communication overhead coefficient alpha in alpha K^beta (seconds per decision).</param>
/// <param name="Beta">Communication overhead exponent beta.</param>
/// <param name="LatencySeconds">Mean per-message latency (exponential), each way.</param>
public sealed record CoordinatorSpec(
    CoordinatorTimeSource Source = CoordinatorTimeSource.Model,
    double DecisionSeconds = 0.0,
    double Scale = 1.0,
    double Alpha = 0.0,
    double Beta = 1.0,
    double LatencySeconds = 0.0);

/// <summary>The simulated cluster a case runs on.</summary>
/// <param name="Workers">Cluster sizes K to run (grid axis).</param>
/// <param name="Dispatch">Synchronous rounds or asynchronous dispatch.</param>
/// <param name="Duration">Task-time distribution; its mean is the evaluation's cost in virtual seconds.</param>
/// <param name="Heterogeneity">Worker speed profile: homogeneous, sqrt, linear, two-tier or log-normal.</param>
/// <param name="Coordinator">Coordinator time and communication overhead.</param>
/// <param name="Crash">Simulated worker crashes, or null (the default) for none.</param>
public sealed record ClusterSpec(
    ImmutableArray<int> Workers,
    DispatchMode Dispatch = DispatchMode.Asynchronous,
    DurationSpec? Duration = null,
    string Heterogeneity = "homogeneous",
    CoordinatorSpec? Coordinator = null,
    CrashSpec? Crash = null);
