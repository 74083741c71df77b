namespace Almab.Algorithms.MultiObjective.Search;

/// <summary>
/// Settings of <see cref="ParEgo"/>. Knowles (2006) fixes ρ = 0.05 and the weight lattice (s = 10 divisions for two
/// objectives, 11 vectors; s = 4 for three, 15 vectors). The rest bounds the cost and is Almab's choice, stated in the
/// report: the GP sees at most <see cref="BestWindow"/> + <see cref="RecentWindow"/> evaluations (the best under the
/// current weights plus the most recent ones — Knowles caps the model at 11d + 24 points for the same reason), its
/// hyperparameters are refit by warm-started maximum likelihood every <see cref="RefitInterval"/> asks and kept fixed
/// in between, and EI is maximized by a small evolutionary search of <see cref="Generations"/> ×
/// <see cref="Offspring"/> candidates bred from the <see cref="Parents"/> best solutions.
/// </summary>
public sealed record ParEgoConfig
{
    /// <summary>Augmentation coefficient ρ of the augmented Tchebycheff function (Knowles: 0.05).</summary>
    public double Rho { get; init; } = 0.05;

    /// <summary>Lattice divisions s for m objectives: 10 for m = 2, 4 for m = 3 (Knowles), 3 above (our choice); 0 = that rule.</summary>
    public int LatticeDivisions { get; init; }

    /// <summary>Evaluations with the lowest scalarized value kept in the GP's data (they hold the EI incumbent).</summary>
    public int BestWindow { get; init; } = 20;

    /// <summary>Most recent evaluations kept in the GP's data.</summary>
    public int RecentWindow { get; init; } = 80;

    /// <summary>Asks between two hyperparameter fits (the first model-based ask always fits).</summary>
    public int RefitInterval { get; init; } = 100;

    /// <summary>L-BFGS iterations of one hyperparameter fit (warm start, no restarts, no polish).</summary>
    public int FitIterations { get; init; } = 40;

    /// <summary>Parents of the acquisition search (the best window points under the current weights, then the best candidates).</summary>
    public int Parents { get; init; } = 6;

    /// <summary>Candidates bred per generation of the acquisition search.</summary>
    public int Offspring { get; init; } = 24;

    /// <summary>Generations of the acquisition search.</summary>
    public int Generations { get; init; } = 4;

    /// <summary>Checks every setting, naming the first bad one.</summary>
    public void Validate()
    {
        if (!(Rho >= 0) || !double.IsFinite(Rho))
        {
            throw new ArgumentOutOfRangeException(nameof(Rho), Rho, "ParEGO rho must be finite and >= 0");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(LatticeDivisions);
        ArgumentOutOfRangeException.ThrowIfLessThan(BestWindow, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(RecentWindow, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(RefitInterval, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(FitIterations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Parents, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Offspring, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Generations, 1);
    }

    /// <summary>The lattice divisions used for <paramref name="objectives"/> objectives.</summary>
    public int Divisions(int objectives) => LatticeDivisions > 0 ? LatticeDivisions : objectives switch { 2 => 10, 3 => 4, _ => 3 };
}
