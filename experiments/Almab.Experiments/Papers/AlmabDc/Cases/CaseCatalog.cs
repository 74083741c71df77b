using Almab.Experiments.Cli;

namespace Almab.Experiments.Papers.AlmabDc.Cases;

/// <summary>Finds case files by id: "&lt;dir&gt;/&lt;id&gt;.json", where dir is --cases or the cases folder shipped next to the program.</summary>
public sealed class CaseCatalog(string directory)
{
    /// <summary>The folder shipped with the program (experiments/Almab.Experiments/Papers/AlmabDc/cases copied at build time).</summary>
    public static CaseCatalog Default { get; } = new(Path.Combine(AppContext.BaseDirectory, "cases"));

    /// <summary>The folder searched.</summary>
    public string Directory { get; } = directory;

    /// <summary>Case ids available, sorted.</summary>
    public IReadOnlyList<string> Ids() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetFiles(Directory, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal).ToList()
            : [];

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
            return path;
        }

        var ids = Ids();
        throw new UsageException($"unknown case '{idOrPath}' (known: {(ids.Count == 0 ? "none in " + Directory : string.Join(", ", ids))})");
    }
}
