using Almab.Algorithms.Objectives;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Optimizers.Baselines;

/// <summary>
/// Grid Search (paper 000, section 3.3: a non-adaptive lower-bound reference): the Cartesian product of evenly spaced
/// values per parameter (<c>GridLevels</c>: all values of a finite parameter with at most r values, otherwise r evenly
/// spaced values with both endpoints), handed out once each. Our choices, since the paper gives none: the order is
/// lexicographic with the first parameter varying slowest and the last fastest (as Python's itertools.product), the
/// budget is the grid size (Ask returns fewer, then no, trials once the grid is exhausted), and
/// <see cref="ForBudget"/> picks the finest grid that fits a given evaluation budget.
/// </summary>
public sealed partial class GridSearch : IOptimizer
{
    /// <summary>The largest grid this class enumerates.</summary>
    public const int MaxPoints = 1 << 22;

    private readonly TrialLedger _ledger;
    private readonly Configuration[] _points;
    private int _next;

    /// <summary>Creates a grid with at most <paramref name="levelsPerParameter"/> values per parameter.</summary>
    /// <param name="space">The search space.</param>
    /// <param name="levelsPerParameter">Values per parameter r (a finite parameter with fewer values keeps all).</param>
    /// <param name="initialDesign">Points handed out before the grid (they extend the budget).</param>
    public GridSearch(SearchSpace space, int levelsPerParameter, IReadOnlyList<Configuration>? initialDesign = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (levelsPerParameter < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(levelsPerParameter), levelsPerParameter, "grid-search: levelsPerParameter must be >= 1");
        }

        var levels = new double[space.Dimension][];
        long size = 1;
        for (int i = 0; i < levels.Length; i++)
        {
            levels[i] = GridLevels.Of(space.Parameters[i], levelsPerParameter);
            size *= levels[i].Length;
            if (size > MaxPoints)
            {
                throw new ArgumentException($"grid-search: the grid has more than {MaxPoints} points; lower levelsPerParameter ({levelsPerParameter})", nameof(levelsPerParameter));
            }
        }

        _points = Product(levels);
        LevelsPerParameter = levelsPerParameter;
        _ledger = new TrialLedger("grid-search", space, initialDesign, (initialDesign?.Count ?? 0) + (int)size);
    }

    private GridSearch(SearchSpace space, Configuration[] points, int levelsPerParameter, IReadOnlyList<Configuration>? initialDesign)
    {
        _points = points;
        LevelsPerParameter = levelsPerParameter;
        _ledger = new TrialLedger("grid-search", space, initialDesign, (initialDesign?.Count ?? 0) + points.Length);
    }

    /// <summary>The Cartesian product of the given values, first parameter slowest.</summary>
    private static Configuration[] Product(double[][] levels)
    {
        long size = 1;
        foreach (var l in levels)
        {
            size *= l.Length;
        }

        var points = new Configuration[size];
        var odometer = new int[levels.Length];
        var values = new double[levels.Length];
        for (int n = 0; n < size; n++)
        {
            for (int i = 0; i < levels.Length; i++)
            {
                values[i] = levels[i][odometer[i]];
            }

            points[n] = new Configuration(values);
            for (int i = levels.Length - 1; i >= 0; i--)
            {
                if (++odometer[i] < levels[i].Length)
                {
                    break;
                }

                odometer[i] = 0;
            }
        }

        return points;
    }

    /// <inheritdoc />
    public string Name => "grid-search";

    /// <summary>The requested values per parameter r.</summary>
    public int LevelsPerParameter { get; }

    /// <summary>The grid in the order it is handed out.</summary>
    public IReadOnlyList<Configuration> Points => _points;

    /// <summary>Trials asked and not yet told.</summary>
    public int PendingCount => _ledger.PendingCount;

    /// <summary>
    /// The finest grid that, after the initial design, fits <paramref name="budget"/> evaluations in all: the largest
    /// r such that the product over parameters of min(cardinality, r) is at most the budget minus the initial design
    /// (r = 1, one point, when even that does not fit).
    /// </summary>
    public static GridSearch ForBudget(SearchSpace space, int budget, IReadOnlyList<Configuration>? initialDesign = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (budget < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(budget), budget, "grid-search: budget must be >= 1 evaluation");
        }

        int room = Math.Max(1, budget - (initialDesign?.Count ?? 0));
        int best = 1;
        for (int r = 2; r <= room; r++)
        {
            double size = 1;
            bool grows = false;
            foreach (var p in space.Parameters)
            {
                long c = p.Cardinality ?? long.MaxValue;
                size *= Math.Min(c, r);
                grows |= c >= r;
            }

            if (size > room || !grows)
            {
                break;
            }

            best = r;
        }

        return new GridSearch(space, best, initialDesign);
    }

    /// <inheritdoc />
    public IReadOnlyList<Trial> Ask(int count)
    {
        int n = _ledger.Allowance(count);
        var trials = new Trial[n];
        for (int i = 0; i < n; i++)
        {
            trials[i] = _ledger.Issue(_ledger.TryNextInitial(out var c) ? c : _points[_next++]);
        }

        return trials;
    }

    /// <inheritdoc />
    public void Tell(Trial trial, Observation observation) => _ledger.Accept(trial, observation);
}
