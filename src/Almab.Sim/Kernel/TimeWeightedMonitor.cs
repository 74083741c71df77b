namespace Almab.Sim.Kernel;

/// <summary>
/// Time-weighted statistics of a piecewise-constant level L(t) of a simulation (number of busy servers, queue length,
/// stock): the area ∫ L dt, the time average, the time with L &gt; 0 (busy time) and the extremes, from the last
/// <see cref="Reset"/> (or creation) to <see cref="Simulation.Now"/>. Call <see cref="Set"/> or <see cref="Add"/> whenever
/// the level changes; the current segment counts up to now whenever a statistic is read.
/// </summary>
public sealed class TimeWeightedMonitor
{
    private readonly Simulation _sim;
    private double _start;
    private double _last;
    private double _area;
    private double _busy;

    /// <summary>Starts monitoring a level equal to <paramref name="initialLevel"/> at the current time.</summary>
    public TimeWeightedMonitor(Simulation simulation, double initialLevel = 0)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        CheckLevel(initialLevel, nameof(initialLevel));
        _sim = simulation;
        Level = initialLevel;
        Reset();
    }

    /// <summary>The current level.</summary>
    public double Level { get; private set; }

    /// <summary>Virtual time (s) at which accumulation started (creation or last <see cref="Reset"/>).</summary>
    public double StartTime => _start;

    /// <summary>Observed duration in virtual seconds: <c>Now - StartTime</c>.</summary>
    public double Elapsed => _sim.Now - _start;

    /// <summary>∫ L dt over the observed duration (level × seconds).</summary>
    public double Area => _area + Level * (_sim.Now - _last);

    /// <summary>Virtual seconds during which L &gt; 0.</summary>
    public double BusyTime => _busy + (Level > 0 ? _sim.Now - _last : 0);

    /// <summary>Time average of L (the area over the elapsed time), or the current level when no time has elapsed.</summary>
    public double Mean => Elapsed > 0 ? Area / Elapsed : Level;

    /// <summary>Fraction of the elapsed time with L &gt; 0.</summary>
    public double BusyFraction => Elapsed > 0 ? BusyTime / Elapsed : (Level > 0 ? 1 : 0);

    /// <summary>Largest level seen since the start.</summary>
    public double Max { get; private set; }

    /// <summary>Smallest level seen since the start.</summary>
    public double Min { get; private set; }

    /// <summary>Changes the level at the current time.</summary>
    public void Set(double level)
    {
        CheckLevel(level, nameof(level));
        double now = _sim.Now;
        double dt = now - _last;
        _area += Level * dt;
        if (Level > 0)
        {
            _busy += dt;
        }

        _last = now;
        Level = level;
        Max = Math.Max(Max, level);
        Min = Math.Min(Min, level);
    }

    /// <summary>Adds <paramref name="delta"/> to the level at the current time.</summary>
    public void Add(double delta) => Set(Level + delta);

    /// <summary>Restarts accumulation at the current time, keeping the level (e.g. after a warm-up, or per batch).</summary>
    public void Reset()
    {
        _start = _last = _sim.Now;
        _area = _busy = 0;
        Max = Min = Level;
    }

    private static void CheckLevel(double level, string name)
    {
        if (!double.IsFinite(level))
        {
            throw new ArgumentOutOfRangeException(name, level, $"{name} must be finite");
        }
    }
}
