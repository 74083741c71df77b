using System.CommandLine;
using Almab.Algorithms.Randomness;
using Almab.Experiments.Cli;
using Almab.Experiments.Papers.AlmabDc.Cases;
using Almab.Experiments.Papers.AlmabDc.Methods;
using Almab.Experiments.Papers.AlmabDc.Scaling;

namespace Almab.Experiments.Papers.AlmabDc.Verbs;

/// <summary>
/// <c>almab illustrative-cv</c>: section 2.6's speed-up at K = 4 against the task-time CV
/// (<see cref="TaskTimeSpeedupStudy"/>), printed, as CSV and as a figure (PNG + SVG) with the paper's 3.90 marked.
/// </summary>
public sealed class IllustrativeCvVerb : ICliVerb
{
    /// <inheritdoc />
    public Command Build()
    {
        var replicates = new Option<int>("--replicates") { Description = "Replicates per CV and K (>= 1).", DefaultValueFactory = _ => 100 };
        var seed = new Option<ulong>("--seed") { Description = "Root seed.", DefaultValueFactory = _ => 20260101UL };
        var output = new Option<string>("--out") { Description = "Output folder.", DefaultValueFactory = _ => Path.Combine("results", "illustrative-cv") };
        var command = new Command("illustrative-cv", "Section 2.6: speed-up at K = 4 vs task-time CV, with the paper's 3.90 marked.") { replicates, seed, output };
        command.SetAction(parse =>
        {
            int n = parse.GetValue(replicates);
            if (n < 1)
            {
                throw new UsageException($"--replicates must be >= 1, got {n}");
            }

            var known = MethodRegistry.Default.All.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
            var definition = CaseLoader.Load(CaseCatalog.Default.Resolve("illustrative-gaussian-mixture"), known);
            var points = TaskTimeSpeedupStudy.Run(definition, TaskTimeSpeedupStudy.DefaultCvs, n, new Seed(parse.GetValue(seed)));
            string dir = parse.GetValue(output)!;
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "speedup-vs-cv.csv"), TaskTimeSpeedupStudy.Csv(points));
            var figure = TaskTimeSpeedupStudy.Figure(points, Path.Combine(dir, "speedup-vs-cv"));
            var writer = parse.InvocationConfiguration.Output;
            writer.Write(TaskTimeSpeedupStudy.Text(points));
            double cv = TaskTimeSpeedupStudy.CvWhereSpeedupFallsTo(points, 3.90);
            writer.WriteLine(double.IsNaN(cv)
                ? "the paper's 3.90 is not reached even with deterministic task times"
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the paper's 3.90 needs task times with a CV of at most {cv:F3} (linear interpolation; 150 synchronous rounds, {n} replicates)"));
            writer.WriteLine($"wrote {Path.Combine(dir, "speedup-vs-cv.csv")}, {figure.SvgPath}{(figure.PngPath is null ? "" : ", " + figure.PngPath)}");
            return 0;
        });
        return command;
    }
}
