using System.Diagnostics;
using System.Globalization;
using Almab.Algorithms.Bandits;
using Almab.Algorithms.Bandits.Federated;
using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;
using Almab.Sim.Cluster.Durations;
using Almab.Sim.Cluster.Workers;
using Almab.Sim.Runs.Bandits;

// Usage: BanditCompare policy <ucb1|ts|linucb|linucb-dense|linucb-mature|cucb> <arms> <decisions>   -> "decisions_per_second cpu_seconds"
//        BanditCompare federated <agents> <rounds> <p1|p10|p100|lazy|p10-4bit>   -> "wall_seconds cpu_seconds regret messages"
//        (ALMAB_TRACE=1 also prints an FNV-1a hash of the chosen arms, warm-up included, to stderr: same hash = same decisions)
// Each decision is select + update with a Bernoulli reward of mean 0.5 + 0.4 (i / N) drawn here, as in the NumPy script.
var inv = CultureInfo.InvariantCulture;
if (args.Length == 4 && args[0] == "policy")
{
    string name = args[1];
    int n = int.Parse(args[2], inv), decisions = int.Parse(args[3], inv);
    var means = Enumerable.Range(0, n).Select(i => 0.5 + 0.4 * i / n).ToArray();
    var rng = new Seed(1).CreateRng();
    bool trace = Environment.GetEnvironmentVariable("ALMAB_TRACE") == "1";
    ulong hash = 14695981039346656037UL;
    Action step = name switch
    {
        "ucb1" => Single(new Ucb1Policy(n)),
        "ts" => Single(new GaussianThompsonPolicy(n, new Seed(2), noiseVariance: 0.25, priorMean: 0.5)),
        "linucb" => Linear(new LinUcbPolicy(n, 20, alpha: 1.0, lambda: 1.0), rounds: 0),
        "linucb-dense" => Linear(new LinUcbPolicy(n, 20, alpha: 1.0, lambda: 1.0), rounds: 1), // every arm updated once first: no prior-sharing shortcut
        "linucb-mature" => Linear(new LinUcbPolicy(n, 20, alpha: 1.0, lambda: 1.0), rounds: 20), // every arm updated d = 20 times first: full-rank updates, dense models
        "cucb" => Combinatorial(new CucbPolicy(n, 10)),
        _ => throw new ArgumentException($"unknown policy {name}"),
    };
    for (int i = 0; i < Math.Min(decisions, 200); i++)
    {
        step(); // warm-up
    }

    var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    for (int i = 0; i < decisions; i++)
    {
        step();
    }

    double wall = clock.Elapsed.TotalSeconds, cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
    Console.WriteLine(string.Create(inv, $"{decisions / wall:R} {cpu:R}"));
    if (trace)
    {
        Console.Error.WriteLine(string.Create(inv, $"chosen-arms hash {hash:x16}"));
    }

    return 0;

    void Chose(int a)
    {
        if (trace)
        {
            hash = (hash ^ (ulong)(uint)a) * 1099511628211UL;
        }
    }

    Action Single(IBanditPolicy p) => () =>
    {
        int a = p.Select();
        Chose(a);
        p.Update(a, rng.NextDouble() < means[a] ? 1.0 : 0.0);
    };

    Action Linear(IContextualBanditPolicy p, int rounds)
    {
        var x = new double[20];
        for (int round = 0; round < rounds; round++)
        {
            for (int a = 0; a < p.Arms; a++)
            {
                for (int j = 0; j < x.Length; j++)
                {
                    x[j] = rng.NextDouble();
                }

                p.Update(a, x, rng.NextDouble() < means[a] ? 1.0 : 0.0);
            }
        }

        return () =>
        {
            for (int j = 0; j < x.Length; j++)
            {
                x[j] = rng.NextDouble();
            }

            int a = p.Select(x);
            Chose(a);
            p.Update(a, x, rng.NextDouble() < means[a] ? 1.0 : 0.0);
        };
    }

    Action Combinatorial(CucbPolicy p)
    {
        var set = new int[p.SetSize];
        return () =>
        {
            p.SelectSet(set);
            foreach (int a in set)
            {
                Chose(a);
                p.Update(a, rng.NextDouble() < means[a] ? 1.0 : 0.0);
            }
        };
    }
}

if (args.Length >= 4 && args[0] == "federated")
{
    int agents = int.Parse(args[1], inv), rounds = int.Parse(args[2], inv);
    var (schedule, bits, mode) = args[3] switch
    {
        "p1" => (FederatedSchedule.Periodic(1), 64, DispatchMode.Synchronous),
        "p10" => (FederatedSchedule.Periodic(10), 64, DispatchMode.Synchronous),
        "p100" => (FederatedSchedule.Periodic(100), 64, DispatchMode.Synchronous),
        "lazy" => (FederatedSchedule.Lazy(1.0), 64, DispatchMode.Asynchronous),
        "p10-4bit" => (FederatedSchedule.Periodic(10), 4, DispatchMode.Synchronous),
        _ => throw new ArgumentException($"unknown scheme {args[3]}"),
    };
    var cluster = new ClusterConfig
    {
        Workers = agents, Dispatch = mode, Heterogeneity = new LogNormalSpeedProfile(0.3),
        Communication = new CommunicationModel { Latency = new ExponentialDuration(0.02) },
    };
    var means = Enumerable.Range(0, 10).Select(i => 0.9 - 0.6 * i / 9).ToArray();
    var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var run = FederatedClusterRun.Run(cluster, new FederatedRunConfig { Means = means, RoundsPerAgent = rounds, Schedule = schedule, Bits = bits }, new Seed(args.Length > 4 ? ulong.Parse(args[4], inv) : 3UL));
    double wall = clock.Elapsed.TotalSeconds, cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
    Console.WriteLine(string.Create(inv, $"{wall:R} {cpu:R} {run.Regret:R} {run.Messages}"));
    return 0;
}

Console.Error.WriteLine("usage: BanditCompare policy <ucb1|ts|linucb|linucb-dense|linucb-mature|cucb> <arms> <decisions> | federated <agents> <rounds> <scheme>");
return 2;
