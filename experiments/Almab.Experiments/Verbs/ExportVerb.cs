using System.CommandLine;
using Almab.Experiments.Cli;
using Almab.Experiments.Papers.AlmabDc.Verbs;
using Almab.Experiments.Papers.Ata;
using Almab.Experiments.Store;

namespace Almab.Experiments.Verbs;

/// <summary><c>almab export &lt;results.db&gt; [--out DIR]</c>: writes replicates.csv and evaluations.csv.</summary>
public sealed class ExportVerb : ICliVerb
{
    /// <inheritdoc />
    public Command Build()
    {
        var database = new Argument<string>("results") { Description = "Results database (results.db)." };
        var output = new Option<string?>("--out") { Description = "Folder for the CSV files (default: next to the database, in csv/)." };
        var command = new Command("export", "Export a results database as tidy CSV files.") { database, output };
        command.SetAction(parse =>
        {
            string db = parse.GetValue(database)!;
            string dir = parse.GetValue(output) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(db))!, "csv");
            using var store = MergeVerb.OpenStore(db, create: false);
            foreach (string file in CsvExporter.Export(store, dir))
            {
                parse.InvocationConfiguration.Output.WriteLine("wrote " + file);
            }

            return 0;
        });
        return command;
    }
}
