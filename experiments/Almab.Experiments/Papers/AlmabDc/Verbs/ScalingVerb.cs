using Almab.Experiments.Papers.AlmabDc.Cases;
using Almab.Experiments.Verbs;
using System.CommandLine;
using System.Globalization;
using Almab.Algorithms.Randomness;
using Almab.Reports.Csv;
using Almab.Sim.Scaling;
using Almab.Experiments.Cli;
using Almab.Experiments.Papers.AlmabDc.Runner;
using Almab.Experiments.Papers.AlmabDc.Verbs;
using Almab.Experiments.Papers.Ata;
using Almab.Experiments.Runner;

namespace Almab.Experiments.Papers.AlmabDc.Verbs;

/// <summary>
/// <c>almab scaling</c>: runs a fixed workload on simulated clusters of K workers, prints the speedup table with the
/// Amdahl fit (p and its standard error; optionally alpha, beta of the efficiency term), ALMAB-DC's closed-form K*
/// (eq. 7) beside the numerical K* of both wall-clock readings, and writes the table as CSV. With <c>--allocation</c> it
/// instead runs R rounds of B unit tasks allocated by an ATA-paper policy (<see cref="AllocationScalingStudy"/>) and
/// reports per K the round makespan, total worker time, speedup and the policy's last allocation.
/// Every option value is checked here, before anything runs, so a bad value gives one line naming the option.
/// </summary>
public sealed class ScalingVerb : ICliVerb
{
    /// <inheritdoc />
    public Command Build()
    {
        var workers = new Option<string>("--workers") { Description = "Comma-separated K values; must start with 1 and increase.", DefaultValueFactory = _ => "1,2,4,8,16" };
        var tasks = new Option<int>("--tasks") { Description = "Tasks in the workload (>= 1); with --allocation, the unit tasks per round B.", DefaultValueFactory = _ => 480 };
        var work = new Option<double>("--work") { Description = "Nominal work per task, virtual seconds (> 0; not with --allocation, whose tasks are unit tasks).", DefaultValueFactory = _ => 1.0 };
        var decision = new Option<double>("--decision-seconds") { Description = "Serial coordinator seconds per absorbed result, the surrogate update (>= 0; not with --allocation).", DefaultValueFactory = _ => 0.05 };
        var duration = new Option<string>("--duration") { Description = $"Task-time family X, mean 1 per unit work: {string.Join(", ", DurationKinds)}.", DefaultValueFactory = _ => "log-normal" };
        var shape = new Option<double>("--shape") { Description = "Shape of gamma, log-normal and Pareto task times: log-normal log-sd in (0, 1e150], gamma shape k in [1e-300, 1e300], Pareto tail index in (1, 1e300].", DefaultValueFactory = _ => 0.3 };
        var shift = new Option<double>("--shift") { Description = "shifted-exponential: the constant part a of a + Exp(1 - a), in [0, 1); 0.5 is the ATA paper's a + Exp(a).", DefaultValueFactory = _ => 0.5 };
        var heterogeneity = new Option<string>("--heterogeneity") { Description = $"Worker time factors c_i (task time c_i X): {string.Join(", ", HeterogeneityProfiles)}.", DefaultValueFactory = _ => "homogeneous" };
        var alpha = new Option<double>("--alpha") { Description = "Coordinator overhead alpha (seconds per decision at K = 1, >= 0).", DefaultValueFactory = _ => 0.0 };
        var beta = new Option<double>("--beta") { Description = "Coordinator overhead exponent beta (alpha K^beta per decision, >= 0).", DefaultValueFactory = _ => 1.0 };
        var latency = new Option<double>("--latency") { Description = "Per-message latency, seconds (>= 0).", DefaultValueFactory = _ => 0.0 };
        var dispatch = new Option<string>("--dispatch") { Description = "asynchronous or synchronous (--allocation needs asynchronous: the round barrier is the policy's).", DefaultValueFactory = _ => "asynchronous" };
        var replicates = new Option<int>("--replicates") { Description = "Replicates per K (>= 2).", DefaultValueFactory = _ => 20 };
        var fitOverhead = new Option<bool>("--fit-overhead") { Description = "Also fit alpha and beta of eta(K) = 1/(1 + alpha K^beta) (needs >= 4 K values; not with --allocation)." };
        var allocation = new Option<string>("--allocation")
        {
            Description = "none: the fixed workload above. uta, gta, ata, ata-empirical, ofta: R rounds of B unit tasks allocated by that ATA-paper policy "
                + "on the simulated cluster; reports per K the mean round makespan, total worker time, speedup vs K = 1 (same policy) and the last allocation. "
                + "The ATA paper's time model is --duration shifted-exponential --shift 0.5 --heterogeneity sqrt (c_i = sqrt(i)).",
            DefaultValueFactory = _ => "none",
        };
        var rounds = new Option<int>("--rounds") { Description = "With --allocation: rounds R per replicate (>= 1).", DefaultValueFactory = _ => 100 };
        var ataAlpha = new Option<double>("--ata-alpha") { Description = "With --allocation ata: the Orlicz bound alpha as a multiple of the largest mean task time (> 0; the paper's section 7: 2).", DefaultValueFactory = _ => 2.0 };
        var ataEta = new Option<double>("--ata-eta") { Description = "With --allocation ata-empirical: eta, a bound on the coefficient of variation sigma_i / mu_i (>= 0; the paper: 1).", DefaultValueFactory = _ => 1.0 };
        var seed = new Option<ulong>("--seed") { Description = "Root seed.", DefaultValueFactory = _ => 20260101UL };
        var threads = new Option<int>("--threads") { Description = "Parallel simulations (>= 1).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var output = new Option<string>("--out") { Description = "CSV file for the table, or an existing folder to write scaling.csv (allocation-<policy>.csv with --allocation) into (with --allocation the default is results/scaling/allocation-<policy>.csv).", DefaultValueFactory = _ => Path.Combine("results", "scaling", "scaling.csv") };
        var command = new Command("scaling", "Measure speedup vs K on a simulated cluster and fit Amdahl's law, or (--allocation) the speedup of an allocation policy.")
        {
            workers, tasks, work, decision, duration, shape, shift, heterogeneity, alpha, beta, latency, dispatch, replicates, fitOverhead, allocation, rounds,
            ataAlpha, ataEta, seed, threads, output,
        };
        command.SetAction(parse =>
        {
            var ks = RunOptions.PositiveInts("--workers", parse.GetValue(workers), default);
            if (ks[0] != 1 || ks.Zip(ks.Skip(1)).Any(p => p.Second <= p.First))
            {
                throw new UsageException($"--workers: '{parse.GetValue(workers)}' must start with 1 and increase, e.g. 1,2,4,8,16");
            }

            int n = Positive("--tasks", parse.GetValue(tasks));
            int reps = parse.GetValue(replicates) >= 2 ? parse.GetValue(replicates) : throw new UsageException($"--replicates: must be an integer >= 2, got {parse.GetValue(replicates)}");
            int threadCount = Positive("--threads", parse.GetValue(threads));
            string policy = OneOf("--allocation", parse.GetValue(allocation)!, ["none", .. AllocationScalingStudy.Policies]);
            bool allocating = policy != "none";
            var mode = OneOf("--dispatch", parse.GetValue(dispatch)!, ["asynchronous", "synchronous"]) == "asynchronous"
                ? DispatchMode.Asynchronous
                : DispatchMode.Synchronous;
            var taskTime = TaskTime(parse, duration, shape, shift);
            string profile = OneOf("--heterogeneity", parse.GetValue(heterogeneity)!, HeterogeneityProfiles);
            var coordinator = new CoordinatorSpec(
                Alpha: NonNegative("--alpha", parse.GetValue(alpha)), Beta: NonNegative("--beta", parse.GetValue(beta)),
                LatencySeconds: NonNegative("--latency", parse.GetValue(latency)));
            var cluster = ClusterFactory.Create(new ClusterSpec([1], mode, taskTime, profile, coordinator), 1, n).Cluster;
            var writer = parse.InvocationConfiguration.Output;
            var root = new Seed(parse.GetValue(seed));
            string csv = parse.GetValue(output)!;
            if (allocating)
            {
                foreach (var (option, why) in new (Option Option, string Why)[]
                {
                    (work, "allocation tasks are unit tasks"), (decision, "the policies' updates take no virtual time; --alpha/--beta charge the coordinator"),
                    (fitOverhead, "the allocation study fits no Amdahl law"),
                    (ataAlpha, "it applies to --allocation ata only"), (ataEta, "it applies to --allocation ata-empirical only"),
                })
                {
                    if (Given(parse, option) && !(option == ataAlpha && policy == "ata") && !(option == ataEta && policy == "ata-empirical"))
                    {
                        throw new UsageException($"{option.Name}: does not apply with --allocation {policy} ({why})");
                    }
                }

                if (mode != DispatchMode.Asynchronous)
                {
                    throw new UsageException($"--dispatch: '{parse.GetValue(dispatch)}' does not work with --allocation {policy}; it needs asynchronous (the round barrier is the policy's)");
                }

                var settings = new AllocationScalingSettings(policy, n, Positive("--rounds", parse.GetValue(rounds)), reps,
                    PositiveFinite("--ata-alpha", parse.GetValue(ataAlpha)), NonNegative("--ata-eta", parse.GetValue(ataEta)));
                csv = Given(parse, output) ? InFolder(csv, $"allocation-{policy}.csv") : Path.Combine("results", "scaling", $"allocation-{policy}.csv");

                writer.WriteLine($"scaling --allocation {policy}: {settings.Rounds} rounds of {n} unit tasks, {Describe(taskTime)} task times, {profile} workers, "
                    + $"latency {cluster.Communication.Latency.Mean.ToString(CultureInfo.InvariantCulture)} s, {reps} replicates per K");
                using var allocationProgress = RunProgress.Single($"allocation {policy}", ks.Length * reps, writer, RunProgress.ResolveMode(false, writer));
                var rows = AllocationScalingStudy.Run(cluster, ks, settings, root, threadCount, allocationProgress.Advance);
                allocationProgress.Complete();
                ScalingReport.WriteAllocation(writer, settings, rows);
                WriteCsv(csv, ScalingReport.AllocationCsv(settings, rows));
                writer.WriteLine($"wrote {csv}");
                return 0;
            }

            foreach (var option in new Option[] { rounds, ataAlpha, ataEta })
            {
                if (Given(parse, option))
                {
                    throw new UsageException($"{option.Name}: applies only with --allocation <{string.Join('|', AllocationScalingStudy.Policies)}>");
                }
            }

            csv = InFolder(csv, "scaling.csv");
            double w = PositiveFinite("--work", parse.GetValue(work));
            double d = NonNegative("--decision-seconds", parse.GetValue(decision));
            bool withOverhead = parse.GetValue(fitOverhead);
            if (withOverhead && ks.Length < 4)
            {
                throw new UsageException($"--fit-overhead: needs at least 4 K values in --workers, got {ks.Length}");
            }

            writer.WriteLine($"scaling: {n} tasks x {w} s work, {d} s serial coordinator work per result, {Describe(taskTime)} task times, {parse.GetValue(dispatch)} dispatch, {reps} replicates per K");
            using var progress = RunProgress.Single("scaling", ks.Length * reps, writer, RunProgress.ResolveMode(false, writer));
            var points = ScalingStudy.Run(cluster, ks, n, w, d, reps, root, threadCount, progress.Advance);
            progress.Complete();
            var fit = AmdahlFit.Fit(points.Select(p => (double)p.Workers).ToList(), points.Select(p => p.Speedup).ToList(), withOverhead);
            ScalingReport.Write(writer, points, fit);
            WriteCsv(csv, ScalingReport.Csv(points, fit));
            var figure = ScalingReport.Figure(points, fit, Path.ChangeExtension(csv, null));
            writer.WriteLine($"wrote {csv}, {figure.PngPath}, {figure.SvgPath}");
            return 0;
        });
        return command;
    }

    /// <summary>The task-time families <c>--duration</c> accepts.</summary>
    internal static readonly string[] DurationKinds = ["deterministic", "exponential", "shifted-exponential", "gamma", "log-normal", "pareto"];

    /// <summary>The speed profiles <c>--heterogeneity</c> accepts.</summary>
    internal static readonly string[] HeterogeneityProfiles = ["homogeneous", "sqrt", "linear", "two-tier", "log-normal"];

    /// <summary>
    /// --duration with the parameter its family uses (--shape or --shift), each checked against the family's range; a
    /// parameter given for a family that does not use it is an error rather than silently ignored.
    /// </summary>
    /// <summary>An --out that names an existing folder (or ends with a separator) gets the default file name inside it.</summary>
    private static string InFolder(string path, string fileName) =>
        Directory.Exists(path) || path.EndsWith(Path.DirectorySeparatorChar) || path.EndsWith(Path.AltDirectorySeparatorChar)
            ? Path.Combine(path, fileName)
            : path;

    private static DurationSpec TaskTime(ParseResult parse, Option<string> duration, Option<double> shape, Option<double> shift)
    {
        string kind = OneOf("--duration", parse.GetValue(duration)!, DurationKinds);
        double k = parse.GetValue(shape);
        double a = parse.GetValue(shift);
        bool usesShape = kind is "gamma" or "log-normal" or "pareto";
        if (Given(parse, shape) && !usesShape)
        {
            throw new UsageException($"--shape: does not apply to --duration {kind} (only to gamma, log-normal, pareto)");
        }

        if (Given(parse, shift) && kind != "shifted-exponential")
        {
            throw new UsageException($"--shift: does not apply to --duration {kind} (only to shifted-exponential)");
        }

        if (usesShape)
        {
            // The ranges keep the mean-1 normalization finite: 1/k for gamma, sigma^2/2 for log-normal.
            var (what, range, ok) = kind switch
            {
                "gamma" => ("the gamma shape k", "[1e-300, 1e300]", k >= 1e-300 && k <= 1e300),
                "log-normal" => ("the log-sd sigma of log-normal task times", "(0, 1e150]", k > 0 && k <= 1e150),
                _ => ("the Pareto tail index", "(1, 1e300] (a finite mean needs > 1)", k > 1 && k <= 1e300),
            };
            if (!ok)
            {
                throw new UsageException($"--shape: {what} must be in {range}, got {F(k)}");
            }
        }

        if (kind == "shifted-exponential" && !(a >= 0.0 && a < 1.0))
        {
            throw new UsageException($"--shift: the constant part a of a + Exp(1 - a) must be in [0, 1), got {a.ToString(CultureInfo.InvariantCulture)}");
        }

        return new DurationSpec(kind, k, a);
    }

    private static string Describe(DurationSpec d) => d.Kind switch
    {
        "shifted-exponential" => $"{F(d.Shift)} + Exp({F(1.0 - d.Shift)})",
        "gamma" => $"gamma (k = {F(d.Shape)})",
        "log-normal" => $"log-normal (sigma = {F(d.Shape)})",
        "pareto" => $"Pareto (tail index {F(d.Shape)})",
        var other => other,
    };

    private static void WriteCsv(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, text);
    }

    /// <summary>Whether <paramref name="option"/> was given on the command line (not just its default).</summary>
    private static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    private static string OneOf(string option, string value, IReadOnlyList<string> allowed) =>
        allowed.Contains(value) ? value : throw new UsageException($"{option}: '{value}' is not one of {string.Join(", ", allowed)}");

    private static int Positive(string option, int value) =>
        value >= 1 ? value : throw new UsageException($"{option}: must be an integer >= 1, got {value}");

    private static double PositiveFinite(string option, double value) =>
        double.IsFinite(value) && value > 0 ? value : throw new UsageException($"{option}: must be a finite number > 0, got {F(value)}");

    private static double NonNegative(string option, double value) =>
        double.IsFinite(value) && value >= 0 ? value : throw new UsageException($"{option}: must be a finite number >= 0, got {F(value)}");

    private static string F(double value) => value.ToString(CultureInfo.InvariantCulture);
}
