using System.CommandLine;
using Almab.Experiments.Cli;
using Almab.Experiments.Store;

namespace Almab.Experiments.Verbs;

/// <summary>
/// <c>almab diff &lt;a.db&gt; &lt;b.db&gt;</c>: exit 0 when both databases hold the same replicates with the same
/// deterministic content (<see cref="ResultComparer"/>: everything but the real compute seconds), else exit 1 naming
/// the first differing cells. What checks that a merged multi-machine run equals a single-process one.
/// </summary>
public sealed class DiffVerb : ICliVerb
{
    /// <inheritdoc />
    public Command Build()
    {
        var first = new Argument<string>("a") { Description = "First results database." };
        var second = new Argument<string>("b") { Description = "Second results database." };
        var command = new Command("diff", "Check that two results databases hold identical replicates (compute seconds excepted).") { first, second };
        command.SetAction(parse =>
        {
            string pathA = parse.GetValue(first)!, pathB = parse.GetValue(second)!;
            foreach (string p in new[] { pathA, pathB })
            {
                if (!File.Exists(p))
                {
                    throw new UsageException($"results database not found: {p}");
                }
            }

            using var a = MergeVerb.OpenStore(pathA, create: false);
            using var b = MergeVerb.OpenStore(pathB, create: false);
            var left = a.ReadAll().ToDictionary(r => r.Cell);
            var right = b.ReadAll().ToDictionary(r => r.Cell);
            var problems = new List<string>();
            problems.AddRange(left.Keys.Where(k => !right.ContainsKey(k)).Select(k => $"only in {pathA}: {k}"));
            problems.AddRange(right.Keys.Where(k => !left.ContainsKey(k)).Select(k => $"only in {pathB}: {k}"));
            problems.AddRange(left.Where(kv => right.TryGetValue(kv.Key, out var r) && !ResultComparer.SameDeterministicContent(kv.Value, r))
                .Select(kv => $"differs: {kv.Key}"));
            var writer = parse.InvocationConfiguration.Output;
            if (problems.Count == 0)
            {
                writer.WriteLine($"identical: {left.Count} replicate(s) in both");
                return 0;
            }

            foreach (string p in problems.Take(10))
            {
                writer.WriteLine(p);
            }

            parse.InvocationConfiguration.Error.WriteLine($"almab: error: {pathA} and {pathB} differ in {problems.Count} replicate(s)");
            return 1;
        });
        return command;
    }
}
