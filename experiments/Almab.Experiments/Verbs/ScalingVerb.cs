using System.CommandLine;
using System.Globalization;
using Almab.Algorithms.Randomness;
using Almab.Experiments.Cli;
using Almab.Experiments.Runner;
using Almab.Reports.Csv;
using Almab.Sim.Scaling;

namespace Almab.Experiments.Verbs;

/// <summary>
/// <c>almab scaling</c>: runs a fixed workload on simulated clusters of K workers, prints the speedup table with the
/// Amdahl fit (p and its standard error; optionally alpha, beta of the efficiency term), ALMAB-DC's closed-form K*
/// (eq. 7) beside the numerical K* of both wall-clock readings, and writes the table as CSV.
/// </summary>
public sealed class ScalingVerb : ICliVerb
{
    /// <inheritdoc />
    public Command Build()
    {
        var workers = new Option<string>("--workers") { Description = "Comma-separated K values; must start with 1.", DefaultValueFactory = _ => "1,2,4,8,16" };
        var tasks = new Option<int>("--tasks") { Description = "Tasks in the workload.", DefaultValueFactory = _ => 480 };
        var work = new Option<double>("--work") { Description = "Nominal work per task, virtual seconds.", DefaultValueFactory = _ => 1.0 };
        var decision = new Option<double>("--decision-seconds") { Description = "Serial coordinator seconds per absorbed result (the surrogate update).", DefaultValueFactory = _ => 0.05 };
        var duration = new Option<string>("--duration") { Description = "Task-time family (mean 1 per unit work): deterministic, exponential, shifted-exponential, gamma, log-normal, pareto.", DefaultValueFactory = _ => "log-normal" };
        var shape = new Option<double>("--shape") { Description = "Shape of the task-time family (log-sd, gamma k, Pareto tail index).", DefaultValueFactory = _ => 0.3 };
        var heterogeneity = new Option<string>("--heterogeneity") { Description = "Worker speeds: homogeneous, sqrt, linear, two-tier, log-normal.", DefaultValueFactory = _ => "homogeneous" };
        var alpha = new Option<double>("--alpha") { Description = "Coordinator overhead alpha (seconds per decision at K = 1).", DefaultValueFactory = _ => 0.0 };
        var beta = new Option<double>("--beta") { Description = "Coordinator overhead exponent beta (alpha K^beta per decision).", DefaultValueFactory = _ => 1.0 };
        var latency = new Option<double>("--latency") { Description = "Per-message latency, seconds.", DefaultValueFactory = _ => 0.0 };
        var dispatch = new Option<string>("--dispatch") { Description = "asynchronous or synchronous.", DefaultValueFactory = _ => "asynchronous" };
        var replicates = new Option<int>("--replicates") { Description = "Replicates per K (>= 2).", DefaultValueFactory = _ => 20 };
        var fitOverhead = new Option<bool>("--fit-overhead") { Description = "Also fit alpha and beta of eta(K) = 1/(1 + alpha K^beta) (needs >= 4 K values)." };
        var seed = new Option<ulong>("--seed") { Description = "Root seed.", DefaultValueFactory = _ => 20260101UL };
        var threads = new Option<int>("--threads") { Description = "Parallel simulations.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var output = new Option<string>("--out") { Description = "CSV file for the table.", DefaultValueFactory = _ => Path.Combine("results", "scaling", "scaling.csv") };
        var command = new Command("scaling", "Measure speedup vs K on a simulated cluster and fit Amdahl's law.")
        {
            workers, tasks, work, decision, duration, shape, heterogeneity, alpha, beta, latency, dispatch, replicates, fitOverhead, seed, threads, output,
        };
        command.SetAction(parse =>
        {
            var ks = RunOptions.PositiveInts("--workers", parse.GetValue(workers), default);
            if (ks[0] != 1 || ks.Zip(ks.Skip(1)).Any(p => p.Second <= p.First))
            {
                throw new UsageException("--workers: must start with 1 and be increasing, e.g. 1,2,4,8,16");
            }

            int n = Positive("--tasks", parse.GetValue(tasks));
            int reps = parse.GetValue(replicates) >= 2 ? parse.GetValue(replicates) : throw new UsageException($"--replicates: must be >= 2, got {parse.GetValue(replicates)}");
            int threadCount = Positive("--threads", parse.GetValue(threads));
            double w = parse.GetValue(work);
            if (!(w > 0) || double.IsInfinity(w))
            {
                throw new UsageException($"--work: must be a finite number > 0, got {w}");
            }

            double d = NonNegative("--decision-seconds", parse.GetValue(decision));
            var mode = parse.GetValue(dispatch) switch
            {
                "asynchronous" => Cases.DispatchMode.Asynchronous,
                "synchronous" => Cases.DispatchMode.Synchronous,
                var other => throw new UsageException($"--dispatch: '{other}' is not asynchronous or synchronous"),
            };
            var spec = new Cases.ClusterSpec([1], mode, new Cases.DurationSpec(parse.GetValue(duration)!, parse.GetValue(shape)), parse.GetValue(heterogeneity)!,
                new Cases.CoordinatorSpec(Alpha: NonNegative("--alpha", parse.GetValue(alpha)), Beta: NonNegative("--beta", parse.GetValue(beta)),
                    LatencySeconds: NonNegative("--latency", parse.GetValue(latency))));
            var cluster = ClusterFactory.Create(spec, 1, n).Cluster;
            bool withOverhead = parse.GetValue(fitOverhead);
            if (withOverhead && ks.Length < 4)
            {
                throw new UsageException("--fit-overhead: needs at least 4 K values");
            }

            var writer = parse.InvocationConfiguration.Output;
            writer.WriteLine($"scaling: {n} tasks x {w} s work, {d} s serial coordinator work per result, {parse.GetValue(duration)} task times, {parse.GetValue(dispatch)} dispatch, {reps} replicates per K");
            using var progress = new RunProgress(ks.Length * reps, Console.IsOutputRedirected, writer);
            var points = ScalingStudy.Run(cluster, ks, n, w, d, reps, new Seed(parse.GetValue(seed)), threadCount, progress.Advance);
            progress.Dispose();
            var fit = AmdahlFit.Fit(points.Select(p => (double)p.Workers).ToList(), points.Select(p => p.Speedup).ToList(), withOverhead);
            ScalingReport.Write(writer, points, fit);
            string csv = parse.GetValue(output)!;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(csv))!);
            File.WriteAllText(csv, ScalingReport.Csv(points, fit));
            var figure = ScalingReport.Figure(points, fit, Path.ChangeExtension(csv, null));
            writer.WriteLine($"wrote {csv}, {figure.PngPath ?? figure.SvgPath}");
            if (figure.Message is string note)
            {
                writer.WriteLine(note);
            }
            return 0;
        });
        return command;
    }

    private static int Positive(string option, int value) =>
        value >= 1 ? value : throw new UsageException($"{option}: must be an integer >= 1, got {value}");

    private static double NonNegative(string option, double value) =>
        double.IsFinite(value) && value >= 0 ? value : throw new UsageException($"{option}: must be a finite number >= 0, got {value.ToString(CultureInfo.InvariantCulture)}");
}
