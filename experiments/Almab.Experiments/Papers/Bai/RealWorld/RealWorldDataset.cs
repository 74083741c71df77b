namespace Almab.Experiments.Papers.Bai.RealWorld;

/// <summary>One data set of the real-world study as declared in <c>cases/bai-realworld.json</c>.</summary>
public sealed record RealWorldDataset
{
    /// <summary>Name used in the table and on the command line (digits, ionosphere, segment, madelon-style).</summary>
    public required string Name { get; init; }

    /// <summary>How it is loaded: csv, arff (a file under data/) or madelon (generated).</summary>
    public required string Format { get; init; }

    /// <summary>File name under the program's data/ folder (csv, arff); null for a generated set.</summary>
    public string? File { get; init; }

    /// <summary>Seed of a generated set (the data set is fixed; the run seed does not change it).</summary>
    public ulong GeneratorSeed { get; init; }

    /// <summary>
    /// Time budget C of one BAI episode in "uniform rounds": C = BudgetRounds × (Σ over arms of the arm's mean recorded
    /// seconds), i.e. what pulling every arm BudgetRounds times costs on average. The paper gives its budgets in
    /// seconds of its machine (20–150 s) but not its per-pull times, so a budget in seconds would mean a different
    /// problem on another machine; in rounds it is the same for every table.
    /// </summary>
    public required double BudgetRounds { get; init; }

    /// <summary>The budget in seconds for arms whose mean seconds per pull are <paramref name="meanSeconds"/>.</summary>
    public double BudgetSeconds(IReadOnlyList<double> meanSeconds) => BudgetRounds * meanSeconds.Sum();

    /// <summary>The paper's Table 1–2 column this set stands in for, or null when it has none.</summary>
    public string? PaperColumn { get; init; }

    /// <summary>Where the data come from and under which licence (printed in the report).</summary>
    public required string Source { get; init; }

    /// <summary>Loads the data set from <paramref name="dataDir"/>; a bad file raises <see cref="InvalidDataException"/>.</summary>
    public LabeledData Load(string dataDir) => Format switch
    {
        "csv" => CsvDataReader.Read(Path.Combine(dataDir, File ?? throw new InvalidDataException($"data set '{Name}': csv needs a file")), Name),
        "arff" => ArffReader.Read(Path.Combine(dataDir, File ?? throw new InvalidDataException($"data set '{Name}': arff needs a file")), Name),
        "madelon" => MadelonGenerator.Generate(new Almab.Algorithms.Randomness.Seed(GeneratorSeed)),
        _ => throw new InvalidDataException($"data set '{Name}': format '{Format}' is not one of csv, arff, madelon"),
    };
}
