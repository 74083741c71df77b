using Almab.Algorithms.MultiObjective.Problems;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Surrogates;
using Almab.Algorithms.Surrogates.Kernels;

namespace Almab.Algorithms.MultiObjective.Search;

/// <summary>
/// ParEGO (Knowles 2006) on Almab's <see cref="GaussianProcess"/>, for the small MOCO sizes (D&amp;L section 6.3 and
/// appendix 10.3 run it as MOBO-qParEGO). After the shared initial design, every ask:
/// <list type="number">
/// <item>draws λ uniformly from the simplex lattice with s divisions (<see cref="WeightVectors.DasDennis"/>);</item>
/// <item>scalarizes every told evaluation by the augmented Tchebycheff function (<see cref="AugmentedTchebycheff"/>,
/// ρ = 0.05) with objectives normalized by the running minimum and maximum of the told values (the paper: "bounds
/// computed from initial samples"; ours keep updating);</item>
/// <item>fits a Matérn-5/2 ARD GP (constant mean, standardized targets) to a capped window — the
/// <see cref="ParEgoConfig.BestWindow"/> best under λ plus the <see cref="ParEgoConfig.RecentWindow"/> most recent —
/// on <see cref="SolutionEncoding"/>'s vectors (position encoding for tours, 0/1 for knapsacks);</item>
/// <item>returns the candidate of highest expected improvement below the window's best value found by
/// <see cref="ParEgoAcquisition"/> (an evolutionary search with OX / inversion / swap or uniform crossover / bit
/// flips + drop repair), never one already evaluated or pending.</item>
/// </list>
/// Departures, stated in the report: hyperparameters are refit only every <see cref="ParEgoConfig.RefitInterval"/>
/// asks (warm start); the kernel is Matérn on the encoding, not the paper's Kendall kernel; with K workers each pending
/// ask simply has its own λ (the batch diversity of qParEGO) and pending points are excluded, no fantasies.
/// </summary>
public sealed class ParEgo : IMocoSearch
{
    private readonly IMocoProblem _problem;
    private readonly ParEgoConfig _config;
    private readonly int _m;
    private readonly Rng _rng;
    private readonly int[][] _initial;
    private readonly double[][] _lattice;
    private readonly GaussianProcess _gp;
    private readonly List<int[]> _solutions = new();
    private readonly List<double[]> _encodings = new();
    private readonly List<double[]> _objectives = new();
    private readonly HashSet<int[]> _seen = new(SolutionComparer.Instance);
    private readonly double[] _lower;
    private readonly double[] _upper;
    private int _asked;
    private int _sinceFit = int.MaxValue;

    public ParEgo(IMocoProblem problem, Seed instanceSeed, Seed methodSeed, ParEgoConfig? config = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        _config = config ?? new ParEgoConfig();
        _config.Validate();
        _problem = problem;
        _m = problem.ObjectiveCount;
        _rng = methodSeed.CreateRng();
        _initial = RandomSolutions.Initial(problem, instanceSeed);
        _lattice = WeightVectors.DasDennis(_m, _config.Divisions(_m));
        int d = problem.Length;
        _gp = new GaussianProcess(d, new GaussianProcessOptions
        {
            Kernel = KernelFamily.Matern52,
            InitialHyperparameters = GpHyperparameters.Isotropic(d, 0.5 * Math.Sqrt(d), 1.0, 1e-2),
            Restarts = 0,
            Polish = false,
            MaxIterations = _config.FitIterations,
            Seed = methodSeed.Derive("gp"),
        });
        _lower = new double[_m];
        _upper = new double[_m];
        Array.Fill(_lower, double.PositiveInfinity);
        Array.Fill(_upper, double.NegativeInfinity);
    }

    public string Name => "parego";

    /// <summary>Hyperparameter fits done so far (cost accounting).</summary>
    public int HyperparameterFits { get; private set; }

    /// <summary>Evaluations the GP was conditioned on at the last model-based ask (at most BestWindow + RecentWindow).</summary>
    public int ModelPoints { get; private set; }

    /// <summary>The weight lattice λ is drawn from.</summary>
    public IReadOnlyList<double[]> Lattice => _lattice;

    public int[] Ask()
    {
        int i = _asked++;
        int[] x;
        if (i < _initial.Length)
        {
            x = (int[])_initial[i].Clone();
        }
        else if (_solutions.Count < 2)
        {
            x = Fresh(); // the initial design is still being evaluated on other workers
        }
        else
        {
            x = ModelBased();
        }

        _seen.Add((int[])x.Clone()); // a copy: the caller's array may be repaired in place before Tell
        return x;
    }

    public void Tell(int[] solution, ReadOnlySpan<double> objectives)
    {
        MocoTell.Check(Name, objectives, _m);
        ArgumentNullException.ThrowIfNull(solution);
        _seen.Add((int[])solution.Clone()); // as evaluated (the problem may have repaired it in place)
        _solutions.Add(solution);
        _encodings.Add(SolutionEncoding.Encode(_problem, solution));
        _objectives.Add(objectives.ToArray());
        for (int k = 0; k < _m; k++)
        {
            _lower[k] = Math.Min(_lower[k], objectives[k]);
            _upper[k] = Math.Max(_upper[k], objectives[k]);
        }
    }

    private int[] ModelBased()
    {
        var lambda = _lattice[_rng.Next(_lattice.Length)];
        int count = _solutions.Count;
        var scalar = new double[count];
        for (int e = 0; e < count; e++)
        {
            scalar[e] = AugmentedTchebycheff.Value(_objectives[e], lambda, _lower, _upper, _config.Rho);
        }

        var window = Window(scalar);
        var inputs = new double[window.Count][];
        var targets = new double[window.Count];
        for (int w = 0; w < window.Count; w++)
        {
            inputs[w] = _encodings[window[w]];
            targets[w] = scalar[window[w]];
        }

        ModelPoints = window.Count;
        bool refit = _sinceFit >= _config.RefitInterval;
        _gp.Fit(inputs, targets, optimizeHyperparameters: refit);
        if (refit)
        {
            HyperparameterFits++;
            _sinceFit = 0;
        }

        _sinceFit++;
        // The window is ordered best-first, so its first entries are the parents and targets[0] the incumbent.
        int parents = Math.Min(_config.Parents, window.Count);
        var parentSolutions = new int[parents][];
        for (int p = 0; p < parents; p++)
        {
            parentSolutions[p] = _solutions[window[p]];
        }

        var best = ParEgoAcquisition.Maximize(_problem, _gp, targets[0], parentSolutions, _seen, _rng, _config);
        return best ?? Fresh();
    }

    /// <summary>
    /// Indices of the GP's data: the <see cref="ParEgoConfig.BestWindow"/> lowest scalarized values first (ascending, ties
    /// by index), then the most recent evaluations not already taken (newest first). O(N log B) per ask.
    /// </summary>
    private List<int> Window(double[] scalar)
    {
        int count = scalar.Length;
        int b = Math.Min(_config.BestWindow, count);
        var best = new int[b]; // sorted ascending by (scalar, index); insertion keeps it so
        int filled = 0;
        for (int e = 0; e < count; e++)
        {
            if (filled == b && !Before(scalar, e, best[b - 1]))
            {
                continue;
            }

            int pos = filled < b ? filled++ : b - 1;
            while (pos > 0 && Before(scalar, e, best[pos - 1]))
            {
                best[pos] = best[pos - 1];
                pos--;
            }

            best[pos] = e;
        }

        var window = new List<int>(b + _config.RecentWindow);
        window.AddRange(best);
        int recentStart = Math.Max(0, count - _config.RecentWindow);
        for (int e = count - 1; e >= recentStart; e--)
        {
            if (Array.IndexOf(best, e) < 0)
            {
                window.Add(e);
            }
        }

        return window;
    }

    private static bool Before(double[] scalar, int a, int b) => scalar[a] < scalar[b] || (scalar[a] == scalar[b] && a < b);

    /// <summary>A random feasible solution not yet seen (a few tries; duplicates only on tiny problems).</summary>
    private int[] Fresh()
    {
        var x = RandomSolutions.Draw(_problem, _rng);
        for (int t = 0; t < 16 && _seen.Contains(x); t++)
        {
            x = RandomSolutions.Draw(_problem, _rng);
        }

        return x;
    }
}
