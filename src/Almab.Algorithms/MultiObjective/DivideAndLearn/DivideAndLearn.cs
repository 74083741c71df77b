using Almab.Algorithms.MultiObjective.Indicators;
using Almab.Algorithms.MultiObjective.Problems;
using Almab.Algorithms.MultiObjective.Search;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.MultiObjective.DivideAndLearn;

/// <summary>
/// D&amp;L, "Divide &amp; Learn" (paper Algorithm 1), in ask/tell form. The budget after the shared initial design is split
/// evenly over W weight vectors (<see cref="WeightVectors.Spread"/>); each weight runs Algorithm 1 on the scalarized
/// reward (weighted sum by default, Tchebycheff available) with fresh statistics, starting from the best archived
/// solution for that weight. One iteration: pick the next subproblem (sliding windows, then k-NN groups, cyclically),
/// rebuild its positions by <see cref="ExpertMixture"/> (for permutations, the cities currently in those positions
/// are re-ordered; for the knapsack, each bit is chosen and the problem repairs), evaluate, then LocalRefine —
/// <see cref="DlConfig.Rounds"/> zeroth-order perturbations inside the same subproblem (a 2-opt segment reversal or
/// swap; bit flips), radius growing by one (to 3) after <see cref="DlConfig.Patience"/> non-improving evaluations.
/// Every evaluation updates all experts (UpdateExperts) and the duals (DualUpdate) and moves the incumbent when it
/// improves. The reward is the scalarized cost min–max normalized to [0,1] over what this weight has seen.
/// Per-weight iterations are set by the budget, not the paper's "max iterations" (which its budgets imply).
/// </summary>
public sealed class DivideAndLearn : IMocoSearch
{
    private readonly IMocoProblem _problem;
    private readonly DlConfig _config;
    private readonly Rng _rng;
    private readonly int _n;
    private readonly int _actions;
    private readonly Queue<int[]> _initial;
    private readonly double[][] _weights;
    private readonly int[] _weightBudget;
    private readonly List<double[]> _seen = new();
    private readonly ExpertMixture _mixture;
    private readonly Dictionary<int[], Proposal> _pending = new(ReferenceEqualityComparer.Instance);
    private readonly List<int[]> _knnGroups;
    private int _weight = -1;
    private int _askedThisWeight;
    private Scalarization _scalar = null!;
    private PositionActionStatistics _stats = null!;
    private LagrangianDuals _duals = null!;
    private List<int[]> _windows = null!;
    private int[] _overlapCount = null!;
    private int _overlap;
    private int[] _incumbent = null!;
    private double _incumbentCost;
    private double _costMin, _costMax;
    private int _iteration;
    private int _cursor;
    private int[] _subproblem = [];
    private int _localLeft;
    private int _stagnation;
    private int _radius = 1;

    private sealed record Proposal(int Weight, int[] Positions, double[] Probabilities);

    /// <param name="problem">The instance.</param>
    /// <param name="config">Hyperparameters (validated).</param>
    /// <param name="budget">Total evaluations this run will be given (initial design included).</param>
    /// <param name="instanceSeed">The instance's seed (shared initial design).</param>
    /// <param name="methodSeed">This method's own stream.</param>
    public DivideAndLearn(IMocoProblem problem, DlConfig config, int budget, Seed instanceSeed, Seed methodSeed)
    {
        config.Validate();
        _problem = problem;
        _config = config;
        _rng = methodSeed.CreateRng();
        _n = problem.Length;
        _actions = problem.Encoding == MocoEncoding.Permutation ? _n : 2;
        _initial = new Queue<int[]>(RandomSolutions.Initial(problem, instanceSeed));
        _weights = config.Weights is { } given
            ? given.Count > 0 ? given.Select(w => Scalarization.Normalize(w, problem.ObjectiveCount)).ToArray() : throw new ArgumentException("D&L needs at least one weight vector")
            : WeightVectors.Spread(problem.ObjectiveCount, config.WeightVectorCount);
        foreach (var w in _weights)
        {
            _ = new Scalarization(config.Scalarization, w, problem.Spec); // validates weights and the ideal/reference box
        }

        int rest = Math.Max(budget - _initial.Count, _weights.Length);
        _weightBudget = new int[_weights.Length];
        for (int k = 0; k < _weights.Length; k++)
        {
            _weightBudget[k] = rest / _weights.Length + (k < rest % _weights.Length ? 1 : 0);
        }

        _mixture = new ExpertMixture(config, _n);
        int groups = Decomposition.SlidingWindows(_n, config.DecompositionSize, config.InitialOverlap).Count;
        _knnGroups = Decomposition.NearestNeighbourGroups(problem, config.DecompositionSize, groups);
        Archive = new ParetoArchive(problem.ObjectiveCount);
    }

    public string Name => _config.Name;

    /// <summary>Every solution told, non-dominated part.</summary>
    public ParetoArchive Archive { get; }

    public int[] Ask()
    {
        if (_initial.Count > 0)
        {
            var x0 = (int[])_initial.Dequeue().Clone();
            _pending[x0] = new Proposal(-1, [], []);
            return x0;
        }

        if (_weight < 0 || (_askedThisWeight >= _weightBudget[_weight] && _weight < _weights.Length - 1))
        {
            StartWeight(_weight + 1);
        }

        _askedThisWeight++;
        var x = (int[])_incumbent.Clone();
        if (_localLeft > 0)
        {
            _localLeft--;
            Perturb(x, _subproblem);
            _pending[x] = new Proposal(_weight, _subproblem, Probabilities(x, _subproblem));
            return x;
        }

        NextSubproblem();
        var probabilities = Construct(x, _subproblem);
        _localLeft = _config.Rounds;
        _pending[x] = new Proposal(_weight, _subproblem, probabilities);
        return x;
    }

    public void Tell(int[] solution, ReadOnlySpan<double> objectives)
    {
        MocoTell.Check(Name, objectives, _problem.ObjectiveCount);
        if (!_pending.Remove(solution, out var proposal))
        {
            throw new ArgumentException($"{Name}: told a solution that was not asked (or told twice)");
        }

        Archive.Offer(objectives, solution);
        _seen.Add(objectives.ToArray());
        if (proposal.Weight < 0 || proposal.Weight != _weight)
        {
            return; // initial design, or a straggler from an earlier weight: archived only
        }

        double cost = _scalar.Cost(objectives);
        _costMin = Math.Min(_costMin, cost);
        _costMax = Math.Max(_costMax, cost);
        double r = _costMax > _costMin ? Math.Clamp((_costMax - cost) / (_costMax - _costMin), 0.0, 1.0) : 0.5;
        var positions = proposal.Positions;
        for (int k = 0; k < positions.Length; k++)
        {
            int i = positions[k];
            int a = solution[i];
            _stats.Update(i, a, r, proposal.Probabilities[k], _config.LearningRate, _config.ImportanceClip, _n);
            if (_config.UseDuals && _overlapCount[i] > 1)
            {
                _duals.Step(i, _stats.SoftViolation(i, a, _overlapCount[i]));
            }
        }

        if (cost < _incumbentCost - 1e-12)
        {
            _incumbent = (int[])solution.Clone();
            _incumbentCost = cost;
            _stagnation = 0;
            _radius = 1;
        }
        else if (++_stagnation >= _config.Patience)
        {
            _stagnation = 0;
            _radius = Math.Min(_radius + 1, 3);
        }
    }

    private void StartWeight(int k)
    {
        _weight = k;
        _askedThisWeight = 0;
        _scalar = new Scalarization(_config.Scalarization, _weights[k], _problem.Spec);
        _stats = new PositionActionStatistics(_n, _actions);
        _duals = new LagrangianDuals(_n, _config.DualStep);
        _overlap = _config.InitialOverlap;
        _windows = Decomposition.SlidingWindows(_n, _config.DecompositionSize, _overlap);
        _overlapCount = Decomposition.OverlapCounts(_n, _windows);
        _iteration = 0;
        _cursor = 0;
        _localLeft = 0;
        _stagnation = 0;
        _radius = 1;
        _costMin = double.PositiveInfinity;
        _costMax = double.NegativeInfinity;
        foreach (var o in _seen)
        {
            double c = _scalar.Cost(o);
            _costMin = Math.Min(_costMin, c);
            _costMax = Math.Max(_costMax, c);
        }

        _incumbentCost = double.PositiveInfinity;
        for (int i = 0; i < Archive.Count; i++)
        {
            double c = _scalar.Cost(Archive.Objectives[i]);
            if (c < _incumbentCost)
            {
                _incumbentCost = c;
                _incumbent = (int[])Archive.Solutions[i].Clone();
            }
        }

        _incumbent ??= RandomSolutions.Draw(_problem, _rng);
    }

    private double Temperature() =>
        Math.Max(_config.MinimumTemperature, _config.InitialTemperature * Math.Pow(_config.TemperatureDecay, _iteration));

    private void NextSubproblem()
    {
        _iteration++;
        int total = _windows.Count + _knnGroups.Count;
        if (_cursor >= total)
        {
            _cursor = 0;
            int sweeps = _iteration / Math.Max(1, total);
            int overlap = Decomposition.Overlap(_config.InitialOverlap, _config.OverlapDecay, sweeps);
            if (overlap != _overlap)
            {
                _overlap = overlap;
                _windows = Decomposition.SlidingWindows(_n, _config.DecompositionSize, _overlap);
                _overlapCount = Decomposition.OverlapCounts(_n, _windows);
            }
        }

        int c = _cursor++;
        if (c < _windows.Count)
        {
            _subproblem = _windows[c];
            return;
        }

        var group = _knnGroups[c - _windows.Count];
        if (_problem.Encoding == MocoEncoding.Binary)
        {
            _subproblem = group;
            return;
        }

        // Permutations: the positions that currently hold the group's elements.
        var where = new int[_n];
        for (int i = 0; i < _n; i++)
        {
            where[_incumbent[i]] = i;
        }

        var positions = new int[group.Length];
        for (int j = 0; j < group.Length; j++)
        {
            positions[j] = where[group[j]];
        }

        Array.Sort(positions);
        _subproblem = positions;
    }

    private double[] Construct(int[] x, int[] positions)
    {
        double tau = Temperature();
        var probabilities = new double[positions.Length];
        if (_problem.Encoding == MocoEncoding.Binary)
        {
            ReadOnlySpan<int> bits = [0, 1];
            for (int k = 0; k < positions.Length; k++)
            {
                int i = positions[k];
                x[i] = _mixture.Select(_stats, i, bits, tau, Lambda(i), _overlapCount[i], _rng, out probabilities[k]);
            }

            return probabilities;
        }

        var feasible = new int[positions.Length];
        for (int k = 0; k < positions.Length; k++)
        {
            feasible[k] = x[positions[k]];
        }

        int left = feasible.Length;
        for (int k = 0; k < positions.Length; k++)
        {
            int i = positions[k];
            int city = _mixture.Select(_stats, i, feasible.AsSpan(0, left), tau, Lambda(i), _overlapCount[i], _rng, out probabilities[k]);
            x[i] = city;
            int idx = Array.IndexOf(feasible, city, 0, left);
            feasible[idx] = feasible[--left];
        }

        return probabilities;
    }

    private double[] Probabilities(int[] x, int[] positions)
    {
        double tau = Temperature();
        var probabilities = new double[positions.Length];
        Span<int> bits = [0, 1];
        var cities = new int[positions.Length];
        for (int k = 0; k < positions.Length; k++)
        {
            cities[k] = x[positions[k]];
        }

        for (int k = 0; k < positions.Length; k++)
        {
            int i = positions[k];
            ReadOnlySpan<int> feasible = _problem.Encoding == MocoEncoding.Binary ? bits : cities;
            probabilities[k] = _mixture.Probability(_stats, i, feasible, x[i], tau, Lambda(i), _overlapCount[i], _rng);
        }

        return probabilities;
    }

    private double Lambda(int i) => _config.UseDuals && _overlapCount[i] > 1 ? _duals.Lambda(i) : 0.0;

    private void Perturb(int[] x, int[] positions)
    {
        int d = positions.Length;
        if (d < 2)
        {
            return;
        }

        bool contiguous = positions[d - 1] - positions[0] == d - 1;
        for (int move = 0; move < _radius; move++)
        {
            if (_problem.Encoding == MocoEncoding.Binary)
            {
                x[positions[_rng.Next(d)]] ^= 1;
                continue;
            }

            int u = _rng.Next(d);
            int v = _rng.Next(d - 1);
            if (v >= u)
            {
                v++;
            }

            if (u > v)
            {
                (u, v) = (v, u);
            }

            if (contiguous && (_rng.NextUInt64() & 1) == 0)
            {
                x.AsSpan(positions[u], positions[v] - positions[u] + 1).Reverse();
            }
            else
            {
                (x[positions[u]], x[positions[v]]) = (x[positions[v]], x[positions[u]]);
            }
        }
    }
}
