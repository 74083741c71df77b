using Almab.Algorithms.Bandits;
using Almab.Algorithms.Objectives;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Optimizers.AlmabDc;

/// <summary>
/// The distributed variant of the illustrative example (ALMAB-DC section 2.6, eq. (8)): each arm is a point of a
/// finite space (e.g. the 15 arms of <c>GaussianMixtureArmsObjective</c>); one <see cref="Ask"/> of K trials is one
/// round in which the bandit chooses a single arm a_t and all K agents evaluate it; once the K results are told,
/// their mean reward r_bar_t = (1/K) sum_j r_t^(j) updates the arm once (n_a += 1), so the update sees variance
/// sigma^2 / K. With K = 1 it is the sequential (non-distributed) bandit. Rewards are maximized: r = -Value.
/// Failed evaluations are left out of the mean; a round whose K evaluations all failed stays pending in the
/// bandit (counted in n, no reward) - our choice, the paper has no failures.
/// </summary>
public sealed class DistributedAveragingOptimizer : IOptimizer
{
    private readonly SearchSpace _space;
    private readonly IBanditPolicy _policy;
    private readonly List<Configuration> _points;
    private readonly Dictionary<int, Round> _roundOfTrial = [];
    private int _nextId;

    /// <summary>Creates the optimizer; <paramref name="policy"/> must have one arm per point of <paramref name="space"/>.</summary>
    public DistributedAveragingOptimizer(SearchSpace space, IBanditPolicy policy, string name = "almab-dc-distributed")
    {
        _space = space ?? throw new ArgumentNullException(nameof(space));
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (space.Cardinality is not long c || c > 1_000_000)
        {
            throw new ArgumentException("The distributed-averaging optimizer needs a finite space of at most 10^6 points (one arm each).", nameof(space));
        }

        _points = SpaceEnumeration.All(space);
        if (_points.Count != policy.Arms)
        {
            throw new ArgumentException($"The space has {_points.Count} points but the policy has {policy.Arms} arms.", nameof(policy));
        }

        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The bandit policy (its statistics are the arm estimates mu_i of eq. (8)).</summary>
    public IBanditPolicy Policy => _policy;

    /// <summary>Arm index of a configuration of the space (enumeration order: first parameter slowest).</summary>
    public int ArmOf(Configuration configuration)
    {
        int i = _points.IndexOf(configuration);
        return i >= 0 ? i : throw new ArgumentException($"{configuration} is not a point of the space.", nameof(configuration));
    }

    /// <summary>One round: <paramref name="count"/> (= K agents) copies of the arm the bandit selects (none for 0: no round).</summary>
    public IReadOnlyList<Trial> Ask(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return [];
        }

        int arm = _policy.Select();
        var round = new Round(arm, _points[arm], count);
        var trials = new Trial[count];
        for (int j = 0; j < count; j++)
        {
            trials[j] = new Trial(_nextId++, _points[arm]);
            _roundOfTrial.Add(trials[j].Id, round);
        }

        return trials;
    }

    /// <inheritdoc />
    public void Tell(Trial trial, Observation observation)
    {
        var round = TellGuard.TakePending(_roundOfTrial, trial, observation, Name, static (r, t) => r.Point.Equals(t.Configuration));
        round.Outstanding--;
        if (!observation.Failed)
        {
            round.Sum += -observation.Value;
            round.Successes++;
        }

        if (round.Outstanding == 0 && round.Successes > 0)
        {
            _policy.Update(round.Arm, round.Sum / round.Successes);
        }
    }

    private sealed class Round(int arm, Configuration point, int size)
    {
        public int Arm { get; } = arm;

        public Configuration Point { get; } = point;

        public int Outstanding { get; set; } = size;

        public double Sum { get; set; }

        public int Successes { get; set; }
    }
}
