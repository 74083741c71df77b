using Almab.Sim.Kernel;
using BenchmarkDotNet.Attributes;

namespace Almab.Benchmarks.Sim;

/// <summary>
/// Process interaction on the kernel (issue 2); one operation is one processed event (see
/// <see cref="KernelTimeoutBenchmarks"/>).
/// <list type="bullet">
/// <item>PingPong: two processes handing control back and forth through fresh events (two events per round).</item>
/// <item>ResourceRequestRelease: 4 processes sharing a 2-slot Resource: request, grant, hold 1 s, release.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
public class KernelInteractionBenchmarks
{
    private const int Events = KernelTimeoutBenchmarks.Events;

    /// <summary>Two processes alternating through events.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public long PingPong()
    {
        var sim = new Simulation();
        Event inbox = sim.Event();
        sim.Process(Pong());
        sim.Process(Ping());
        sim.Run();
        return sim.ProcessedEvents;

        IEnumerable<Event> Ping()
        {
            for (int i = 0; i < Events / 2 - 1; i++)
            {
                var reply = sim.Event();
                inbox.Succeed(reply);
                yield return reply;
            }
        }

        IEnumerable<Event> Pong()
        {
            while (true)
            {
                var mine = inbox = sim.Event();
                yield return mine;
                ((Event)mine.Value!).Succeed();
            }
        }
    }

    /// <summary>Request, grant, hold, release on a 2-slot resource shared by 4 processes.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public long ResourceRequestRelease()
    {
        var sim = new Simulation();
        var r = new Resource(sim, 2);
        for (int p = 0; p < 4; p++)
        {
            sim.Process(User());
        }

        sim.Run();
        return sim.ProcessedEvents;

        IEnumerable<Event> User()
        {
            for (int i = 0; i < Events / 8; i++)
            {
                var req = r.Request();
                yield return req;
                yield return sim.Delay(1.0);
                r.Release(req);
            }
        }
    }
}
