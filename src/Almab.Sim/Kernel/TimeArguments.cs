using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Almab.Sim.Kernel;

/// <summary>
/// The argument checks on virtual times shared by both front ends of the kernel, so bad input fails the same way, with
/// the same message, in <see cref="Simulation"/> and <see cref="EventSimulation{TEvent}"/>. The checks on every
/// scheduled event are inlined comparisons; building the exception is left to methods of its own, off the hot path.
/// </summary>
internal static class TimeArguments
{
    /// <summary>Throws unless <paramref name="initialTime"/> is finite.</summary>
    public static void CheckInitialTime(double initialTime)
    {
        if (!double.IsFinite(initialTime))
        {
            throw new ArgumentOutOfRangeException(nameof(initialTime), initialTime, "initialTime must be a finite number of seconds");
        }
    }

    /// <summary>Throws unless <paramref name="delay"/> is finite and &gt;= 0 (NaN fails too).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckDelay(double delay)
    {
        if (!(delay >= 0) || double.IsPositiveInfinity(delay))
        {
            BadDelay(delay);
        }
    }

    /// <summary>Throws unless <paramref name="time"/> is finite and not before <paramref name="now"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckTime(double time, double now)
    {
        if (!(time >= now) || double.IsPositiveInfinity(time))
        {
            BadTime(time, now);
        }
    }

    /// <summary>Throws when <paramref name="until"/> is NaN or before <paramref name="now"/> (+infinity is allowed: run to the end).</summary>
    public static void CheckUntil(double until, double now)
    {
        if (double.IsNaN(until) || until < now)
        {
            throw new ArgumentOutOfRangeException(nameof(until), until, $"until must be >= Now ({now} s)");
        }
    }

    /// <summary>Throws unless <paramref name="priority"/> is one of the defined priorities.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckPriority(EventPriority priority)
    {
        if (priority is not (EventPriority.Urgent or EventPriority.Normal))
        {
            BadPriority(priority);
        }
    }

    [DoesNotReturn]
    private static void BadDelay(double delay) =>
        throw new ArgumentOutOfRangeException(nameof(delay), delay, "delay must be a finite number of seconds >= 0");

    [DoesNotReturn]
    private static void BadTime(double time, double now) =>
        throw new ArgumentOutOfRangeException(nameof(time), time, $"time must be a finite number of seconds >= Now ({now} s)");

    [DoesNotReturn]
    private static void BadPriority(EventPriority priority) =>
        throw new ArgumentOutOfRangeException(nameof(priority), priority, "priority must be EventPriority.Urgent or EventPriority.Normal");
}
