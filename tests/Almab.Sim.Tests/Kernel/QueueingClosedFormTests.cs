using Almab.Algorithms.Randomness;
using Almab.Sim.Kernel;
using MathNet.Numerics.Distributions;

namespace Almab.Sim.Tests.Kernel;

/// <summary>Process-oriented queueing models on the kernel against their closed forms, with batch-means 99 % intervals.</summary>
public sealed class QueueingClosedFormTests
{
    /// <summary>Erlang C: probability of waiting in M/M/c with offered load a = lambda/mu.</summary>
    private static double ErlangC(int c, double a)
    {
        double term = 1, sum = 0;
        for (int k = 0; k < c; k++)
        {
            sum += term;
            term *= a / (k + 1);
        }

        double last = term * c / (c - a);
        return last / (sum + last);
    }

    private static (double Mean, double HalfWidth) BatchInterval(IReadOnlyList<double> batchMeans)
    {
        var t = new Tally();
        foreach (double b in batchMeans)
        {
            t.Add(b);
        }

        double q = StudentT.InvCDF(0, 1, batchMeans.Count - 1, 0.995);
        return (t.Mean, q * t.StandardDeviation / Math.Sqrt(batchMeans.Count));
    }

    [Fact]
    public void MMc_mean_waiting_time_matches_Erlang_C()
    {
        const int c = 2, batches = 20, batchSize = 10_000, warmup = 10_000;
        const double lambda = 1.5, mu = 1.0;
        var seed = new Seed(2024).Derive("mmc");
        var arrivals = seed.Derive("arrivals").CreateRng();
        var services = seed.Derive("services").CreateRng();
        var sim = new Simulation();
        var servers = new Resource(sim, c);
        var batch = new Tally();
        var batchMeans = new List<double>();
        int served = 0;

        IEnumerable<Event> Customer()
        {
            var req = servers.Request();
            yield return req;
            if (served >= warmup)
            {
                batch.Add(sim.Now - req.RequestTime);
                if (batch.Count == batchSize)
                {
                    batchMeans.Add(batch.Mean);
                    batch.Reset();
                }
            }

            served++;
            yield return sim.Delay(services.NextExponential(1 / mu));
            servers.Release(req);
        }

        IEnumerable<Event> Source()
        {
            for (int i = 0; i < warmup + batches * batchSize; i++)
            {
                yield return sim.Delay(arrivals.NextExponential(1 / lambda));
                sim.Process(Customer());
            }
        }

        sim.Process(Source());
        sim.Run();

        Assert.Equal(batches, batchMeans.Count);
        double wq = ErlangC(c, lambda / mu) / (c * mu - lambda); // = 9/7 s for these parameters.
        Assert.Equal(9.0 / 7.0, wq, 12);
        var (mean, half) = BatchInterval(batchMeans);
        Assert.InRange(wq, mean - half, mean + half);
        Assert.True(half < 0.1 * wq, $"interval too wide to be a test: ±{half}");
    }

    [Fact]
    public void MM1_utilization_equals_rho_and_mean_number_in_system_matches()
    {
        const double lambda = 0.7, mu = 1.0, warmup = 1_000, batchLength = 10_000;
        const int batches = 20;
        var seed = new Seed(77).Derive("mm1");
        var arrivals = seed.Derive("arrivals").CreateRng();
        var services = seed.Derive("services").CreateRng();
        var sim = new Simulation();
        var server = new Resource(sim, 1);
        var busy = new TimeWeightedMonitor(sim);
        var inSystem = new TimeWeightedMonitor(sim);
        var utilization = new List<double>();
        var number = new List<double>();

        IEnumerable<Event> Customer()
        {
            inSystem.Add(1);
            using (var req = server.Request())
            {
                yield return req;
                busy.Set(1);
                yield return sim.Delay(services.NextExponential(1 / mu));
                busy.Set(0);
            }

            inSystem.Add(-1);
        }

        IEnumerable<Event> Source()
        {
            while (true)
            {
                yield return sim.Delay(arrivals.NextExponential(1 / lambda));
                sim.Process(Customer());
            }
        }

        sim.Process(Source());
        sim.Run(until: warmup);
        for (int b = 0; b < batches; b++)
        {
            busy.Reset();
            inSystem.Reset();
            sim.Run(until: sim.Now + batchLength);
            utilization.Add(busy.BusyFraction);
            number.Add(inSystem.Mean);
        }

        double rho = lambda / mu;
        var (u, uh) = BatchInterval(utilization);
        Assert.InRange(rho, u - uh, u + uh);
        var (l, lh) = BatchInterval(number);
        Assert.InRange(rho / (1 - rho), l - lh, l + lh);
    }
}
