using System.CommandLine;
using System.Globalization;
using System.Text;
using Almab.Reports.Csv;
using Almab.Experiments.Claims;
using Almab.Experiments.Cli;
using Almab.Experiments.Papers.AlmabDc.Cases;
using Almab.Experiments.Papers.AlmabDc.Claims;
using Almab.Experiments.Papers.AlmabDc.Methods;
using Almab.Experiments.Papers.Ata;
using Almab.Experiments.Verbs;

namespace Almab.Experiments.Papers.AlmabDc.Verbs;

/// <summary>
/// <c>almab claims &lt;results.db&gt;…</c>: every number the ALMAB-DC paper states (experiments/Almab.Experiments/Papers/AlmabDc/claims/almab-dc.json)
/// beside Almab's value and 95 % CI, with a verdict and its reason. Several databases (one per case) may be given.
/// </summary>
public sealed class ClaimsVerb : ICliVerb
{
    /// <inheritdoc />
    public Command Build()
    {
        var databases = new Argument<string[]>("results") { Description = "Results databases (results.db of one or more cases).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--out") { Description = "Also write claims.md and claims.csv into this folder." };
        var readme = new Option<string?>("--readme") { Description = "Rewrite the claims table between the generated-table markers of this Markdown file (e.g. README.md)." };
        var command = new Command("claims", "Check the papers' stated numbers against stored results.") { databases, output, readme };
        command.SetAction(parse =>
        {
            var results = new List<Store.ReplicateResult>();
            foreach (string db in parse.GetValue(databases)!)
            {
                using var store = MergeVerb.OpenStore(db, create: false);
                results.AddRange(store.ReadAll());
            }

            var known = MethodRegistry.Default.All.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
            var present = results.Select(r => r.Cell.CaseId).ToHashSet(StringComparer.Ordinal);
            var definitions = new Dictionary<string, CaseDefinition>(StringComparer.Ordinal);
            foreach (string id in present)
            {
                definitions[id] = CaseLoader.Load(CaseCatalog.Default.Resolve(id), known);
            }

            var evaluator = new ClaimEvaluator(results, id => definitions.GetValueOrDefault(id));
            var verdicts = ClaimsCatalog.AlmabDc.Select(evaluator.Evaluate).ToList();
            var writer = parse.InvocationConfiguration.Output;
            writer.Write(Markdown(verdicts));
            if (parse.GetValue(output) is string dir)
            {
                Directory.CreateDirectory(dir);
                File.WriteAllText(Path.Combine(dir, "claims.md"), Markdown(verdicts));
                File.WriteAllText(Path.Combine(dir, "claims.csv"), Csv(verdicts));
                writer.WriteLine($"wrote {Path.Combine(dir, "claims.md")} and claims.csv");
            }

            if (parse.GetValue(readme) is string path)
            {
                string text = File.Exists(path) ? File.ReadAllText(path) : throw new UsageException($"--readme: no file '{path}'");
                try
                {
                    File.WriteAllText(path, ReadmeClaimsTable.Replace(text, ReadmeClaimsTable.Render(verdicts)));
                }
                catch (FormatException e)
                {
                    throw new UsageException($"--readme {path}: {e.Message}");
                }

                writer.WriteLine($"rewrote the claims table in {path}");
            }

            return 0;
        });
        return command;
    }

    /// <summary>The verdict table as Markdown.</summary>
    public static string Markdown(IReadOnlyList<ClaimVerdict> verdicts)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| claim | where | quantity | stated | Almab [95 % CI] | verdict | why |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var v in verdicts)
        {
            sb.AppendLine($"| {v.Claim.Id} | {v.Claim.Where} | {v.Claim.Quantity} | {v.Claim.StatedText} | {Value(v)} | **{v.Verdict}** | {v.Reason} |");
        }

        var counts = verdicts.GroupBy(v => v.Verdict).Select(g => $"{g.Count()} {g.Key}");
        sb.AppendLine();
        sb.AppendLine($"{verdicts.Count} claims: {string.Join(", ", counts)}.");
        return sb.ToString();
    }

    private static string Csv(IReadOnlyList<ClaimVerdict> verdicts)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CsvFormat.Line(["id", "paper", "where", "quantity", "stated", "value", "ci_lower", "ci_upper", "verdict", "reason"]));
        foreach (var v in verdicts)
        {
            sb.AppendLine(CsvFormat.Line([v.Claim.Id, v.Claim.Paper, v.Claim.Where, v.Claim.Quantity, CsvFormat.Field(v.Claim.Stated),
                CsvFormat.Field(v.Value), CsvFormat.Field(v.Lower), CsvFormat.Field(v.Upper), v.Verdict, v.Reason]));
        }

        return sb.ToString();
    }

    private static string Value(ClaimVerdict v) =>
        double.IsNaN(v.Value) ? "–" : double.IsNaN(v.Lower) ? F(v.Value) : $"{F(v.Value)} [{F(v.Lower)}, {F(v.Upper)}]";

    private static string F(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
