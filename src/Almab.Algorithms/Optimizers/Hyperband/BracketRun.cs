using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Optimizers.Hyperband;

/// <summary>
/// The running state of one successive-halving bracket: the current rung's configurations, how many are handed out
/// and how many are told. When every result of a rung is in, the best n_(i+1) (ties by order of issue; failed
/// evaluations last) move up to the next rung; until then the rung waits and the bracket hands nothing out.
/// </summary>
internal sealed class BracketRun
{
    private readonly HyperbandBracket _plan;
    private readonly int _firstLevel;
    private List<Configuration> _configurations = new();
    private double[] _values;
    private int _issued;
    private int _told;

    public BracketRun(HyperbandBracket plan, int maxBracket)
    {
        _plan = plan;
        _firstLevel = maxBracket - plan.S;
        _values = new double[plan.Rungs[0].Configurations];
    }

    /// <summary>Index of the current rung.</summary>
    public int Rung { get; private set; }

    /// <summary>True when the last rung is complete.</summary>
    public bool Finished { get; private set; }

    /// <summary>The fidelity level of the current rung (0 = the schedule's lowest).</summary>
    public int Level => _firstLevel + Rung;

    /// <summary>The fidelity of the current rung.</summary>
    public double Fidelity => _plan.Rungs[Rung].Fidelity;

    /// <summary>Hands out the next configuration of the current rung, or returns false while the rung waits.</summary>
    public bool TryIssue(IConfigurationSource source, out Configuration configuration, out int slot)
    {
        var rung = _plan.Rungs[Rung];
        if (Finished || _issued >= rung.Configurations)
        {
            configuration = null!;
            slot = -1;
            return false;
        }

        if (Rung == 0)
        {
            _configurations.Add(source.Next(Level));
        }

        slot = _issued++;
        configuration = _configurations[slot];
        return true;
    }

    /// <summary>Records the result of <paramref name="slot"/> in the current rung and promotes when the rung is complete.</summary>
    public void Complete(int slot, double value)
    {
        _values[slot] = value;
        _told++;
        var rungs = _plan.Rungs;
        if (_told < rungs[Rung].Configurations)
        {
            return;
        }

        if (Rung == rungs.Count - 1 || rungs[Rung + 1].Configurations == 0)
        {
            Finished = true;
            return;
        }

        int keep = rungs[Rung + 1].Configurations;
        var order = new int[_told];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var values = _values;
        Array.Sort(order, (a, b) => values[a] != values[b] ? values[a].CompareTo(values[b]) : a.CompareTo(b));
        var promoted = new List<Configuration>(keep);
        for (int i = 0; i < keep; i++)
        {
            promoted.Add(_configurations[order[i]]);
        }

        _configurations = promoted;
        _values = new double[keep];
        _issued = 0;
        _told = 0;
        Rung++;
    }
}
