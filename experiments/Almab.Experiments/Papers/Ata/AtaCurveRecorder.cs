namespace Almab.Experiments.Papers.Ata;

/// <summary>Accumulates one run's rounds and keeps the cumulative quantities at checkpoint rounds and at the last round.</summary>
internal sealed class AtaCurveRecorder
{
    private readonly long[] _grid;
    private readonly Func<long, double> _gapAt;
    private readonly List<long> _rounds = [];
    private readonly List<double> _runtime = [];
    private readonly List<double> _worker = [];
    private readonly List<double> _gap = [];
    private readonly List<double> _regret = [];
    private int _next;
    private long _last;
    private double _sumRuntime;
    private double _sumWorker;
    private double _sumRegret;

    /// <param name="grid">Checkpoint rounds, ascending.</param>
    /// <param name="gapAt">f − f* after a given checkpoint or last round.</param>
    public AtaCurveRecorder(long[] grid, Func<long, double> gapAt)
    {
        _grid = grid;
        _gapAt = gapAt;
    }

    public void Add(long round, double runtimeSeconds, double workerSeconds, double proxyRegret)
    {
        _last = round;
        _sumRuntime += runtimeSeconds;
        _sumWorker += workerSeconds;
        _sumRegret += proxyRegret;
        if (_next < _grid.Length && _grid[_next] == round)
        {
            _next++;
            Record(round);
        }
    }

    public AtaCurve ToCurve(string model, int workers, string method, int replicate)
    {
        if (_rounds.Count == 0 || _rounds[^1] != _last)
        {
            Record(_last);
        }

        return new AtaCurve(model, workers, method, replicate, [.. _rounds], [.. _runtime], [.. _worker], [.. _gap], [.. _regret]);
    }

    private void Record(long round)
    {
        _rounds.Add(round);
        _runtime.Add(_sumRuntime);
        _worker.Add(_sumWorker);
        _gap.Add(_gapAt(round));
        _regret.Add(_sumRegret);
    }
}
