using System.Globalization;
using Almab.Algorithms.Randomness;
using Almab.Sim.Kernel;

// Usage: KernelHold [pending,...] [events] [repeats]   (default 1000,10000,100000,1000000 2e6 5)
// The hold model (issue 18): N entries pending at all times; each popped one is pushed again at t + Exp(1). Four loops in
// one process, each run `repeats` + 1 times over `events` pops (the first is warm-up), alternating, CPU seconds, median:
//   PQ     a plain PriorityQueue<int, double> (the baseline of issue 18: no ties, no events, no processes);
//   queue  the kernel's timed queue alone (CalendarQueue<int>, FIFO sequence keys);
//   typed  the event-scheduling front end: EventSimulation<int> with N events, a struct handler that schedules each
//          fired event again at Now + Exp(1), driven by EventSimulation.Step;
//   kernel the process front end: N processes each looping on `yield return sim.Delay(Exp(1))`, driven by Simulation.Step.
// All four draw their delays with the same Rng.NextExponential.
var inv = CultureInfo.InvariantCulture;
int[] sizes = args.Length > 0 ? args[0].Split(',').Select(s => int.Parse(s, inv)).ToArray() : [1000, 10000, 100000, 1000000];
long events = args.Length > 1 ? (long)double.Parse(args[1], inv) : 2_000_000;
int repeats = args.Length > 2 ? int.Parse(args[2], inv) : 5;
using var self = System.Diagnostics.Process.GetCurrentProcess();
Console.WriteLine("pending,pq_mev_s,queue_mev_s,typed_mev_s,kernel_mev_s,typed_over_pq,kernel_over_pq");
foreach (int n in sizes)
{
    var rng = new Seed(7).Derive("kernel-hold").CreateRng();
    var pq = new PriorityQueue<int, double>(n);
    var calendar = new CalendarQueue<int>();
    var typed = new EventSimulation<int>();
    var hold = new HoldHandler(rng);
    var sim = new Simulation();
    long sequence = 0;
    for (int i = 0; i < n; i++)
    {
        pq.Enqueue(i, rng.NextExponential(1.0));
        calendar.Push(rng.NextExponential(1.0), ++sequence, i);
        typed.Schedule(rng.NextExponential(1.0), i);
        sim.Process(Hold(sim, rng));
    }

    var pqCpu = new List<double>();
    var queueCpu = new List<double>();
    var typedCpu = new List<double>();
    var kernelCpu = new List<double>();
    for (int r = 0; r <= repeats; r++)
    {
        double c0 = Cpu();
        for (long e = 0; e < events; e++)
        {
            pq.TryDequeue(out int id, out double t);
            pq.Enqueue(id, t + rng.NextExponential(1.0));
        }

        double c1 = Cpu();
        for (long e = 0; e < events; e++)
        {
            int id = calendar.Pop(out double t, out _);
            calendar.Push(t + rng.NextExponential(1.0), ++sequence, id);
        }

        double c2 = Cpu();
        for (long e = 0; e < events; e++)
        {
            typed.Step(ref hold);
        }

        double c3 = Cpu();
        for (long e = 0; e < events; e++)
        {
            sim.Step();
        }

        double c4 = Cpu();
        if (r > 0)
        {
            pqCpu.Add(c1 - c0);
            queueCpu.Add(c2 - c1);
            typedCpu.Add(c3 - c2);
            kernelCpu.Add(c4 - c3);
        }
    }

    double pqRate = Rate(pqCpu), queueRate = Rate(queueCpu), typedRate = Rate(typedCpu), kernelRate = Rate(kernelCpu);
    Console.WriteLine(string.Create(inv, $"{n},{pqRate:F2},{queueRate:F2},{typedRate:F2},{kernelRate:F2},{typedRate / pqRate:F2},{kernelRate / pqRate:F2}"));
}

return 0;

double Cpu()
{
    self.Refresh();
    return self.TotalProcessorTime.TotalSeconds;
}

double Rate(List<double> cpu) => events / cpu.Order().ElementAt(cpu.Count / 2) / 1e6;

static IEnumerable<Event> Hold(Simulation sim, Rng rng)
{
    while (true)
    {
        yield return sim.Delay(rng.NextExponential(1.0));
    }
}

/// <summary>The typed front end's hold step: the fired event is scheduled again Exp(1) seconds later.</summary>
internal readonly struct HoldHandler(Rng rng) : IEventHandler<int>
{
    public void Handle(EventSimulation<int> simulation, in int ev) => simulation.Schedule(rng.NextExponential(1.0), ev);
}
