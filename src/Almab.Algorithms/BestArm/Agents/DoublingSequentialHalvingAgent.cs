using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.BestArm.Agents;

/// <summary>
/// Sequential Halving (Karnin et al., 2013) made anytime by the doubling trick (DSH; SH-RR paper, section 7): run
/// fixed-budget SH with T = K ceil(log2 K) pulls, then with 2T, 4T, ... from scratch. Within a run, phase r gives each
/// of its n_r survivors floor(T / ceil(log2 K) / n_r) pulls, arm after arm in ascending order (as the published
/// code), ranks them by that phase's mean and keeps the better ceil(n_r / 2) (random tie-break). The recommendation
/// is the winner of the last completed run; before the first completes it is arm 0, which the episode's shuffle
/// makes a uniformly random arm (the published code's J = 1). Protocol note: the published oracle spends one
/// extra pull on a run's winner before restarting; Almab restarts at once. Ignores consumption.
/// </summary>
public sealed class DoublingSequentialHalvingAgent : IBestArmAgent
{
    private int[] _survivors = [];
    private RankedArm[] _ranked = [];
    private double[] _phaseSum = [];
    private Rng _rng = new(0UL);
    private int _arms;
    private int _phases;
    private long _runBudget;
    private int _alive;
    private int _position;
    private int _pullsEach;
    private int _pullsLeftForArm;
    private int _recommendation;

    /// <inheritdoc />
    public string Name => "dsh";

    /// <summary>Budget T (pulls) of the run in progress.</summary>
    public long RunBudget => _runBudget;

    /// <inheritdoc />
    public void Reset(int arms, ReadOnlySpan<double> budgets, ulong seed)
    {
        _phases = Halving.Phases(arms);
        _arms = arms;
        if (_survivors.Length < arms)
        {
            _survivors = new int[arms];
            _ranked = new RankedArm[arms];
            _phaseSum = new double[arms];
        }

        _rng = new Rng(seed);
        _runBudget = (long)arms * _phases;
        _recommendation = 0;
        StartRun();
    }

    /// <inheritdoc />
    public int Choose() => _survivors[_position];

    /// <inheritdoc />
    public void Observe(int arm, double reward, ReadOnlySpan<double> consumption)
    {
        _phaseSum[arm] += reward;
        if (--_pullsLeftForArm > 0)
        {
            return;
        }

        if (++_position < _alive)
        {
            _pullsLeftForArm = _pullsEach;
            return;
        }

        for (int i = 0; i < _alive; i++)
        {
            int k = _survivors[i];
            _ranked[i] = new RankedArm(k, _phaseSum[k] / _pullsEach, 0);
        }

        _alive = Halving.KeepBetterHalf(_ranked.AsSpan(0, _alive), _rng, _survivors);
        if (_alive == 1)
        {
            _recommendation = _survivors[0];
            _runBudget *= 2;
            StartRun();
        }
        else
        {
            StartPhase();
        }
    }

    /// <inheritdoc />
    public int Recommend() => _recommendation;

    private void StartRun()
    {
        _alive = _arms;
        for (int k = 0; k < _arms; k++)
        {
            _survivors[k] = k;
        }

        StartPhase();
    }

    private void StartPhase()
    {
        Array.Clear(_phaseSum, 0, _arms);
        _pullsEach = (int)Math.Min(int.MaxValue, _runBudget / _phases / _alive);
        _position = 0;
        _pullsLeftForArm = _pullsEach;
    }
}
