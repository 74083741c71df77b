using System.Globalization;
using Almab.Experiments.Claims;
using Almab.Experiments.Papers.AlmabDc.Cases;
using Almab.Experiments.Papers.AlmabDc.Claims;
using Almab.Experiments.Store;

namespace Almab.Experiments.Papers.AlmabDc.Reporting;

/// <summary>
/// What <c>almab run</c> prints after the summary (issue 17): every paper number of the case under every reading, one
/// verdict each. Readings that are methods (case 5's random / random-distinct, lhs / lhs-repaired) are in the same run;
/// readings that are cases of their own (case 4's recommendation rules, the illustrative example's task times and budget
/// unit) are read from their results databases beside this one when they have been run, and listed as "not run" with
/// the command that runs them otherwise. It ends with one line per paper number naming the readings that reproduce it.
/// </summary>
public static class ReadingsTable
{
    /// <summary>Case-id suffixes of reading cases (a reading case's family is its id without the suffix).</summary>
    private static readonly string[] CaseSuffixes = ["-best-observed-true", "-best-observed-noisy", "-deterministic", "-cv01", "-evaluations"];

    /// <summary>Claim-id tokens that name a reading; removing them gives the paper number's id.</summary>
    private static readonly string[] ClaimTokens = ["-best-observed-true", "-best-observed-noisy", "-deterministic", "-cv01", "-per-evaluation", "-evaluations", "-wallclock", "-distinct", "-repaired"];

    /// <summary>
    /// Writes the table; nothing when the family has no claims. <paramref name="sibling"/> gives another reading case's
    /// definition and stored results, or null when it has not been run.
    /// </summary>
    public static void Write(TextWriter writer, CaseDefinition definition, IReadOnlyList<ReplicateResult> results, IReadOnlyList<string> knownCases,
        Func<string, (CaseDefinition Definition, IReadOnlyList<ReplicateResult> Results)?>? sibling = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(knownCases);
        string family = Family(definition.Id);
        var members = knownCases.Where(id => Family(id) == family).Append(definition.Id).Distinct().Order(StringComparer.Ordinal).ToList();
        var verdicts = new List<ClaimVerdict>();
        foreach (string id in members)
        {
            var claims = ClaimsCatalog.AlmabDc.Where(c => c.Case == id && c.Check != "own-model").ToList();
            var loaded = id == definition.Id ? (definition, results) : sibling?.Invoke(id);
            var evaluator = loaded is { } l
                ? new ClaimEvaluator(l.Results, c => c == id ? l.Definition : null)
                : new ClaimEvaluator([], _ => null);
            verdicts.AddRange(claims.Select(evaluator.Evaluate));
        }

        if (verdicts.Count == 0)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine($"paper numbers under each reading ({family}{(members.Count > 1 ? " and its reading cases" : "")}):");
        writer.Write(Render(verdicts));
        foreach (string id in members.Where(m => verdicts.Any(v => v.Claim.Case == m && v.Verdict == "not run")))
        {
            writer.WriteLine($"  not run yet: almab run {id}");
        }
    }

    /// <summary>The table (reading case | claim | paper | Almab [95 % CI] | verdict) and the per-number summary lines.</summary>
    public static string Render(IReadOnlyList<ClaimVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var sb = new System.Text.StringBuilder();
        sb.AppendLine("| reading (case) | paper number | paper | Almab [95 % CI] | verdict |");
        sb.AppendLine("|---|---|---|---|---|");
        foreach (var v in verdicts)
        {
            string value = double.IsNaN(v.Value) ? "–" : double.IsNaN(v.Lower) ? F(v.Value) : $"{F(v.Value)} [{F(v.Lower)}, {F(v.Upper)}]";
            sb.AppendLine($"| {v.Claim.Case} | {v.Claim.Quantity.Replace("|", "\\|", StringComparison.Ordinal)} | {v.Claim.StatedText} | {value} | {v.Verdict} |");
        }

        foreach (var number in verdicts.GroupBy(v => Number(v.Claim.Id)))
        {
            var ran = number.Where(v => v.Verdict != "not run").ToList();
            var yes = ran.Where(v => v.Verdict == "reproduced").Select(v => v.Claim.Id).ToList();
            string stated = number.First().Claim.StatedText;
            sb.AppendLine(ran.Count == 0
                ? $"  {number.Key} (paper {stated}): no reading run yet"
                : $"  {number.Key} (paper {stated}): {(yes.Count == 0 ? "no reading reproduces it" : "reproduced by " + string.Join(", ", yes))} (reproduced under {yes.Count} of the {ran.Count} readings run)");
        }

        return sb.ToString();
    }

    /// <summary>The base case id a reading belongs to: case4-dose-response-best-observed-true → case4-dose-response (suffixes stack: -evaluations-cv01).</summary>
    public static string Family(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        bool stripped = true;
        while (stripped)
        {
            stripped = false;
            foreach (string suffix in CaseSuffixes.Where(s => id.EndsWith(s, StringComparison.Ordinal)))
            {
                id = id[..^suffix.Length];
                stripped = true;
            }
        }

        return id;
    }

    /// <summary>The paper number a claim checks, without its reading: ill-regret-change-evaluations-per-evaluation → ill-regret-change.</summary>
    public static string Number(string claimId)
    {
        ArgumentNullException.ThrowIfNull(claimId);
        string id = claimId;
        foreach (string token in ClaimTokens)
        {
            id = id.Replace(token, "", StringComparison.Ordinal);
        }

        return id;
    }

    private static string F(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
