using Almab.Algorithms.MultiObjective.Problems;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.MultiObjective.Search;

/// <summary>Random search: the shared initial design, then independent <see cref="RandomSolutions.Draw"/> samples.</summary>
public sealed class RandomSearch : IMocoSearch
{
    private readonly IMocoProblem _problem;
    private readonly int[][] _initial;
    private readonly Rng _rng;
    private int _asked;

    public RandomSearch(IMocoProblem problem, Seed instanceSeed, Seed methodSeed)
    {
        _problem = problem;
        _initial = RandomSolutions.Initial(problem, instanceSeed);
        _rng = methodSeed.CreateRng();
    }

    public string Name => "random";

    public int[] Ask()
    {
        int i = _asked++;
        return i < _initial.Length ? (int[])_initial[i].Clone() : RandomSolutions.Draw(_problem, _rng);
    }

    public void Tell(int[] solution, ReadOnlySpan<double> objectives) =>
        MocoTell.Check(Name, objectives, _problem.ObjectiveCount);
}
