using Almab.Algorithms.MultiObjective.Problems;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.MultiObjective.Search;

/// <summary>
/// NSGA-II (Deb, Pratap, Agarwal and Meyarivan 2002) in ask/tell form. Population N (default 100) starts from the
/// shared initial design (topped up with random solutions). Offspring: binary tournament on (rank, −crowding), then
/// with probability 0.9 crossover (OX for permutations, uniform for binary), then mutation (inversion or swap with
/// equal odds, always applied; bit flip at 1/n plus greedy repair for the knapsack). When N offspring have been told,
/// parents + told offspring go through <see cref="Nsga2Selection"/>. Asks beyond the current generation draw more
/// offspring from the same parents, so pending asks on K workers never stall. CVRP uses the permutation operators on
/// the giant tour (the paper used route-based operators; ours are generic, stated in the report).
/// </summary>
public sealed class Nsga2 : IMocoSearch
{
    private readonly IMocoProblem _problem;
    private readonly int _m;
    private readonly Rng _rng;
    private readonly int _populationSize;
    private readonly Queue<int[]> _initial;
    private readonly List<int[]> _popSolutions = new();
    private readonly List<double[]> _popObjectives = new();
    private readonly List<int[]> _offSolutions = new();
    private readonly List<double[]> _offObjectives = new();
    private int[] _rank = [];
    private double[] _crowding = [];

    public Nsga2(IMocoProblem problem, Seed instanceSeed, Seed methodSeed, int populationSize = 100)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(populationSize, 4);
        _problem = problem;
        _m = problem.ObjectiveCount;
        _rng = methodSeed.CreateRng();
        _populationSize = populationSize;
        var init = RandomSolutions.Initial(problem, instanceSeed).ToList();
        while (init.Count < populationSize)
        {
            init.Add(RandomSolutions.Draw(problem, _rng));
        }

        _initial = new Queue<int[]>(init.Take(populationSize));
    }

    public string Name => "nsga2";

    /// <summary>Completed generations (environmental selections).</summary>
    public int Generations { get; private set; }

    public int[] Ask()
    {
        if (_initial.Count > 0)
        {
            return (int[])_initial.Dequeue().Clone();
        }

        if (_popSolutions.Count < 2)
        {
            // The initial population is still being evaluated: sample more random solutions meanwhile.
            return RandomSolutions.Draw(_problem, _rng);
        }

        return Offspring();
    }

    public void Tell(int[] solution, ReadOnlySpan<double> objectives)
    {
        MocoTell.Check(Name, objectives, _m);
        if (Generations == 0 && _popSolutions.Count < _populationSize)
        {
            _popSolutions.Add(solution);
            _popObjectives.Add(objectives.ToArray());
            if (_popSolutions.Count == _populationSize)
            {
                Environmental(); // ranks and crowding of the initial population for the tournament
            }

            return;
        }

        _offSolutions.Add(solution);
        _offObjectives.Add(objectives.ToArray());
        if (_offSolutions.Count >= _populationSize)
        {
            _popSolutions.AddRange(_offSolutions);
            _popObjectives.AddRange(_offObjectives);
            _offSolutions.Clear();
            _offObjectives.Clear();
            Environmental();
            Generations++;
        }
    }

    private void Environmental()
    {
        int count = _popSolutions.Count;
        var flat = new double[count * _m];
        for (int i = 0; i < count; i++)
        {
            _popObjectives[i].CopyTo(flat, i * _m);
        }

        var rank = new int[count];
        var crowd = new double[count];
        int k = Math.Min(_populationSize, count);
        var chosen = Nsga2Selection.Select(flat, count, _m, k, rank, crowd);
        var sol = new List<int[]>(k);
        var obj = new List<double[]>(k);
        _rank = new int[k];
        _crowding = new double[k];
        for (int i = 0; i < k; i++)
        {
            sol.Add(_popSolutions[chosen[i]]);
            obj.Add(_popObjectives[chosen[i]]);
            _rank[i] = rank[chosen[i]];
            _crowding[i] = crowd[chosen[i]];
        }

        _popSolutions.Clear();
        _popSolutions.AddRange(sol);
        _popObjectives.Clear();
        _popObjectives.AddRange(obj);
    }

    private int Tournament()
    {
        int count = _popSolutions.Count;
        int a = _rng.Next(count);
        int b = _rng.Next(count);
        if (_rank.Length < count)
        {
            return a;
        }

        if (_rank[a] != _rank[b])
        {
            return _rank[a] < _rank[b] ? a : b;
        }

        return _crowding[a] >= _crowding[b] ? a : b;
    }

    private int[] Offspring()
    {
        var pa = _popSolutions[Tournament()];
        var pb = _popSolutions[Tournament()];
        var child = new int[pa.Length];
        bool cross = _rng.NextDouble() < 0.9;
        if (_problem.Encoding == MocoEncoding.Permutation)
        {
            if (cross)
            {
                PermutationOperators.OrderCrossover(pa, pb, child, _rng);
            }
            else
            {
                pa.CopyTo(child, 0);
            }

            if ((_rng.NextUInt64() & 1) == 0)
            {
                PermutationOperators.Inversion(child, _rng);
            }
            else
            {
                PermutationOperators.Swap(child, _rng);
            }

            return child;
        }

        if (cross)
        {
            BinaryOperators.UniformCrossover(pa, pb, child, _rng);
        }
        else
        {
            pa.CopyTo(child, 0);
        }

        BinaryOperators.BitFlip(child, 1.0 / child.Length, _rng);
        BinaryOperators.GreedyRepair((KnapsackProblem)_problem, child);
        return child;
    }
}
