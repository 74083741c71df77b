using Almab.Algorithms.Randomness;

namespace Almab.Sim.Cluster.Faults;

/// <summary>
/// The exogenous fault history of one worker: its slowdown episodes and crash/repair periods, generated lazily
/// from the worker's own streams so they do not depend on what the worker is asked to do (common random numbers
/// across methods). Queries must come with non-decreasing times; O(1) memory.
/// </summary>
internal sealed class WorkerTimeline
{
    private readonly SlowdownModel? _slowdown;
    private readonly CrashModel? _crash;
    private readonly Rng? _slowRng;
    private readonly Rng? _crashRng;
    private double _slowStart = double.PositiveInfinity;
    private double _slowEnd = double.PositiveInfinity;
    private double _crashAt = double.PositiveInfinity;
    private double _repairAt = double.PositiveInfinity;
    private double _downBefore;

    /// <summary>Creates the timeline; streams are <c>seed.Derive("slowdown")</c> and <c>seed.Derive("crash")</c>.</summary>
    public WorkerTimeline(SlowdownModel? slowdown, CrashModel? crash, Seed seed)
    {
        _slowdown = slowdown;
        _crash = crash;
        if (slowdown is not null)
        {
            _slowRng = seed.Derive("slowdown").CreateRng();
            _slowStart = _slowRng.NextExponential(slowdown.MeanSecondsBetween);
            _slowEnd = _slowStart + slowdown.Duration.Sample(_slowRng);
        }

        if (crash is not null)
        {
            _crashRng = seed.Derive("crash").CreateRng();
            _crashAt = _crashRng.NextExponential(crash.MeanSecondsBetweenFailures);
            _repairAt = _crashAt + crash.RepairTime.Sample(_crashRng);
        }
    }

    /// <summary>True when the worker is crashed at <paramref name="time"/>.</summary>
    public bool IsDown(double time)
    {
        AdvanceCrashes(time);
        return _crashAt <= time;
    }

    /// <summary>When the current down period ends (valid after <see cref="IsDown"/> returned true).</summary>
    public double RepairAt => _repairAt;

    /// <summary>The first crash at or after <paramref name="time"/> (+∞ without a crash model).</summary>
    public double NextCrash(double time)
    {
        AdvanceCrashes(time);
        return _crashAt;
    }

    /// <summary>Total seconds down in [0, <paramref name="time"/>].</summary>
    public double DownSeconds(double time)
    {
        AdvanceCrashes(time);
        return _downBefore + (_crashAt < time ? time - _crashAt : 0.0);
    }

    /// <summary>
    /// When a task needing <paramref name="nominalSeconds"/> of undisturbed work, started at
    /// <paramref name="start"/>, finishes given the slowdown episodes; +∞ when it would not finish by
    /// <paramref name="limit"/> (episodes after the limit are left untouched for later queries).
    /// </summary>
    public double Finish(double start, double nominalSeconds, double limit)
    {
        double t = start;
        double remaining = nominalSeconds;
        while (true)
        {
            AdvanceSlowdowns(t);
            if (t < _slowStart)
            {
                double normalEnd = Math.Min(_slowStart, limit);
                if (t + remaining <= normalEnd)
                {
                    return t + remaining;
                }

                if (normalEnd >= limit)
                {
                    return double.PositiveInfinity;
                }

                remaining -= _slowStart - t;
                t = _slowStart;
            }

            double factor = _slowdown!.Factor;
            double slowEnd = Math.Min(_slowEnd, limit);
            if (t + remaining * factor <= slowEnd)
            {
                return t + remaining * factor;
            }

            if (slowEnd >= limit)
            {
                return double.PositiveInfinity;
            }

            remaining -= (_slowEnd - t) / factor;
            t = _slowEnd;
        }
    }

    private void AdvanceSlowdowns(double time)
    {
        while (_slowEnd <= time)
        {
            _slowStart = _slowEnd + _slowRng!.NextExponential(_slowdown!.MeanSecondsBetween);
            _slowEnd = _slowStart + _slowdown.Duration.Sample(_slowRng);
        }
    }

    private void AdvanceCrashes(double time)
    {
        while (_repairAt <= time)
        {
            _downBefore += _repairAt - _crashAt;
            _crashAt = _repairAt + _crashRng!.NextExponential(_crash!.MeanSecondsBetweenFailures);
            _repairAt = _crashAt + _crash.RepairTime.Sample(_crashRng);
        }
    }
}
