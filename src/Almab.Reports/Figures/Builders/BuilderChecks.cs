namespace Almab.Reports.Figures.Builders;

/// <summary>Argument checks shared by the builders (messages name the argument and the offending index).</summary>
internal static class BuilderChecks
{
    public static void SameCount<T>(IReadOnlyList<string> methods, T[] data, string name)
    {
        ArgumentNullException.ThrowIfNull(methods);
        ArgumentNullException.ThrowIfNull(data, name);
        if (methods.Count == 0)
        {
            throw new ArgumentException("At least one method is needed.", nameof(methods));
        }

        if (methods.Count != data.Length)
        {
            throw new ArgumentException($"{methods.Count} method names but {data.Length} entries in {name}.", name);
        }
    }

    public static void NotEmpty(double[][] replicates, string name, string method)
    {
        if (replicates is null || replicates.Length == 0)
        {
            throw new ArgumentException($"{name} for '{method}' has no replicates.", name);
        }
    }
}
