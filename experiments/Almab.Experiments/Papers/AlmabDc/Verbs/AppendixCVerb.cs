using System.CommandLine;
using Almab.Algorithms.Randomness;
using Almab.Experiments.Cli;
using Almab.Experiments.Papers.AlmabDc.Cases;
using Almab.Experiments.Papers.AlmabDc.Methods;
using Almab.Experiments.Papers.AlmabDc.Scaling;

namespace Almab.Experiments.Papers.AlmabDc.Verbs;

/// <summary>
/// <c>almab appendix-c</c>: ALMAB-DC Appendix C on case 2 (<see cref="SurrogateScalingStudy"/>): GP / RF / MLP x CPU
/// counts, drag and runtime per run (Table 8 analogue), speed-up and efficiency with the Amdahl fit (Table 9), the
/// serial split, and the speed-up figure (PNG + SVG), into <c>--out</c> (default results/appendix-c).
/// </summary>
public sealed class AppendixCVerb : ICliVerb
{
    /// <inheritdoc />
    public Command Build()
    {
        var runs = new Option<int>("--runs") { Description = "Runs per cell (>= 2; the paper: 100).", DefaultValueFactory = _ => 100 };
        var cpus = new Option<string>("--cpus") { Description = "CPU counts, starting with 1 (the paper: 1,2,4,8,16).", DefaultValueFactory = _ => "1,2,4,8,16" };
        var measure = new Option<int>("--measure-up-to") { Description = "Measure runtime with real threads up to this CPU count (>= 1, at most the machine's); model above it.", DefaultValueFactory = _ => Math.Min(2, Environment.ProcessorCount) };
        var surrogates = new Option<string>("--surrogates") { Description = "Comma-separated: gp, rf, mlp.", DefaultValueFactory = _ => "gp,rf,mlp" };
        var seed = new Option<ulong>("--seed") { Description = "Root seed.", DefaultValueFactory = _ => 20260101UL };
        var output = new Option<string>("--out") { Description = "Output folder.", DefaultValueFactory = _ => Path.Combine("results", "appendix-c") };
        var command = new Command("appendix-c", "ALMAB-DC Appendix C: GP / RF / MLP surrogates x CPU counts on case 2 (Tables 8, 9 and Figure 13 analogue).")
        {
            runs, cpus, measure, surrogates, seed, output,
        };
        command.SetAction(parse =>
        {
            int n = parse.GetValue(runs);
            if (n < 2)
            {
                throw new UsageException($"--runs must be >= 2, got {n}");
            }

            var counts = ParseCpus(parse.GetValue(cpus)!);
            int upTo = parse.GetValue(measure);
            if (upTo < 1 || upTo > Environment.ProcessorCount)
            {
                throw new UsageException($"--measure-up-to must lie in 1..{Environment.ProcessorCount} (this machine's cores), got {upTo}");
            }

            var names = parse.GetValue(surrogates)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (string s in names)
            {
                _ = SurrogateChoice.Factory(s, 1); // unknown names fail here, before anything runs
            }

            var known = MethodRegistry.Default.All.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
            var definition = CaseLoader.Load(CaseCatalog.Default.Resolve("case2-airfoil"), known);
            var writer = parse.InvocationConfiguration.Output;
            var study = new SurrogateScalingStudy(definition, new Seed(parse.GetValue(seed)));
            var cells = new List<SurrogateScalingCell>();
            foreach (string s in names)
            {
                cells.AddRange(study.Run(s, counts, n, upTo, writer));
            }

            string dir = parse.GetValue(output)!;
            Directory.CreateDirectory(dir);
            string machine = $"{CpuModel()}, {Environment.ProcessorCount} cores; runtimes are real seconds on this machine, which other jobs may share";
            string markdown = SurrogateScalingReport.Markdown(cells, machine) + AppendixCConsistency.Markdown();
            File.WriteAllText(Path.Combine(dir, "appendix-c.md"), markdown);
            File.WriteAllText(Path.Combine(dir, "appendix-c.csv"), SurrogateScalingReport.Csv(cells));
            var figure = SurrogateScalingReport.Figure(cells, Path.Combine(dir, "speedup"));
            writer.Write(markdown);
            writer.WriteLine($"wrote {Path.Combine(dir, "appendix-c.md")}, appendix-c.csv, {figure.SvgPath}, {figure.PngPath}");

            return 0;
        });
        return command;
    }

    private static int[] ParseCpus(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var values = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out values[i]) || values[i] < 1
                || (i > 0 && values[i] <= values[i - 1]))
            {
                throw new UsageException($"--cpus must be increasing integers >= 1, got '{text}'");
            }
        }

        if (values.Length == 0 || values[0] != 1)
        {
            throw new UsageException($"--cpus must start with 1 (speed-ups are T_1 / T_C), got '{text}'");
        }

        return values;
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? "CPU model unknown" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return "CPU model unknown";
        }
    }
}
