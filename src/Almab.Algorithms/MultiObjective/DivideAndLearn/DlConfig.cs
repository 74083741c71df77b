using Almab.Algorithms.MultiObjective.Problems;

namespace Almab.Algorithms.MultiObjective.DivideAndLearn;

/// <summary>
/// D&amp;L hyperparameters (paper Table 4 and appendix 10.5). <see cref="ForScale"/> gives the paper's small/medium/large
/// columns: decomposition size 15/25/35, initial overlap 6/11/18, overlap decay 0.1, UCB coefficient 3.0, learning rate
/// 0.5, temperature 1.0 decaying 0.98 per iteration (0.995 and FTRL off for D&amp;L-TS), dual step 1.0, LocalRefine rounds
/// 5/10/20, patience 10/20/50, hybrid ratio 0.5, 20 weight vectors. FTRL usage rate 0.3 (section 11.2, "default 0.3")
/// and the EXP3 clip 0.01 (importance weights capped at 100, section 11.2) are the paper's stated defaults.
/// </summary>
public sealed record DlConfig
{
    public int DecompositionSize { get; init; } = 15;

    public int InitialOverlap { get; init; } = 6;

    public double OverlapDecay { get; init; } = 0.1;

    public bool ThompsonSampling { get; init; }

    public DlExperts Experts { get; init; } = DlExperts.All;

    public double UcbCoefficient { get; init; } = 3.0;

    public double LearningRate { get; init; } = 0.5;

    public double InitialTemperature { get; init; } = 1.0;

    public double TemperatureDecay { get; init; } = 0.98;

    /// <summary>Floor of the decaying temperature (keeps the softmax finite; our choice).</summary>
    public double MinimumTemperature { get; init; } = 0.02;

    public double FtrlRate { get; init; } = 0.3;

    public double HybridRatio { get; init; } = 0.5;

    public double ImportanceClip { get; init; } = 0.01;

    public double DualStep { get; init; } = 1.0;

    public bool UseDuals { get; init; } = true;

    public int Rounds { get; init; } = 5;

    public int Patience { get; init; } = 10;

    public int WeightVectorCount { get; init; } = 20;

    /// <summary>Explicit weight vectors (each checked and rescaled to the simplex by <see cref="Problems.Scalarization"/>);
    /// null = <see cref="WeightVectorCount"/> evenly spread ones (<see cref="Problems.WeightVectors.Spread"/>).</summary>
    public IReadOnlyList<double[]>? Weights { get; init; }

    public ScalarizationKind Scalarization { get; init; } = ScalarizationKind.WeightedSum;

    /// <summary>Display name: "dl", "dl-ts", or the ablation's single expert.</summary>
    public string Name { get; init; } = "dl";

    /// <summary>The paper's column for <paramref name="scale"/>; <paramref name="thompson"/> selects D&amp;L-TS.</summary>
    public static DlConfig ForScale(MocoScale scale, bool thompson = false)
    {
        int i = (int)scale;
        var config = new DlConfig
        {
            DecompositionSize = new[] { 15, 25, 35 }[i],
            InitialOverlap = new[] { 6, 11, 18 }[i],
            Rounds = new[] { 5, 10, 20 }[i],
            Patience = new[] { 10, 20, 50 }[i],
        };
        return thompson
            ? config with { ThompsonSampling = true, TemperatureDecay = 0.995, Experts = DlExperts.Acquisition | DlExperts.Exp3, Name = "dl-ts" }
            : config;
    }

    /// <summary>Checks ranges; a bad value names the field.</summary>
    public void Validate()
    {
        Check(DecompositionSize >= 2, nameof(DecompositionSize), "must be at least 2");
        Check(InitialOverlap >= 0 && InitialOverlap < DecompositionSize, nameof(InitialOverlap), "must be in [0, DecompositionSize)");
        Check(Experts != DlExperts.None, nameof(Experts), "must enable at least one expert");
        Check(LearningRate > 0 && UcbCoefficient >= 0 && DualStep >= 0, nameof(LearningRate), "rates must be positive");
        Check(InitialTemperature > 0 && TemperatureDecay is > 0 and <= 1, nameof(TemperatureDecay), "must be in (0, 1]");
        Check(ImportanceClip is > 0 and <= 1, nameof(ImportanceClip), "must be in (0, 1]");
        Check(Rounds >= 0 && Patience >= 1 && WeightVectorCount >= 1, nameof(Rounds), "must be non-negative");
    }

    private static void Check(bool ok, string field, string message)
    {
        if (!ok)
        {
            throw new ArgumentException($"D&L config: {field} {message}");
        }
    }
}
