using Almab.Algorithms.Randomness;
using Almab.Sim.Kernel;

namespace SimCompare;

/// <summary>The hold model in the event-scheduling world view, and the segment timing both hold models share.</summary>
internal static partial class Models
{
    /// <summary>
    /// Model 3 written with events and a handler instead of processes (the twin of SimPy's callback-style hold in
    /// compare_simpy.py, a timeout whose callback schedules the next timeout): <paramref name="pending"/> events on an
    /// <see cref="EventSimulation{TEvent}"/>, each fired one scheduled again Exp(1) later by a struct handler. Same
    /// warm-up to t = 1 and the same timed segments as <see cref="Hold"/>.
    /// </summary>
    public static List<(long Events, double Cpu, double Wall)> HoldTyped(int pending, double segmentTime, int segments, ulong seed)
    {
        var sim = new EventSimulation<int>();
        var handler = new HoldHandler(new Seed(seed).Derive("hold").CreateRng());
        for (int i = 0; i < pending; i++)
        {
            handler.Handle(sim, i); // Schedules event i at Exp(1), as the processes' first delay.
        }

        sim.Run(1.0, ref handler);
        return TimeSegments(segments, () => sim.ProcessedEvents, () => sim.Run(sim.Now + segmentTime, ref handler));
    }

    /// <summary>Runs <paramref name="segments"/> times <paramref name="run"/>, each timed: (events processed, CPU s, wall s).</summary>
    private static List<(long Events, double Cpu, double Wall)> TimeSegments(int segments, Func<long> processed, Action run)
    {
        var rows = new List<(long, double, double)>();
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        for (int s = 0; s < segments; s++)
        {
            long e0 = processed();
            self.Refresh();
            var cpu0 = self.TotalProcessorTime;
            var sw = System.Diagnostics.Stopwatch.StartNew();
            run();
            double wall = sw.Elapsed.TotalSeconds;
            self.Refresh();
            rows.Add((processed() - e0, (self.TotalProcessorTime - cpu0).TotalSeconds, wall));
        }

        return rows;
    }

    /// <summary>The hold step: the fired event is scheduled again Exp(1) seconds later.</summary>
    private readonly struct HoldHandler(Rng rng) : IEventHandler<int>
    {
        public void Handle(EventSimulation<int> simulation, in int ev) => simulation.Schedule(rng.NextExponential(1.0), ev);
    }
}
