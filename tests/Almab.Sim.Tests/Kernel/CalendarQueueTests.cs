using Almab.Algorithms.Randomness;
using Almab.Sim.Kernel;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Almab.Sim.Tests.Kernel;

/// <summary>
/// The timed queue pops exactly in (time, key) order at every size, through its switch from one heap to a calendar,
/// its rebuilds (growth, shrinking, recalibration after a change of time scale) and far-ahead entries. The reference
/// is .NET's PriorityQueue on the same total order (keys are unique, so its order is fully determined).
/// </summary>
public sealed class CalendarQueueTests
{
    /// <summary>A random schedule: how many entries, how coarse the time grid (ties), priority mix, pop pattern.</summary>
    public sealed record Schedule(int Seed, int Entries, int GridSteps, int UrgentPercent, int PopPercent, bool ScaleChange, bool FarEntries);

    public static class Schedules
    {
        public static Arbitrary<Schedule> Any() =>
            (from seed in Gen.Choose(0, int.MaxValue)
             from entries in Gen.Choose(1, 40_000)
             from grid in Gen.Elements(1, 3, 50, 1000, 0) // 0: continuous times (no ties)
             from urgent in Gen.Elements(0, 10, 50)
             from pop in Gen.Elements(0, 30, 50, 70)
             from scale in Gen.Elements(true, false)
             from far in Gen.Elements(true, false)
             select new Schedule(seed, entries, grid, urgent, pop, scale, far)).ToArbitrary();
    }

    [Property(Arbitrary = new[] { typeof(Schedules) }, MaxTest = 40)]
    public bool Pops_in_time_then_key_order_like_a_reference_heap(Schedule s)
    {
        var rng = new Seed((ulong)s.Seed).Derive("calendar-queue-test").CreateRng();
        var queue = new CalendarQueue<long>();
        var reference = new PriorityQueue<long, (double Time, long Key)>();
        double now = 0;
        long sequence = 0;
        int pushed = 0;
        while (pushed < s.Entries || queue.Count > 0)
        {
            bool push = pushed < s.Entries && (queue.Count == 0 || rng.Next(100) >= s.PopPercent);
            if (push)
            {
                double scale = s.ScaleChange && pushed > s.Entries / 2 ? 1e-6 : 1.0; // Days calibrated for one scale, then another.
                double delay = s.GridSteps == 0 ? rng.NextExponential(scale) : rng.Next(s.GridSteps) * scale;
                if (s.FarEntries && rng.Next(50) == 0)
                {
                    delay += 1e9;
                }

                long priority = rng.Next(100) < s.UrgentPercent ? 0 : 1;
                long key = (priority << 56) | (++sequence << 1);
                queue.Push(now + delay, key, key);
                reference.Enqueue(key, (now + delay, key));
                pushed++;
                continue;
            }

            reference.TryPeek(out _, out var front);
            if (queue.PeekTime != front.Time)
            {
                return false;
            }

            long got = queue.Pop(out double time, out long gotKey);
            reference.TryDequeue(out long expected, out var expectedPriority);
            if (got != expected || gotKey != expected || time != expectedPriority.Time)
            {
                return false;
            }

            now = time;
        }

        return reference.Count == 0;
    }

    [Fact]
    public void Hundred_thousand_simultaneous_entries_come_out_in_insertion_order_through_growth()
    {
        var queue = new CalendarQueue<int>();
        var rng = new Seed(5).CreateRng();
        long sequence = 0;
        for (int i = 0; i < 20_000; i++)
        {
            queue.Push(1.0 + rng.NextExponential(1.0), ++sequence, -1); // Spread entries make it a calendar.
        }

        Assert.True(queue.IsCalendar);
        for (int i = 0; i < 100_000; i++)
        {
            queue.Push(0.5, ++sequence, i); // 10^5 ties, pushed while the calendar grows and rebuilds.
        }

        for (int i = 0; i < 100_000; i++)
        {
            Assert.Equal(i, queue.Pop(out double t, out _));
            Assert.Equal(0.5, t);
        }

        double last = 0.5;
        while (queue.Count > 0)
        {
            Assert.Equal(-1, queue.Pop(out double t, out _));
            Assert.True(t >= last);
            last = t;
        }
    }

    [Fact]
    public void Switches_to_a_calendar_when_large_and_back_to_a_heap_when_small()
    {
        var queue = new CalendarQueue<int>();
        var rng = new Seed(6).CreateRng();
        for (int i = 0; i < 10_000; i++)
        {
            queue.Push(rng.NextExponential(1.0), i, i);
        }

        Assert.True(queue.IsCalendar);
        while (queue.Count > 100)
        {
            queue.Pop(out _, out _);
        }

        Assert.False(queue.IsCalendar);
    }

    /// <summary>
    /// Steady-state hold model on the calendar (each pop pushes one entry at now + delay), with delays on a coarse grid so
    /// that ties of mixed priority fall in every day of a multi-day load and many pushes land in the days already loaded
    /// into the bottom heap: every pop matches the reference's (time, key) order.
    /// </summary>
    [Theory]
    [InlineData(600, 7)]
    [InlineData(5_000, 8)]
    [InlineData(50_000, 9)]
    public void Steady_state_hold_with_ties_across_loaded_days_pops_in_reference_order(int pending, int seed)
    {
        var rng = new Seed((ulong)seed).Derive("hold-ties").CreateRng();
        var queue = new CalendarQueue<long>();
        var reference = new PriorityQueue<long, (double Time, long Key)>();
        long sequence = 0;
        void Push(double time)
        {
            long key = ((long)rng.Next(2) << 56) | (++sequence << 1);
            queue.Push(time, key, key);
            reference.Enqueue(key, (time, key));
        }

        double grid = 1.0 / pending; // About one grid step per entry: several ties per day.
        for (int i = 0; i < pending; i++)
        {
            Push(Math.Floor(rng.NextExponential(1.0) / grid) * grid);
        }

        Assert.True(queue.IsCalendar);
        for (int e = 0; e < 4 * pending; e++)
        {
            long got = queue.Pop(out double time, out long key);
            reference.TryDequeue(out long expected, out var expectedPriority);
            Assert.Equal(expected, got);
            Assert.Equal(expected, key);
            Assert.Equal(expectedPriority.Time, time);
            double delay = rng.Next(4) == 0 ? rng.Next(3) * grid : rng.NextExponential(1.0); // A quarter land in loaded days.
            Push(time + Math.Floor(delay / grid) * grid);
        }
    }
}
