using System.Text.Json;
using Almab.Experiments.Cli;

namespace Almab.Experiments.Papers.AlmabDc.Cases;

/// <summary>Finds case files by id: "&lt;dir&gt;/&lt;id&gt;.json", where dir is --cases or the cases folder shipped next to the program.</summary>
public sealed class CaseCatalog(string directory)
{
    /// <summary>The folder shipped with the program (experiments/Almab.Experiments/Papers/AlmabDc/cases copied at build time).</summary>
    public static CaseCatalog Default { get; } = new(Path.Combine(AppContext.BaseDirectory, "cases"));

    /// <summary>The folder searched.</summary>
    public string Directory { get; } = directory;

    /// <summary>
    /// Ids of the <c>almab run</c> cases, sorted. Every paper's case files are shipped into the same folder (the SH-RR
    /// grid's <c>bai-synthetic.json</c> beside ALMAB-DC's cases), so only files that declare an objective count: the
    /// others belong to their paper's own verb.
    /// </summary>
    public IReadOnlyList<string> Ids() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetFiles(Directory, "*.json").Where(IsRunCase).Select(f => Path.GetFileNameWithoutExtension(f)!)
                .Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>Whether the file is an <c>almab run</c> case (a JSON object with an <c>objective</c>); unreadable JSON counts, so that loading it reports the error.</summary>
    private static bool IsRunCase(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return document.RootElement.ValueKind != JsonValueKind.Object || document.RootElement.TryGetProperty("objective", out _);
        }
        catch (JsonException)
        {
            return true;
        }
    }

    /// <summary>Path of the case file for <paramref name="idOrPath"/> (an id, or a path to a .json file).</summary>
    public string Resolve(string idOrPath)
    {
        if (idOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && File.Exists(idOrPath))
        {
            return idOrPath;
        }

        string path = Path.Combine(Directory, idOrPath + ".json");
        if (File.Exists(path))
        {
            return IsRunCase(path)
                ? path
                : throw new UsageException($"'{idOrPath}' is not an 'almab run' case: its file belongs to another paper's verb (e.g. 'almab bai' for bai-*); 'almab list' names the run cases");
        }

        var ids = Ids();
        throw new UsageException($"unknown case '{idOrPath}' (known: {(ids.Count == 0 ? "none in " + Directory : string.Join(", ", ids))})");
    }
}
