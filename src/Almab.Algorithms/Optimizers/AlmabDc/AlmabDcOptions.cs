using Almab.Algorithms.Acquisitions;
using Almab.Algorithms.Spaces;
using Almab.Algorithms.Surrogates;

namespace Almab.Algorithms.Optimizers.AlmabDc;

/// <summary>
/// Settings of <see cref="AlmabDcOptimizer"/> (ALMAB-DC sections 2.1-2.3, 3.5, 3.9, 3.10). Defaults are our choices
/// where the paper is silent; each is named in the field's documentation.
/// </summary>
public sealed record AlmabDcOptions
{
    /// <summary>Which method: the two ALMAB-DC policies, the two ablations, or pure BO.</summary>
    public AlmabDcVariant Variant { get; init; } = AlmabDcVariant.Ucb;

    /// <summary>The Active Learner's acquisition; null means GP-UCB with beta = 2 (section 3.9).</summary>
    public IAcquisition? Acquisition { get; init; }

    /// <summary>Initial design points (e.g. case 4's doses {0, 2, 5.5, 8}, case 5's corners); null for a random design.</summary>
    public IReadOnlyList<Configuration>? InitialDesign { get; init; }

    /// <summary>Size n0 of the random initial design when <see cref="InitialDesign"/> is null; null means max(3, d + 1).</summary>
    public int? InitialDesignSize { get; init; }

    /// <summary>Candidates scored per decision on spaces that are not enumerated (uniform samples plus local ones).</summary>
    public int PoolSize { get; init; } = 512;

    /// <summary>Finite spaces with at most this many points use every point as a candidate.</summary>
    public int MaxEnumeratedPool { get; init; } = 4096;

    /// <summary>Share of a sampled pool drawn around the three best observations (our choice; 0 disables).</summary>
    public double LocalFraction { get; init; } = 0.25;

    /// <summary>Standard deviation (unit-cube units) of the Gaussian perturbations that make the local candidates.</summary>
    public double LocalScale { get; init; } = 0.05;

    /// <summary>Size of the Active Learner's shortlist Q_t handed to the bandit controller (Algorithm 1, line 3).</summary>
    public int ShortlistSize { get; init; } = 5;

    /// <summary>Arms (regions) of the bandit controller: finite spaces with at most this many points use one arm per point, others this many Voronoi regions.</summary>
    public int MaxArms { get; init; } = 16;

    /// <summary>
    /// UCB1 exploration constant c of section 2.6 (rewards are quantiles in [0, 1]). The paper gives no value; UCB1's
    /// theoretical sqrt 2 makes the controller nearly round-robin over 16 arms within budgets of 40-60 evaluations, so
    /// the default is 0.25 (our choice: on Branin/Hartmann-6 the "no AL" ablation only beats random search for c &lt;= 0.5).
    /// </summary>
    public double ExplorationConstant { get; init; } = 0.25;

    /// <summary>Weight of the batch diversity penalty (see <see cref="DiversityPenalty"/>); 0 disables it.</summary>
    public double DiversityWeight { get; init; } = 0.5;

    /// <summary>Radius (unit-cube distance) of the batch diversity penalty.</summary>
    public double DiversityRadius { get; init; } = 0.1;

    /// <summary>Re-optimize GP hyperparameters every this many observations (and when the initial design completes); 0 keeps them fixed.</summary>
    public int RefitEvery { get; init; } = 10;

    /// <summary>GP settings; null means <see cref="GaussianProcessOptions"/> defaults. Its seed is replaced by one derived from the optimizer's.</summary>
    public GaussianProcessOptions? Gp { get; init; }

    /// <summary>
    /// Builds the Active Learner's surrogate from (input dimension, a seed derived from the optimizer's); null means the
    /// GP of <see cref="Gp"/>. Appendix C swaps in a random forest or an MLP ensemble here; everything else is unchanged.
    /// </summary>
    public Func<int, Randomness.Seed, ISurrogate>? Surrogate { get; init; }

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    public void Validate(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        Positive(PoolSize, nameof(PoolSize));
        Positive(MaxEnumeratedPool, nameof(MaxEnumeratedPool));
        Positive(ShortlistSize, nameof(ShortlistSize));
        if (MaxArms < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxArms), MaxArms, "MaxArms must be >= 2.");
        }

        if (InitialDesignSize is int n && n < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(InitialDesignSize), n, "InitialDesignSize must be >= 1.");
        }

        if (!(LocalFraction >= 0 && LocalFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(LocalFraction), LocalFraction, "LocalFraction must lie in [0, 1].");
        }

        NonNegative(LocalScale, nameof(LocalScale));
        NonNegative(ExplorationConstant, nameof(ExplorationConstant));
        NonNegative(DiversityWeight, nameof(DiversityWeight));
        if (!(DiversityRadius > 0) || double.IsInfinity(DiversityRadius))
        {
            throw new ArgumentOutOfRangeException(nameof(DiversityRadius), DiversityRadius, "DiversityRadius must be finite and > 0.");
        }

        if (RefitEvery < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(RefitEvery), RefitEvery, "RefitEvery must be >= 0.");
        }

        if (!Enum.IsDefined(Variant))
        {
            throw new ArgumentOutOfRangeException(nameof(Variant), Variant, "Unknown ALMAB-DC variant.");
        }

        if (InitialDesign is { } design)
        {
            if (design.Count == 0)
            {
                throw new ArgumentException("InitialDesign must not be empty (use null for a random design).", nameof(InitialDesign));
            }

            for (int i = 0; i < design.Count; i++)
            {
                if (!space.Contains(design[i]))
                {
                    throw new ArgumentException($"InitialDesign[{i}] = {design[i]} is not in the search space.", nameof(InitialDesign));
                }
            }
        }
    }

    private static void Positive(int value, string name)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be >= 1.");
        }
    }

    private static void NonNegative(double value, string name)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and >= 0.");
        }
    }
}
