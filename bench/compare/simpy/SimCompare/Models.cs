using Almab.Algorithms.Randomness;
using Almab.Sim.Kernel;

namespace SimCompare;

/// <summary>The two comparison models, written as their SimPy twins in compare_simpy.py (same processes, same events).</summary>
internal static partial class Models
{
    /// <summary>Workers in model 1.</summary>
    public const int Workers = 16;

    /// <summary>
    /// Model 1: a dispatcher hands <paramref name="tasks"/> tasks to 16 workers through per-worker stores; worker i draws
    /// Exp(mean 1 + 0.25 i) task times and reports to the dispatcher through a shared store; the dispatcher gives the
    /// reporting worker the next task, and a stop token (-1) to every worker at the end.
    /// Returns (processed events, virtual end time).
    /// </summary>
    public static (long Events, double End) Dispatch(int tasks, ulong seed)
    {
        var sim = new Simulation();
        var root = new Seed(seed);
        var done = new Store<int>(sim);
        var inbox = new Store<int>[Workers];
        for (int i = 0; i < Workers; i++)
        {
            inbox[i] = new Store<int>(sim);
            sim.Process(Worker(i, root.Derive("worker").Derive(i).CreateRng()));
        }

        sim.Process(Dispatcher());
        sim.Run();
        return (sim.ProcessedEvents, sim.Now);

        IEnumerable<Event> Worker(int i, Rng rng)
        {
            double mean = 1.0 + 0.25 * i;
            while (true)
            {
                var job = inbox[i].GetPooled(); // Pooled events: read Item before the next yield.
                yield return job;
                if (job.Item < 0)
                {
                    yield break;
                }

                yield return sim.Delay(rng.NextExponential(mean));
                yield return done.PutPooled(i);
            }
        }

        IEnumerable<Event> Dispatcher()
        {
            int sent = 0, finished = 0;
            for (int i = 0; i < Workers && sent < tasks; i++)
            {
                inbox[i].PutPooled(sent++);
            }

            while (finished < tasks)
            {
                var report = done.GetPooled();
                yield return report;
                finished++;
                if (sent < tasks)
                {
                    yield return inbox[report.Item].PutPooled(sent++);
                }
            }

            for (int i = 0; i < Workers; i++)
            {
                inbox[i].PutPooled(-1);
            }
        }
    }

    /// <summary>
    /// Model 2: M/M/4 with arrival rate 3.2 and service rate 1 (rho = 0.8): a source process creates
    /// <paramref name="customers"/> customer processes, each requests one of 4 servers, holds it for its service time and
    /// releases it. Returns (processed events, mean waiting time).
    /// </summary>
    public static (long Events, double MeanWait) MM4(int customers, ulong seed)
    {
        var sim = new Simulation();
        var root = new Seed(seed);
        var arrivals = root.Derive("arrivals").CreateRng();
        var services = root.Derive("services").CreateRng();
        var servers = new Resource(sim, 4);
        double totalWait = 0;
        sim.Process(Source());
        sim.Run();
        return (sim.ProcessedEvents, totalWait / customers);

        IEnumerable<Event> Source()
        {
            for (int i = 0; i < customers; i++)
            {
                yield return sim.Delay(arrivals.NextExponential(1 / 3.2));
                sim.Process(Customer());
            }
        }

        IEnumerable<Event> Customer()
        {
            var req = servers.RequestPooled(); // Pooled: not used after Release.
            yield return req;
            totalWait += sim.Now - req.RequestTime;
            yield return sim.Delay(services.NextExponential(1.0));
            servers.Release(req);
        }
    }

    /// <summary>
    /// Model 3, the hold model: <paramref name="pending"/> processes each looping on a delay of Exp(1), so that many
    /// timeouts are pending at all times. Runs to t = 1 (starts and one turnover: warm-up), then <paramref name="segments"/>
    /// consecutive segments of <paramref name="segmentTime"/> virtual seconds, reporting each segment's processed events
    /// and CPU / wall seconds (steady state only: building the model is not timed).
    /// </summary>
    public static List<(long Events, double Cpu, double Wall)> Hold(int pending, double segmentTime, int segments, ulong seed)
    {
        var sim = new Simulation();
        var rng = new Seed(seed).Derive("hold").CreateRng();
        for (int i = 0; i < pending; i++)
        {
            sim.Process(Loop());
        }

        sim.Run(until: 1.0);
        return TimeSegments(segments, () => sim.ProcessedEvents, () => sim.Run(until: sim.Now + segmentTime));

        IEnumerable<Event> Loop()
        {
            while (true)
            {
                yield return sim.Delay(rng.NextExponential(1.0));
            }
        }
    }

    /// <summary>
    /// The hold model's floor: a plain .NET PriorityQueue of (id, time) with <paramref name="pending"/> entries, each
    /// dequeue followed by an enqueue at time + Exp(1) (no events, no processes, no tie-breaking). One turnover of warm-up,
    /// then <paramref name="events"/> timed dequeues; returns the CPU seconds.
    /// </summary>
    public static double HoldPriorityQueue(int pending, long events, ulong seed)
    {
        var rng = new Seed(seed).Derive("hold-pq").CreateRng();
        var q = new PriorityQueue<int, double>(pending);
        for (int i = 0; i < pending; i++)
        {
            q.Enqueue(i, rng.NextExponential(1.0));
        }

        for (long e = 0; e < 2L * pending; e++)
        {
            q.TryDequeue(out int id, out double t);
            q.Enqueue(id, t + rng.NextExponential(1.0));
        }

        using var self = System.Diagnostics.Process.GetCurrentProcess();
        self.Refresh();
        var cpu0 = self.TotalProcessorTime;
        for (long e = 0; e < events; e++)
        {
            q.TryDequeue(out int id, out double t);
            q.Enqueue(id, t + rng.NextExponential(1.0));
        }

        self.Refresh();
        return (self.TotalProcessorTime - cpu0).TotalSeconds;
    }
}
