namespace Almab.Experiments.Papers.Bai.RealWorld;

/// <summary>
/// A classification data set held in memory: <see cref="Rows"/> × <see cref="Columns"/> features (row-major) and one
/// class label 0..<see cref="Classes"/>−1 per row (SH-RR paper, appendix C.3: the real-world tasks).
/// </summary>
public sealed class LabeledData
{
    /// <summary>Creates the data set; checks the shapes and that every label is in 0..classes−1 and every feature finite.</summary>
    public LabeledData(string name, float[] features, int[] labels, int columns, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classNames);
        if (columns < 1 || labels.Length < 2 || features.Length != labels.Length * columns)
        {
            throw new ArgumentException($"data set '{name}': {features.Length} feature values do not form {labels.Length} rows of {columns} columns (need >= 2 rows, >= 1 column)");
        }

        if (classNames.Count < 2)
        {
            throw new ArgumentException($"data set '{name}': at least two classes are needed (got {classNames.Count})");
        }

        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classNames.Count)
            {
                throw new ArgumentException($"data set '{name}': row {i} has label {labels[i]}, outside 0..{classNames.Count - 1}");
            }
        }

        for (int i = 0; i < features.Length; i++)
        {
            if (!float.IsFinite(features[i]))
            {
                throw new ArgumentException($"data set '{name}': row {i / columns}, column {i % columns} is not a finite number");
            }
        }

        Name = name;
        Features = features;
        Labels = labels;
        Columns = columns;
        ClassNames = classNames;
    }

    /// <summary>Data set name.</summary>
    public string Name { get; }

    /// <summary>Features, row-major: element r·Columns + j.</summary>
    public float[] Features { get; }

    /// <summary>Class label of each row, 0-based.</summary>
    public int[] Labels { get; }

    /// <summary>Number of features per row.</summary>
    public int Columns { get; }

    /// <summary>Number of rows.</summary>
    public int Rows => Labels.Length;

    /// <summary>Number of classes.</summary>
    public int Classes => ClassNames.Count;

    /// <summary>Class names in label order.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The rows <paramref name="rows"/> (in that order) as a new data set with the same classes.</summary>
    public LabeledData Subset(ReadOnlySpan<int> rows)
    {
        var f = new float[rows.Length * Columns];
        var l = new int[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            Array.Copy(Features, rows[i] * Columns, f, i * Columns, Columns);
            l[i] = Labels[rows[i]];
        }

        return new LabeledData(Name, f, l, Columns, ClassNames);
    }
}
