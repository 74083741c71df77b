using System.IO.Compression;

namespace Almab.Experiments.Papers.Bai.RealWorld;

/// <summary>Opens a data file as text (through gzip when its name ends in ".gz") for the ARFF and CSV readers.</summary>
internal static class DataFileText
{
    /// <summary>
    /// Parses <paramref name="path"/> with <paramref name="parse"/>; a missing file, or a parse error, is an
    /// <see cref="InvalidDataException"/> whose message starts with the path.
    /// </summary>
    public static LabeledData Read(string path, Func<TextReader, LabeledData> parse)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"data file not found: {path}");
        }

        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        try
        {
            return parse(reader);
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }
}
