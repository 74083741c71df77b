using Almab.Algorithms.Randomness;
using Almab.Reports.Figures;
using Almab.Experiments.Papers.AlmabDc.Cases;
using Almab.Experiments.Reporting;
using Almab.Experiments.Store;

namespace Almab.Experiments.Papers.AlmabDc.Reporting;

/// <summary>
/// What every figure of one case's report needs: the case, its stored replicates, the methods actually present
/// (the case's order first, then any others by name), the reference method, the main cell (the case's first budget
/// and noise when stored, else the smallest stored) and where the files go.
/// </summary>
public sealed class ReportContext
{
    /// <summary>Builds the context; <paramref name="results"/> are the replicates of <paramref name="definition"/>'s case (at least one).</summary>
    public ReportContext(CaseDefinition definition, IReadOnlyList<ReplicateResult> results, bool lowerIsBetter, string directory, Seed root, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            throw new ArgumentException($"no replicates of {definition.Id} to report", nameof(results));
        }

        Definition = definition;
        Results = results;
        LowerIsBetter = lowerIsBetter;
        Directory = directory;
        Root = root;
        Notes = notes;
        Metric = results[0].MetricName;
        Methods = OrderMethods(definition, results.Select(r => r.Cell.Method));
        Reference = definition.ReferenceMethod is string r && Methods.Contains(r) ? r : Methods[0];
        Budgets = [.. results.Select(x => x.Cell.Budget).Distinct().Order()];
        NoiseLevels = [.. results.Select(x => x.Cell.Noise).Distinct().Order()];
        Budget = Budgets.Contains(definition.Budget[0]) ? definition.Budget[0] : Budgets[0];
        double caseNoise = CaseLoader.NoiseLevels(definition)[0];
        Noise = NoiseLevels.Contains(caseNoise) ? caseNoise : NoiseLevels[0];
        Main = [.. results.Where(x => x.Cell.Budget == Budget && x.Cell.Noise == Noise)];
        Workers = [.. Main.Select(x => x.Cell.Workers).Distinct().Order()];
        KMin = Workers[0];
    }

    /// <summary>The case.</summary>
    public CaseDefinition Definition { get; }

    /// <summary>Every stored replicate of the case.</summary>
    public IReadOnlyList<ReplicateResult> Results { get; }

    /// <summary>Whether smaller metric values are better.</summary>
    public bool LowerIsBetter { get; }

    /// <summary>Folder the files are written to.</summary>
    public string Directory { get; }

    /// <summary>The run's root seed (to redraw replicate 0's objective).</summary>
    public Seed Root { get; }

    /// <summary>One-line notes for the console.</summary>
    public ICollection<string> Notes { get; }

    /// <summary>Name of the stored metric.</summary>
    public string Metric { get; }

    /// <summary>Methods present in the results: those of the case's list in its order, then the others by ordinal name.</summary>
    public IReadOnlyList<string> Methods { get; }

    /// <summary>The case's reference method when present, else the first method present.</summary>
    public string Reference { get; }

    /// <summary>Stored budgets, ascending.</summary>
    public IReadOnlyList<int> Budgets { get; }

    /// <summary>Stored noise levels, ascending.</summary>
    public IReadOnlyList<double> NoiseLevels { get; }

    /// <summary>Budget of the main cell.</summary>
    public int Budget { get; }

    /// <summary>Noise level of the main cell.</summary>
    public double Noise { get; }

    /// <summary>Replicates at the main budget and noise.</summary>
    public IReadOnlyList<ReplicateResult> Main { get; }

    /// <summary>K values stored at the main budget and noise, ascending.</summary>
    public IReadOnlyList<int> Workers { get; }

    /// <summary>Smallest K at the main budget and noise.</summary>
    public int KMin { get; }

    /// <summary>Metric thresholds the paper states for the case (e.g. case 5's IPV ≤ 0.11, from the rounds-to-threshold claims).</summary>
    public IReadOnlyList<double> Thresholds { get; init; } = [];

    /// <summary>Methods present in the results in report order: the case's list first, then others by ordinal name.</summary>
    public static IReadOnlyList<string> OrderMethods(CaseDefinition definition, IEnumerable<string> present)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var set = present.ToHashSet(StringComparer.Ordinal);
        var ordered = definition.Methods.Where(set.Contains).ToList();
        ordered.AddRange(set.Where(m => !definition.Methods.Contains(m)).Order(StringComparer.Ordinal));
        return ordered;
    }

    /// <summary>Replicates of one method at K workers, the given budget and noise (default: the main cell), by replicate index.</summary>
    public List<ReplicateResult> Cell(string method, int workers, int? budget = null, double? noise = null)
    {
        int b = budget ?? Budget;
        double s = noise ?? Noise;
        return [.. Results.Where(r => r.Cell.Method == method && r.Cell.Workers == workers && r.Cell.Budget == b && r.Cell.Noise == s)
            .OrderBy(r => r.Cell.Replicate)];
    }

    /// <summary>Writes <paramref name="figure"/> as <paramref name="name"/>.png and .svg; returns its index.md line.</summary>
    public string Save(ChartGrid figure, string name, string caption)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ChartFiles files = figure.Save(Path.Combine(Directory, name));
        string png = Path.GetFileName(files.PngPath), svg = Path.GetFileName(files.SvgPath);
        return $"- ![{name}]({png}) [{png}]({png}) / [svg]({svg}) — {caption}";
    }

    /// <summary>Writes one chart as a <paramref name="widthPx"/> x <paramref name="heightPx"/> figure (see <see cref="Save(ChartGrid, string, string)"/>).</summary>
    public string Save(Chart chart, string name, string caption, int widthPx = 900, int heightPx = 560) =>
        Save(new ChartGrid(widthPx, heightPx).Add(chart), name, caption);
}
