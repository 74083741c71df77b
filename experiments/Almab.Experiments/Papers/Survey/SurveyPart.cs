using Almab.Algorithms.Randomness;
using Almab.Experiments.Runner;
using Almab.Experiments.Store;

namespace Almab.Experiments.Papers.Survey;

/// <summary>
/// One experiment of the survey (a sub-part of <c>almab survey</c>): its grid of cells, how one cell runs, and how the
/// stored replicates become a report, claims and figures. Cells use the shared store layout: CaseId = "survey-" + part,
/// Method, Workers, Budget and Noise are the part's axes (each part documents what Workers and Noise mean), and the
/// per-replicate curve is stored as evaluation rows (BestSoFar = the x value, Observed = Metric = the curve value,
/// TrueValue = a secondary quantity or NaN).
/// </summary>
public abstract class SurveyPart
{
    /// <summary>Sub-command name, e.g. "batch".</summary>
    public abstract string Name { get; }

    /// <summary>One line for help: what it runs and roughly how long the default takes.</summary>
    public abstract string Description { get; }

    /// <summary>The case id of this part's cells.</summary>
    public string CaseId => "survey-" + Name;

    /// <summary>All cells for <paramref name="replicates"/> replicates, in a fixed order.</summary>
    public IReadOnlyList<CellKey> Cells(int replicates) => Cells(replicates, SurveyOptions.Default);

    /// <summary>All cells for <paramref name="replicates"/> replicates with the user's <paramref name="options"/>, in a fixed order.</summary>
    public abstract IReadOnlyList<CellKey> Cells(int replicates, SurveyOptions options);

    /// <summary>Runs one cell. Pure given <paramref name="root"/>: methods of one replicate share its seed (common random numbers).</summary>
    public abstract ReplicateResult Run(CellKey cell, Seed root);

    /// <summary>Markdown report, CSV summary and claim verdicts from the stored replicates.</summary>
    public abstract SurveyPartReport Report(IReadOnlyList<ReplicateResult> results);

    /// <summary>The seed shared by every method of one replicate of this part.</summary>
    protected Seed ReplicateSeed(Seed root, int replicate) => root.Derive("survey").Derive(Name).Derive("replicate").Derive(replicate);
}
