using Almab.Algorithms.Objectives;
using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

namespace Almab.Sim.Tests.Runs;

/// <summary>A minimal ask/tell optimizer for the Runs tests: uniform random search that checks the contract.</summary>
internal sealed class RandomSearchOptimizer(SearchSpace space, Seed seed) : IOptimizer
{
    private readonly Rng _rng = seed.CreateRng();
    private readonly HashSet<int> _pending = new();
    private int _next;

    public string Name => "random-search";

    public List<int> AskSizes { get; } = new();

    public List<(Trial Trial, Observation Observation)> Told { get; } = new();

    public IReadOnlyList<Trial> Ask(int count)
    {
        AskSizes.Add(count);
        var trials = new Trial[count];
        for (int i = 0; i < count; i++)
        {
            trials[i] = new Trial(_next, space.Sample(_rng));
            _pending.Add(_next++);
        }

        return trials;
    }

    public void Tell(Trial trial, Observation observation)
    {
        observation.EnsureUsable();
        if (!_pending.Remove(trial.Id))
        {
            throw new ArgumentException($"trial {trial.Id} is not pending");
        }

        Told.Add((trial, observation));
    }
}
