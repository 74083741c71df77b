using System.Globalization;

namespace Almab.Experiments.Papers.Bai.RealWorld;

/// <summary>
/// Reads a headerless numeric CSV whose last column is an integer class label, optionally gzip-compressed (by the
/// ".gz" name); the format of scikit-learn's <c>digits.csv.gz</c> (64 pixel counts 0..16 and the digit).
/// A malformed file raises <see cref="InvalidDataException"/> naming the file and line.
/// </summary>
public static class CsvDataReader
{
    /// <summary>Reads <paramref name="path"/> as data set <paramref name="name"/>.</summary>
    public static LabeledData Read(string path, string name) => DataFileText.Read(path, reader => Parse(reader, name, path));

    /// <summary>Parses CSV text; <paramref name="source"/> names it in error messages.</summary>
    public static LabeledData Parse(TextReader reader, string name, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var features = new List<float>();
        var labels = new List<int>();
        int columns = -1;
        int lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            string[] cells = line.Split(',');
            if (columns < 0)
            {
                columns = cells.Length - 1;
                if (columns < 1)
                {
                    throw new InvalidDataException($"{source} line {lineNumber}: need at least one feature and a label");
                }
            }
            else if (cells.Length - 1 != columns)
            {
                throw new InvalidDataException($"{source} line {lineNumber}: {cells.Length} fields, expected {columns + 1}");
            }

            for (int j = 0; j < columns; j++)
            {
                if (!float.TryParse(cells[j], NumberStyles.Float, CultureInfo.InvariantCulture, out float v) || !float.IsFinite(v))
                {
                    throw new InvalidDataException($"{source} line {lineNumber}, field {j + 1}: '{cells[j]}' is not a finite number");
                }

                features.Add(v);
            }

            string last = cells[columns].Trim();
            if (!double.TryParse(last, NumberStyles.Float, CultureInfo.InvariantCulture, out double label) || label < 0 || label != Math.Floor(label) || label > 1000)
            {
                throw new InvalidDataException($"{source} line {lineNumber}: label '{last}' is not a class number 0..1000");
            }

            labels.Add((int)label);
        }

        if (labels.Count < 2)
        {
            throw new InvalidDataException($"{source}: fewer than two data rows");
        }

        int classes = labels.Max() + 1;
        var names = Enumerable.Range(0, classes).Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray();
        return new LabeledData(name, features.ToArray(), labels.ToArray(), columns, names);
    }
}
