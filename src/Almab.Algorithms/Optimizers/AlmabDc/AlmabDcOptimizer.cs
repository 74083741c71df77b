using Almab.Algorithms.Acquisitions;
using Almab.Algorithms.Bandits;
using Almab.Algorithms.Objectives;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;
using Almab.Algorithms.Surrogates;

namespace Almab.Algorithms.Optimizers.AlmabDc;

/// <summary>
/// The ALMAB-DC decision pipeline (sections 2.1-2.3, Algorithm 1, Figure 2) as an ask/tell optimizer:
/// candidate pool -> Active Learner (GP surrogate + acquisition, pending points fantasized by Kriging believer,
/// batch diversity penalty) keeps a shortlist Q_t -> Bandit Controller scores each shortlisted candidate by its
/// arm's index (UCB1) or posterior draw (Beta Thompson sampling) and dispatches the best -> Tell updates the GP
/// (O(n^2) append, hyperparameters re-optimized every <see cref="AlmabDcOptions.RefitEvery"/> observations) and
/// the arm statistics, asynchronously and in any order. An arm is a point of a small finite space or a Voronoi
/// region of the unit cube (<see cref="ArmPartition"/>); its reward is the quantile of the observed value among
/// earlier ones (<c>QuantileReward</c>). Variants and ablations: <see cref="AlmabDcVariant"/>.
/// </summary>
public sealed partial class AlmabDcOptimizer : IOptimizer
{
    private readonly SearchSpace _space;
    private readonly IAcquisition _acquisition;
    private readonly DiversityPenalty? _penalty;
    private readonly IIndexPolicy? _bandit;
    private readonly ISurrogate? _gp;
    private readonly CandidatePool _pool;
    private readonly Rng _poolRng;
    private readonly Rng _choiceRng;
    private readonly Rng _acquisitionRng;
    private readonly List<double[]> _design;
    private readonly int _warmCount;
    private readonly Dictionary<int, PendingTrial> _pending = [];
    private readonly List<int> _pendingIds = []; // the keys of _pending, ascending (ids are handed out in order)
    private readonly List<double[]> _pendingUnits = [];
    private readonly List<double[]> _bestUnits = [];
    private readonly HashSet<int> _usedThisAsk = [];
    private readonly List<double[]> _xs = [];
    private readonly List<double> _ys = [];
    private readonly QuantileReward _rewards = new();
    private double[] _scores = [];
    private double[] _armIndices;
    private int _nextId;
    private int _modelCount;
    private bool _modelReady;

    /// <summary>
    /// How the bandit layer's choices went so far (diagnostics of the ablation study, section 3.5): shortlist decisions the
    /// bandit made, how many of them had every candidate in one region (the bandit cannot change the acquisition's top
    /// choice then), and how many picked another candidate than the acquisition's top one. Zero for the variants without a
    /// bandit choice (no MAB, no AL, pure BO).
    /// </summary>
    public ShortlistDiagnostics Diagnostics { get; private set; }

    /// <summary>Creates the optimizer over <paramref name="space"/>; every random choice derives from <paramref name="seed"/>.</summary>
    public AlmabDcOptimizer(SearchSpace space, Seed seed, AlmabDcOptions? options = null)
    {
        _space = space ?? throw new ArgumentNullException(nameof(space));
        Options = options ?? new AlmabDcOptions();
        Options.Validate(space);
        _acquisition = Options.Acquisition ?? new UpperConfidenceBound(2.0);
        ArmPartition = ArmPartition.Create(space, Options.MaxArms, seed.Derive("arms"));
        _armIndices = new double[ArmPartition.Arms];
        _pool = new CandidatePool(space, Options);
        _poolRng = seed.Derive("pool").CreateRng();
        _choiceRng = seed.Derive("choice").CreateRng();
        _acquisitionRng = seed.Derive("acquisition").CreateRng();
        var variant = Options.Variant;
        if ((variant is AlmabDcVariant.Ucb or AlmabDcVariant.Thompson or AlmabDcVariant.NoMab) && Options.DiversityWeight > 0)
        {
            _penalty = new DiversityPenalty(Options.DiversityWeight, Options.DiversityRadius);
        }

        _bandit = variant switch
        {
            AlmabDcVariant.Ucb or AlmabDcVariant.NoAl => new Ucb1Policy(ArmPartition.Arms, Options.ExplorationConstant),
            AlmabDcVariant.Thompson => new BetaBernoulliThompsonPolicy(ArmPartition.Arms, seed.Derive("bandit")),
            _ => null,
        };
        if (variant != AlmabDcVariant.NoAl)
        {
            var gpOptions = (Options.Gp ?? new GaussianProcessOptions()) with { Seed = seed.Derive("gp") };
            _gp = Options.Surrogate is { } factory
                ? factory(space.Dimension, seed.Derive("surrogate"))
                : new GaussianProcess(space.Dimension, gpOptions);
        }

        _design = InitialDesign(seed.Derive("design").CreateRng());
        _warmCount = Math.Max(_design.Count, 2);
        Name = variant switch
        {
            AlmabDcVariant.Ucb => "almab-dc-ucb",
            AlmabDcVariant.Thompson => "almab-dc-ts",
            AlmabDcVariant.NoMab => "almab-dc-no-mab",
            AlmabDcVariant.NoAl => "almab-dc-no-al",
            _ => "pure-bo",
        };
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The validated settings.</summary>
    public AlmabDcOptions Options { get; }

    /// <summary>The bandit controller's arms.</summary>
    public ArmPartition ArmPartition { get; }

    /// <summary>The surrogate, a GP unless <see cref="AlmabDcOptions.Surrogate"/> says otherwise (null for the "no AL" ablation).</summary>
    public ISurrogate? Surrogate
    {
        get
        {
            SyncModel();
            return _gp;
        }
    }

    /// <summary>Number of usable (non-failed) observations told.</summary>
    public int ObservationCount => _ys.Count;

    /// <summary>Number of trials asked but not yet told.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>Smallest observed value, or +infinity before the first observation.</summary>
    public double BestValue { get; private set; } = double.PositiveInfinity;

    /// <summary>Configuration of <see cref="BestValue"/>, or null.</summary>
    public Configuration? BestConfiguration { get; private set; }

    /// <inheritdoc />
    public IReadOnlyList<Trial> Ask(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var trials = new Trial[count];
        SyncModel();
        bool poolFresh = false;
        var usedThisAsk = _usedThisAsk;
        usedThisAsk.Clear();
        for (int b = 0; b < count; b++)
        {
            double[] unit;
            int arm;
            if (_nextId < _design.Count)
            {
                unit = _design[_nextId];
                arm = Register(unit);
            }
            else if (Options.Variant == AlmabDcVariant.NoAl)
            {
                arm = _bandit!.Select();
                unit = RandomInArm(arm);
            }
            else if (!_modelReady)
            {
                unit = _pool.Uniform(_choiceRng);
                arm = Register(unit);
            }
            else
            {
                if (!poolFresh)
                {
                    if (!_pool.IsEnumerated)
                    {
                        _pool.Refresh(_poolRng, BestUnits(3)); // an enumerated pool never changes and ignores them
                    }
                    poolFresh = true;
                }

                unit = Choose(usedThisAsk);
                arm = Register(unit);
            }

            var trial = new Trial(_nextId++, _space.Decode(unit));
            _pending.Add(trial.Id, new PendingTrial(trial, unit, arm));
            _pendingIds.Add(trial.Id);
            trials[b] = trial;
        }

        return trials;
    }

    /// <inheritdoc />
    public void Tell(Trial trial, Observation observation)
    {
        var pending = TellGuard.TakePending(_pending, trial, observation, Name, static (p, t) => p.Trial.Configuration.Equals(t.Configuration));
        _pendingIds.RemoveAt(_pendingIds.BinarySearch(trial.Id));
        if (observation.Failed)
        {
            _bandit?.Update(pending.Arm, 0.0);
            return;
        }

        double value = observation.Value;
        _bandit?.Update(pending.Arm, _rewards.RewardAndAdd(value));
        _xs.Add(pending.Unit);
        _ys.Add(value);
        if (value < BestValue)
        {
            BestValue = value;
            BestConfiguration = trial.Configuration;
        }

    }

    private int Register(double[] unit)
    {
        int arm = ArmPartition.ArmOf(unit);
        _bandit?.RegisterPull(arm);
        return arm;
    }

    private readonly record struct PendingTrial(Trial Trial, double[] Unit, int Arm);
}
