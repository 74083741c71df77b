using System.CommandLine;
using System.Globalization;
using Almab.Algorithms.Randomness;
using Almab.Experiments.Cli;
using Almab.Experiments.Papers.AlmabDc.Verbs;
using Almab.Experiments.Verbs;

namespace Almab.Experiments.Papers.Ata;

/// <summary>
/// <c>almab ata &lt;table1|table2|regret|all&gt;</c>: the ATA paper's experiments (sections 7, 7.1, 7.2) on the
/// round-level allocation simulator, printed beside the paper's Tables 1-2, written as Markdown and CSV.
/// </summary>
public sealed class AtaVerb : ICliVerb
{
    /// <inheritdoc />
    public Command Build()
    {
        var which = new Argument<string>("experiment") { Description = "table1 (section 7), table2 (section 7.1), regret (section 7.2), horizon (ratios against the SGD horizon K) or all (the first three)." };
        var seeds = new Option<int>("--seeds") { Description = "Replicates per table cell. Each cell runs ~3e6 rounds per method, so 3 keeps `ata all` to minutes.", DefaultValueFactory = _ => 3 };
        var regretSeeds = new Option<int>("--regret-seeds") { Description = "Replicates per policy of the regret experiment (the paper ran 5).", DefaultValueFactory = _ => 5 };
        var rounds = new Option<int>("--rounds") { Description = "Rounds of the regret experiment (>= 100).", DefaultValueFactory = _ => 1 << 22 };
        var seed = new Option<ulong>("--seed") { Description = "Root seed.", DefaultValueFactory = _ => 20260101UL };
        var threads = new Option<int>("--threads") { Description = "Parallel cells (results do not depend on it).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var defaults = new AtaSgdSettings();
        var dimension = new Option<int>("--dimension") { Description = "Dimension d of the section 7 quadratic (not stated by the paper).", DefaultValueFactory = _ => defaults.Dimension };
        var step = new Option<double>("--step-size") { Description = "SGD step size gamma (not stated by the paper; the default gives K ~ 3e6 rounds).", DefaultValueFactory = _ => defaults.StepSize };
        var asynchronous = new Option<bool>("--async") { Description = "Asynchronous SGD with the allocation (Algorithms 6-7) instead of minibatch SGD." };
        var readme = new Option<string?>("--readme") { Description = "With `all`: rewrite the ATA rows between the generated-row markers of this Markdown file (e.g. README.md)." };
        var output = new Option<string>("--out") { Description = "Output folder.", DefaultValueFactory = _ => Path.Combine("results", "ata") };
        var command = new Command("ata", "Reproduce the ATA paper's Tables 1-2 and regret experiment.") { which, seeds, regretSeeds, rounds, seed, threads, dimension, step, asynchronous, output, readme };
        command.SetAction(parse =>
        {
            string experiment = parse.GetValue(which)!;
            if (experiment is not ("table1" or "table2" or "regret" or "horizon" or "all"))
            {
                throw new UsageException($"experiment '{experiment}' is not one of table1, table2, regret, horizon, all");
            }

            int s = parse.GetValue(seeds) >= 2 ? parse.GetValue(seeds) : throw new UsageException($"--seeds: must be >= 2, got {parse.GetValue(seeds)}");
            int rs = parse.GetValue(regretSeeds) >= 2 ? parse.GetValue(regretSeeds) : throw new UsageException($"--regret-seeds: must be >= 2, got {parse.GetValue(regretSeeds)}");
            int r = parse.GetValue(rounds) >= 100 ? parse.GetValue(rounds) : throw new UsageException($"--rounds: must be >= 100, got {parse.GetValue(rounds)}");
            int t = parse.GetValue(threads) >= 1 ? parse.GetValue(threads) : throw new UsageException($"--threads: must be >= 1, got {parse.GetValue(threads)}");
            int d = parse.GetValue(dimension) >= 2 ? parse.GetValue(dimension) : throw new UsageException($"--dimension: must be >= 2, got {parse.GetValue(dimension)}");
            double g = parse.GetValue(step);
            if (!(g > 0 && g <= 2))
            {
                throw new UsageException($"--step-size: must be in (0, 2] (gamma < 2/L with L < 1), got {g.ToString(CultureInfo.InvariantCulture)}");
            }

            string? readmePath = parse.GetValue(readme);
            if (readmePath is not null && (experiment != "all" || !File.Exists(readmePath)))
            {
                throw new UsageException(experiment != "all" ? "--readme needs the experiment 'all' (every row comes from one run)" : $"--readme: no file '{readmePath}'");
            }

            var tableRows = new List<AtaTableRow>();
            IReadOnlyList<AtaRegretCurve> regretCurves = [];
            var sgd = new AtaSgdSettings { Dimension = d, StepSize = g, Asynchronous = parse.GetValue(asynchronous) };
            string dir = parse.GetValue(output)!;
            Directory.CreateDirectory(dir);
            var root = new Seed(parse.GetValue(seed));
            var writer = parse.InvocationConfiguration.Output;
            var paper = AtaReport.PaperValues(Path.Combine(AppContext.BaseDirectory, "claims", "ata.json"));
            foreach (var (name, model, ns, title) in new[]
            {
                ("table1", "sqrt", new[] { 17, 51, 153, 459 }, "Table 1 — task times 29√i + Exp(29√i)"),
                ("table2", "linear", new[] { 17, 51, 153 }, "Table 2 — task times 29i + Exp(29i)"),
            })
            {
                if (experiment != name && experiment != "all")
                {
                    continue;
                }

                var result = AtaTableExperiment.Run(model, ns, s, root, t, sgd);
                tableRows.AddRange(result.Rows);
                string md = AtaReport.Markdown($"{title} ({s} seeds)", result.Rows, paper, sgd);
                writer.WriteLine(md);
                File.WriteAllText(Path.Combine(dir, name + ".md"), md);
                File.WriteAllText(Path.Combine(dir, name + ".csv"), AtaReport.Csv(result.Rows));
                File.WriteAllText(Path.Combine(dir, name + "-curves.csv"), AtaReport.CurvesCsv(result.Curves));
                var figure = AtaFigures.Table(name, title, ns, result, dir);
                writer.WriteLine($"figure: {figure.PngPath}, {figure.SvgPath}");
            }

            if (experiment is "horizon")
            {
                var rows = AtaHorizonStudy.Run("sqrt", [17, 51], [1_500, 30_000, 300_000, 3_000_000], s, root, t)
                    .Concat(AtaHorizonStudy.Run("linear", [17], [1_500, 30_000, 300_000, 3_000_000], s, root, t)).ToList();
                string md = AtaHorizonStudy.Markdown(rows, paper);
                writer.WriteLine(md);
                File.WriteAllText(Path.Combine(dir, "horizon.md"), md);
                File.WriteAllText(Path.Combine(dir, "horizon.csv"), AtaHorizonStudy.Csv(rows));
            }

            if (experiment is "regret" or "all")
            {
                var curves = AtaRegretExperiment.Run(r, rs, root, t);
                regretCurves = curves;
                foreach (var c in curves)
                {
                    double Averaged(int k) => c.MeanRegret[Array.IndexOf(c.Rounds, k)] / k;
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{c.Method}: R_T = {c.MeanRegret[^1]:F0} s after T = {c.Rounds[^1]} rounds; dR/d ln k over [T/4, T/2] = {c.EarlySlope:F0}, over [T/2, T] = {c.LateSlope:F0}, "
                        + $"ratio {c.IncrementRatio:F3} (1 = logarithmic, 2 = linear); R_k / k at T/4, T/2, T = {Averaged(r / 4):G3}, {Averaged(r / 2):G3}, {Averaged(r):G3} s (-> 0: sublinear)"));
                }

                File.WriteAllText(Path.Combine(dir, "regret.csv"), AtaReport.RegretCsv(curves));
                var regretFigure = AtaFigures.Regret(curves, dir);
                writer.WriteLine($"figure: {regretFigure.PngPath}, {regretFigure.SvgPath}");
            }

            if (readmePath is not null)
            {
                try
                {
                    File.WriteAllText(readmePath, AtaReadmeRows.Replace(File.ReadAllText(readmePath), AtaReadmeRows.Render(tableRows, paper, regretCurves, s)));
                }
                catch (FormatException e)
                {
                    throw new UsageException($"--readme {readmePath}: {e.Message}");
                }

                writer.WriteLine($"rewrote the ATA rows in {readmePath}");
            }

            writer.WriteLine($"wrote {dir}");
            return 0;
        });
        return command;
    }
}
