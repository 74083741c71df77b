using System.Collections.Immutable;

namespace Almab.Experiments.Papers.AlmabDc.Cases;

/// <summary>How a case's budget is counted.</summary>
public enum BudgetUnit
{
    /// <summary>Total evaluations, initial design included (cases 1-3, case 5's N = 30).</summary>
    Evaluations,

    /// <summary>Wall-clock rounds after the initial design; evaluations = initial + rounds x K (case 4's ten rounds).</summary>
    Rounds,
}

/// <summary>What a case measures per replicate.</summary>
public enum CaseMetric
{
    /// <summary>f* - f(x+) for the recommendation x+ (case 4).</summary>
    SimpleRegret,

    /// <summary>Integrated posterior variance over the grid (case 5).</summary>
    IntegratedPosteriorVariance,

    /// <summary>Best true value found, in the objective's natural direction (cases 1-3).</summary>
    BestValue,

    /// <summary>Cumulative regret of the pulls (the illustrative example).</summary>
    CumulativeRegret,
}

/// <summary>Where the paper's numbers for a case come from.</summary>
/// <param name="Paper">Paper file id (e.g. "000").</param>
/// <param name="Section">Section (e.g. "3.9").</param>
/// <param name="Table">Table or figure, when any.</param>
public sealed record SourceRef(string Paper, string Section, string? Table = null);

/// <summary>The fixed or space-filling design evaluated before the method takes over.</summary>
/// <param name="Kind">none, fixed, random or lhs.</param>
/// <param name="Points">Number of points (random, lhs).</param>
/// <param name="Configurations">Native-unit configurations (fixed).</param>
public sealed record InitialDesignSpec(string Kind = "none", int Points = 0, ImmutableArray<double[]> Configurations = default)
{
    /// <summary>Number of initial evaluations.</summary>
    public int Count => Kind == "fixed" ? (Configurations.IsDefault ? 0 : Configurations.Length) : Kind == "none" ? 0 : Points;
}

/// <summary>
/// A split of the final metric into two outcome modes, for emulators with a narrow global basin beside a broad deceptive
/// one: a replicate whose final metric is beyond <paramref name="Threshold"/> (above it when higher is better, below it
/// otherwise) reached the <paramref name="Better"/> mode, the others ended in the <paramref name="Worse"/> one. The report
/// then gives each method's share of replicates per mode (Wilson 95 % interval) and its mean within each mode.
/// </summary>
/// <param name="Threshold">Final-metric boundary between the modes, in the metric's own units.</param>
/// <param name="Better">What the better mode is (e.g. "global basin (accuracy > 0.92)").</param>
/// <param name="Worse">What the other mode is (e.g. "deceptive basin (ceiling 0.903)").</param>
public sealed record OutcomeModesSpec(double Threshold, string Better, string Worse);

/// <summary>Gaussian-process settings shared by the case's model-based methods.</summary>
/// <param name="Kernel">rbf, matern12, matern32 or matern52.</param>
/// <param name="LengthScale">Length-scale in native units of the (single or isotropic) input, when fixed.</param>
/// <param name="SignalVariance">Signal variance sigma_f^2, when fixed.</param>
/// <param name="NoiseSd">Noise sd sigma_n, when fixed.</param>
/// <param name="FitHyperparameters">Re-fit hyperparameters by marginal likelihood (false = keep the stated values).</param>
/// <param name="Beta">UCB beta for the acquisition.</param>
public sealed record SurrogateSpec(
    string Kernel = "matern52",
    double LengthScale = 0.2,
    double SignalVariance = 1.0,
    double NoiseSd = 0.1,
    bool FitHyperparameters = true,
    double Beta = 2.0);

/// <summary>
/// A benchmark case, as declared in a JSON file under experiments/Almab.Experiments/Papers/AlmabDc/cases (ARCHITECTURE.md, "Experiments declared as data").
/// Unknown keys are rejected; <see cref="CaseLoader"/> validates values and names the field at fault.
/// </summary>
public sealed record CaseDefinition
{
    /// <summary>Identifier used on the command line and in results.</summary>
    public required string Id { get; init; }

    /// <summary>One-line title.</summary>
    public required string Title { get; init; }

    /// <summary>Provenance in the papers.</summary>
    public required SourceRef Source { get; init; }

    /// <summary>The objective.</summary>
    public required ObjectiveSpec Objective { get; init; }

    /// <summary>Default budget(s), in <see cref="BudgetUnit"/>.</summary>
    public required ImmutableArray<int> Budget { get; init; }

    /// <summary>How the budget is counted.</summary>
    public BudgetUnit BudgetUnit { get; init; } = BudgetUnit.Evaluations;

    /// <summary>The initial design.</summary>
    public InitialDesignSpec InitialDesign { get; init; } = new();

    /// <summary>The metric reported per replicate.</summary>
    public required CaseMetric Metric { get; init; }

    /// <summary>Methods compared, by registry id.</summary>
    public required ImmutableArray<string> Methods { get; init; }

    /// <summary>Method the significance daggers are computed against.</summary>
    public string? ReferenceMethod { get; init; }

    /// <summary>The simulated cluster.</summary>
    public required ClusterSpec Cluster { get; init; }

    /// <summary>Surrogate settings for model-based methods.</summary>
    public SurrogateSpec Surrogate { get; init; } = new();

    /// <summary>Replicates per grid combination.</summary>
    public int Replicates { get; init; } = 500;

    /// <summary>Noise levels (grid axis); empty = the objective's default.</summary>
    public ImmutableArray<double> Noise { get; init; } = [];

    /// <summary>Case 4's recommendation x_t+ of the simple regret (ignored by the other metrics).</summary>
    public RecommendationRule Recommendation { get; init; } = RecommendationRule.PosteriorMean;

    /// <summary>Readings that are ours where the paper is ambiguous; printed in the report.</summary>
    public ImmutableArray<string> ProtocolNotes { get; init; } = [];

    /// <summary>Optional split of the final metric into two outcome modes (the report's outcome-modes table).</summary>
    public OutcomeModesSpec? OutcomeModes { get; init; }
}
