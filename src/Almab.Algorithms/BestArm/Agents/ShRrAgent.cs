using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.BestArm.Agents;

/// <summary>
/// Successive Halving with Resource Rationing (SH-RR; SH-RR paper, section 4, Algorithm 1; the published variant
/// "Recycle_FailureFlag_History", as read in shared/papers/README.md). Phases q = 1..ceil(log2 K); phase q has a
/// ration R_{l,q} of each resource (R_{l,1} = C_l / ceil(log2 K)); survivors are pulled round robin; after each
/// pull, once some resource's phase consumption reaches R_{l,q} − 1 the phase ends: each survivor's mean over its
/// first m rewards (m = the fewest pulls among survivors; rewards are kept across phases) ranks the survivors, the
/// better ceil(n/2) stay (random tie-break), and R_{l,q+1} = C_l / ceil(log2 K) + R_{l,q} − (phase q's use).
/// A survivor without a pull at the end of phase 1 is a failure: the agent stops and answers -1. With two
/// survivors when the episode stops, <see cref="Recommend"/> performs the last elimination.
/// </summary>
public sealed class ShRrAgent : IBestArmAgent
{
    private readonly RewardHistory _history = new();
    private int[] _survivors = [];
    private RankedArm[] _ranked = [];
    private double[] _ration = [];
    private double[] _phaseUse = [];
    private double[] _budgets = [];
    private Rng _rng = new(0UL);
    private int _arms;
    private int _resources;
    private int _phases;
    private int _alive;
    private int _cursor;
    private int _phase;
    private bool _failed;

    /// <inheritdoc />
    public string Name => "sh-rr";

    /// <summary>Current phase, 0-based (the paper's q − 1).</summary>
    public int Phase => _phase;

    /// <summary>Number of surviving arms.</summary>
    public int Survivors => _alive;

    /// <summary>True once the failure rule fired.</summary>
    public bool Failed => _failed;

    /// <summary>Ration of resource <paramref name="resource"/> in the current phase (R_{l,q}).</summary>
    public double Ration(int resource) => _ration[resource];

    /// <summary>Pulls of <paramref name="arm"/> so far in the episode.</summary>
    public int Pulls(int arm) => _history.Count(arm);

    /// <inheritdoc />
    public void Reset(int arms, ReadOnlySpan<double> budgets, ulong seed)
    {
        _phases = Halving.Phases(arms);
        _arms = arms;
        _resources = budgets.Length;
        if (_survivors.Length < arms)
        {
            _survivors = new int[arms];
            _ranked = new RankedArm[arms];
        }

        if (_ration.Length < _resources)
        {
            _ration = new double[_resources];
            _phaseUse = new double[_resources];
            _budgets = new double[_resources];
        }

        for (int l = 0; l < _resources; l++)
        {
            _budgets[l] = budgets[l];
            _ration[l] = budgets[l] / _phases;
            _phaseUse[l] = 0;
        }

        for (int k = 0; k < arms; k++)
        {
            _survivors[k] = k;
        }

        _history.Reset(arms);
        _rng = new Rng(seed);
        _alive = arms;
        _cursor = 0;
        _phase = 0;
        _failed = false;
    }

    /// <inheritdoc />
    public int Choose()
    {
        if (_failed)
        {
            return -1;
        }

        int arm = _survivors[_cursor];
        _cursor = _cursor + 1 == _alive ? 0 : _cursor + 1;
        return arm;
    }

    /// <inheritdoc />
    public void Observe(int arm, double reward, ReadOnlySpan<double> consumption)
    {
        _history.Add(arm, reward);
        bool endPhase = false;
        for (int l = 0; l < _resources; l++)
        {
            double used = _phaseUse[l] + consumption[l];
            _phaseUse[l] = used;
            endPhase |= used >= _ration[l] - 1;
        }

        if (endPhase && _alive > 1)
        {
            Eliminate();
        }
    }

    /// <inheritdoc />
    public int Recommend()
    {
        while (!_failed && _alive > 1)
        {
            Eliminate();
        }

        return _failed ? -1 : _survivors[0];
    }

    private void Eliminate()
    {
        int m = int.MaxValue;
        for (int i = 0; i < _alive; i++)
        {
            m = Math.Min(m, _history.Count(_survivors[i]));
        }

        if (_phase == 0 && m == 0)
        {
            _failed = true;
            return;
        }

        for (int i = 0; i < _alive; i++)
        {
            int k = _survivors[i];
            _ranked[i] = new RankedArm(k, m == 0 ? 0.0 : _history.SumOfFirst(k, m) / m, 0);
        }

        _alive = Halving.KeepBetterHalf(_ranked.AsSpan(0, _alive), _rng, _survivors);
        _cursor = 0;
        if (_alive == 1)
        {
            return;
        }

        for (int l = 0; l < _resources; l++)
        {
            _ration[l] = _budgets[l] / _phases + _ration[l] - _phaseUse[l];
            _phaseUse[l] = 0;
        }

        _phase++;
    }
}
