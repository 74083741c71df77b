using System.CommandLine;
using Almab.Experiments.Cli;
using Almab.Experiments.Papers.AlmabDc.Cases;
using Almab.Experiments.Papers.AlmabDc.Methods;
using Almab.Experiments.Papers.AlmabDc.Reporting;
using Almab.Experiments.Papers.Ata;
using Almab.Experiments.Reporting;
using Almab.Experiments.Verbs;

namespace Almab.Experiments.Papers.AlmabDc.Verbs;

/// <summary><c>almab report &lt;results.db&gt; [--out DIR]</c>: tables, figures, claims and an index.md per case.</summary>
public sealed class ReportVerb : ICliVerb
{
    /// <inheritdoc />
    public Command Build()
    {
        var database = new Argument<string>("results") { Description = "Results database (results.db)." };
        var output = new Option<string?>("--out") { Description = "Report folder (default: report/ next to the database)." };
        var command = new Command("report", "Write the report bundle (tables, figures, claims, index.md) of a results database.") { database, output };
        command.SetAction(parse =>
        {
            string db = parse.GetValue(database)!;
            string dir = parse.GetValue(output) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(db))!, "report");
            List<Store.ReplicateResult> results;
            ulong root;
            using (var store = MergeVerb.OpenStore(db, create: false))
            {
                results = store.ReadAll().ToList();
                string? seedText = store.GetMeta("root-seed");
                root = seedText is not null && ulong.TryParse(seedText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out ulong v) ? v : RunVerb.DefaultSeed;
            }

            if (results.Count == 0)
            {
                throw new UsageException($"{db} holds no finished replicates");
            }

            var writer = parse.InvocationConfiguration.Output;
            foreach (string index in Write(results, dir, writer, new Almab.Algorithms.Randomness.Seed(root)))
            {
                writer.WriteLine($"report: {index}");
            }

            return 0;
        });
        return command;
    }

    /// <summary>Writes the bundle (also used by <c>almab run</c> at the end of a run).</summary>
    internal static IReadOnlyList<string> Write(IReadOnlyList<Store.ReplicateResult> results, string directory, TextWriter writer, Almab.Algorithms.Randomness.Seed root)
    {
        var known = MethodRegistry.Default.All.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var definitions = new Dictionary<string, CaseDefinition>(StringComparer.Ordinal);
        CaseDefinition Resolve(string id)
        {
            if (!definitions.TryGetValue(id, out var d))
            {
                d = CaseLoader.Load(CaseCatalog.Default.Resolve(id), known);
                definitions[id] = d;
            }

            return d;
        }

        var notes = new List<string>();
        var indexes = ReportBundle.Write(results, Resolve, directory, notes, root);
        foreach (string note in notes.Distinct())
        {
            writer.WriteLine(note);
        }

        return indexes;
    }
}
