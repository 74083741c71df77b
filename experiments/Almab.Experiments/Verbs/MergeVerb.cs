using System.CommandLine;
using Almab.Experiments.Cli;
using Almab.Experiments.Papers.AlmabDc.Verbs;
using Almab.Experiments.Papers.Ata;
using Almab.Experiments.Store;

namespace Almab.Experiments.Verbs;

/// <summary><c>almab merge &lt;out.db&gt; &lt;shard.db&gt;...</c>: combines shard databases from <c>--shard i/N</c> runs.</summary>
public sealed class MergeVerb : ICliVerb
{
    /// <inheritdoc />
    public Command Build()
    {
        var output = new Argument<string>("output") { Description = "Merged database to create or extend." };
        var inputs = new Argument<string[]>("shards") { Description = "Shard databases to merge.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("merge", "Combine the results databases of several shards (identical cells must agree exactly).") { output, inputs };
        command.SetAction(parse =>
        {
            string target = parse.GetValue(output)!;
            var sources = parse.GetValue(inputs)!;
            foreach (string s in sources)
            {
                if (!File.Exists(s))
                {
                    throw new UsageException($"shard database not found: {s}");
                }

                if (Path.GetFullPath(s) == Path.GetFullPath(target))
                {
                    throw new UsageException($"the output {target} is also listed as a shard");
                }
            }

            // Open (and so check) every shard before the output is created.
            var opened = new List<ResultStore>();
            try
            {
                foreach (string s in sources)
                {
                    opened.Add(OpenStore(s, create: false));
                }

                bool existed = File.Exists(target);
                int added;
                var merged = OpenStore(target, create: true, exclusive: true);
                try
                {
                    added = StoreMerger.Merge(merged, opened);
                }
                catch (InvalidDataException e)
                {
                    merged.Dispose();
                    if (!existed)
                    {
                        // A refused merge leaves no half-made output behind.
                        foreach (string suffix in new[] { "", "-wal", "-shm", ".lock" })
                        {
                            File.Delete(target + suffix);
                        }
                    }

                    throw new UsageException(e.Message);
                }

                using (merged)
                {
                    parse.InvocationConfiguration.Output.WriteLine($"merged {sources.Length} shard(s) into {target}: {added} replicate(s) added, {merged.CountReplicates()} in total");
                }
            }
            finally
            {
                opened.ForEach(s => s.Dispose());
            }

            return 0;
        });
        return command;
    }

    /// <summary>
    /// Opens a store, turning an unreadable file, a newer schema or a database another process holds into a one-line
    /// usage error. With <paramref name="exclusive"/> the store's lock is taken (<see cref="StoreLock"/>).
    /// </summary>
    internal static ResultStore OpenStore(string path, bool create, bool exclusive = false)
    {
        try
        {
            return ResultStore.Open(path, create, exclusive);
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException or StoreLockedException)
        {
            throw new UsageException(e.Message);
        }
    }
}
