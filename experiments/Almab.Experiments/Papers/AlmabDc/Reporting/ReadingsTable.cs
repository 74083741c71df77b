using Almab.Experiments.Claims;
using Almab.Experiments.Papers.AlmabDc.Cases;
using Almab.Experiments.Papers.AlmabDc.Claims;
using Almab.Experiments.Store;

namespace Almab.Experiments.Papers.AlmabDc.Reporting;

/// <summary>
/// What <c>almab run</c> prints after the summary (issue 17): the paper's numbers for this case, one verdict per number
/// and per reading that this run holds (readings that are methods, such as case 5's random / random-distinct, are in the
/// same run), then the other readings of the same case, which are cases of their own (case 4's recommendation rules,
/// the illustrative example's task times), with the command that runs each.
/// </summary>
public static class ReadingsTable
{
    /// <summary>Writes the table; nothing when the case has no claims.</summary>
    public static void Write(TextWriter writer, CaseDefinition definition, IReadOnlyList<ReplicateResult> results, IReadOnlyList<string> knownCases)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(definition);
        var claims = ClaimsCatalog.AlmabDc.Where(c => c.Case == definition.Id).ToList();
        if (claims.Count == 0)
        {
            return;
        }

        var evaluator = new ClaimEvaluator(results, id => id == definition.Id ? definition : null);
        writer.WriteLine();
        writer.WriteLine($"paper numbers and readings ({definition.Id}):");
        writer.Write(ReadmeClaimsTable.Render([.. claims.Select(evaluator.Evaluate)]));
        string family = Family(definition.Id);
        var siblings = knownCases.Where(id => id != definition.Id && Family(id) == family).Order(StringComparer.Ordinal).ToList();
        if (siblings.Count > 0)
        {
            writer.WriteLine($"other readings of this case: {string.Join(", ", siblings.Select(s => $"almab run {s}"))}; then almab claims <their results.db>… for all verdicts side by side");
        }
    }

    /// <summary>The base case id a reading belongs to: case4-dose-response-best-observed-true → case4-dose-response.</summary>
    public static string Family(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        foreach (string suffix in new[] { "-best-observed-true", "-best-observed-noisy", "-deterministic", "-cv01" })
        {
            if (id.EndsWith(suffix, StringComparison.Ordinal))
            {
                return id[..^suffix.Length];
            }
        }

        return id;
    }
}
