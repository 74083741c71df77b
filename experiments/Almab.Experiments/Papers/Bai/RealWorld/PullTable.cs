using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Almab.Experiments.Papers.Bai.RealWorld;

/// <summary>
/// The committed table of real pulls (<c>realworld-pulls.csv.gz</c>): a schema line, '#' note lines (machine, load,
/// date), a header, then one <see cref="PullRecord"/> per line. Writing goes to a temporary file renamed into place,
/// so a killed tabulation never leaves half a table. Reading refuses a missing, foreign or corrupt file with one
/// <see cref="InvalidDataException"/> naming the file (and line).
/// </summary>
public static class PullTable
{
    /// <summary>First line of every table.</summary>
    public const string Schema = "# almab-bai-pulls-1";

    /// <summary>The column header.</summary>
    public const string Header = "dataset,arm,pull,loss,accuracy,wall_seconds,cpu_seconds";

    /// <summary>Writes <paramref name="records"/> with <paramref name="notes"/> (one '#' line each) to a gzip CSV.</summary>
    public static void Write(string path, IEnumerable<PullRecord> records, IEnumerable<string> notes)
    {
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temp = full + ".tmp";
        using (var file = File.Create(temp))
        using (var gz = new GZipStream(file, CompressionLevel.SmallestSize))
        using (var w = new StreamWriter(gz, new UTF8Encoding(false)))
        {
            w.NewLine = "\n";
            w.WriteLine(Schema);
            foreach (string note in notes)
            {
                w.WriteLine("# " + note.ReplaceLineEndings(" "));
            }

            w.WriteLine(Header);
            foreach (var r in records)
            {
                if (r.Dataset.Contains(',', StringComparison.Ordinal) || r.Arm.Contains(',', StringComparison.Ordinal))
                {
                    throw new ArgumentException($"pull table: names must not contain commas ('{r.Dataset}', '{r.Arm}')");
                }

                w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Dataset},{r.Arm},{r.Pull},{r.Loss:R},{r.Accuracy:R},{r.WallSeconds:R},{r.CpuSeconds:R}"));
            }
        }

        File.Move(temp, full, overwrite: true);
    }

    /// <summary>Reads a table; every value is checked (finite loss &gt;= 0, accuracy in [0, 1], seconds &gt;= 0).</summary>
    public static IReadOnlyList<PullRecord> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"pull table not found: {path} (make it with 'almab bai tabulate')");
        }

        try
        {
            using var file = File.OpenRead(path);
            using var gz = new GZipStream(file, CompressionMode.Decompress);
            using var reader = new StreamReader(gz);
            return Parse(reader, path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path} is not a readable Almab pull table ({e.Message.TrimEnd('.')})", e);
        }
    }

    /// <summary>Parses table text; <paramref name="source"/> names it in messages.</summary>
    public static IReadOnlyList<PullRecord> Parse(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.ReadLine() != Schema)
        {
            throw new InvalidDataException($"{source}: not an Almab pull table (first line is not '{Schema}')");
        }

        var list = new List<PullRecord>();
        int lineNumber = 1;
        bool header = false;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.StartsWith('#') && !header)
            {
                continue;
            }

            if (!header)
            {
                if (line != Header)
                {
                    throw new InvalidDataException($"{source} line {lineNumber}: header '{line}', expected '{Header}'");
                }

                header = true;
                continue;
            }

            list.Add(ParseRecord(line, source, lineNumber));
        }

        if (!header || list.Count == 0)
        {
            throw new InvalidDataException($"{source}: no pull records");
        }

        return list;
    }

    private static PullRecord ParseRecord(string line, string source, int lineNumber)
    {
        string[] f = line.Split(',');
        string where = $"{source} line {lineNumber}";
        if (f.Length != 7 || f[0].Length == 0 || f[1].Length == 0)
        {
            throw new InvalidDataException($"{where}: {f.Length} fields, expected 7 ({Header})");
        }

        if (!int.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out int pull))
        {
            throw new InvalidDataException($"{where}: pull '{f[2]}' is not an integer >= 0");
        }

        double loss = Number(f[3], "loss", where), accuracy = Number(f[4], "accuracy", where);
        double wall = Number(f[5], "wall_seconds", where), cpu = Number(f[6], "cpu_seconds", where);
        if (accuracy > 1)
        {
            throw new InvalidDataException($"{where}: accuracy {accuracy} is above 1");
        }

        return new PullRecord(f[0], f[1], pull, loss, accuracy, wall, cpu);
    }

    private static double Number(string text, string field, string where) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) && v >= 0
            ? v
            : throw new InvalidDataException($"{where}: {field} '{text}' is not a finite number >= 0");
}
