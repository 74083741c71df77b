using System.Globalization;

namespace Almab.Algorithms.Spaces;

/// <summary>
/// One point of a search space in native units (a categorical value is stored as its choice index).
/// Immutable, with value equality, so it can key dictionaries and be compared across runs.
/// </summary>
public sealed class Configuration : IEquatable<Configuration>
{
    private readonly double[] _values;

    /// <summary>Creates a configuration; the array is copied.</summary>
    public Configuration(ReadOnlySpan<double> values)
    {
        _values = values.ToArray();
    }

    /// <summary>Number of parameters.</summary>
    public int Count => _values.Length;

    /// <summary>Value of parameter <paramref name="index"/> in native units.</summary>
    public double this[int index] => _values[index];

    /// <summary>All values in parameter order.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <inheritdoc />
    public bool Equals(Configuration? other)
    {
        if (other is null)
        {
            return false;
        }

        return ReferenceEquals(this, other) || _values.AsSpan().SequenceEqual(other._values);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Configuration);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (double v in _values)
        {
            h.Add(v);
        }

        return h.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() =>
        "(" + string.Join(", ", _values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + ")";
}
