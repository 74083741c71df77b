using System.Collections.Immutable;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Spaces;

/// <summary>
/// A product of typed parameters with an encoding to the unit cube [0, 1]^d (one dimension per
/// parameter). Optimizers and surrogates work in the encoded cube; objectives see native values.
/// </summary>
public sealed class SearchSpace
{
    /// <summary>Creates a space; names must be unique.</summary>
    public SearchSpace(IEnumerable<Parameter> parameters)
    {
        Parameters = parameters.ToImmutableArray();
        if (Parameters.Length == 0)
        {
            throw new ArgumentException("a search space needs at least one parameter");
        }

        var duplicate = Parameters.GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"parameter name '{duplicate.Key}' appears more than once");
        }
    }

    /// <summary>The parameters in order.</summary>
    public ImmutableArray<Parameter> Parameters { get; }

    /// <summary>Dimension of the encoded unit cube.</summary>
    public int Dimension => Parameters.Length;

    /// <summary>True when every parameter is finite (categorical, grid or integer).</summary>
    public bool IsFinite => Parameters.All(p => p.Kind != ParameterKind.Float);

    /// <summary>Number of points when finite (saturating at long.MaxValue), otherwise null.</summary>
    public long? Cardinality
    {
        get
        {
            long total = 1;
            foreach (var p in Parameters)
            {
                if (p.Cardinality is not long c)
                {
                    return null;
                }

                total = c != 0 && total > long.MaxValue / c ? long.MaxValue : total * c;
            }

            return total;
        }
    }

    /// <summary>Index of the parameter called <paramref name="name"/>.</summary>
    public int IndexOf(string name)
    {
        for (int i = 0; i < Parameters.Length; i++)
        {
            if (Parameters[i].Name == name)
            {
                return i;
            }
        }

        throw new KeyNotFoundException($"no parameter named '{name}'");
    }

    /// <summary>Uniform sample in the encoded cube, decoded (log parameters are log-uniform).</summary>
    public Configuration Sample(Rng rng)
    {
        Span<double> u = stackalloc double[Dimension];
        for (int i = 0; i < u.Length; i++)
        {
            u[i] = rng.NextDouble();
        }

        return Decode(u);
    }

    /// <summary>Encodes a configuration into <paramref name="destination"/> (length = Dimension).</summary>
    public void Encode(Configuration configuration, Span<double> destination)
    {
        Check(configuration);
        for (int i = 0; i < Parameters.Length; i++)
        {
            destination[i] = Parameters[i].Encode(configuration[i]);
        }
    }

    /// <summary>Encodes a configuration into a new array.</summary>
    public double[] Encode(Configuration configuration)
    {
        var result = new double[Dimension];
        Encode(configuration, result);
        return result;
    }

    /// <summary>Decodes a unit-cube point (clamped) into a valid configuration.</summary>
    public Configuration Decode(ReadOnlySpan<double> unit)
    {
        if (unit.Length != Dimension)
        {
            throw new ArgumentException($"expected {Dimension} coordinates, got {unit.Length}");
        }

        Span<double> values = stackalloc double[Dimension];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Parameters[i].Decode(unit[i]);
        }

        return new Configuration(values);
    }

    /// <summary>
    /// Writes the encoding of the legal point nearest to a unit-cube point: <c>Encode(Decode(unit))</c>, value for
    /// value, without allocating (candidate pools call it for hundreds of points per decision).
    /// </summary>
    public void Snap(ReadOnlySpan<double> unit, Span<double> destination)
    {
        if (unit.Length != Dimension || destination.Length != Dimension)
        {
            throw new ArgumentException($"expected {Dimension} coordinates, got {unit.Length} and {destination.Length}");
        }

        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = Parameters[i].Snap(unit[i]);
        }
    }

    /// <summary>True when every value is legal for its parameter.</summary>
    public bool Contains(Configuration configuration)
    {
        if (configuration.Count != Dimension)
        {
            return false;
        }

        for (int i = 0; i < Dimension; i++)
        {
            if (!Parameters[i].Contains(configuration[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Readable rendering with names and category labels.</summary>
    public string Format(Configuration configuration)
    {
        // One string built in place (this runs for every stored evaluation): the same text as joining
        // name + "=" + value.ToString("G6", invariant) with ", ", without a string per value and per part.
        var text = new System.Runtime.CompilerServices.DefaultInterpolatedStringHandler(0, 0,
            System.Globalization.CultureInfo.InvariantCulture, stackalloc char[128]);
        for (int i = 0; i < Dimension; i++)
        {
            var p = Parameters[i];
            if (i > 0)
            {
                text.AppendLiteral(", ");
            }

            text.AppendFormatted(p.Name);
            text.AppendLiteral("=");
            if (p.Kind == ParameterKind.Categorical)
            {
                text.AppendFormatted(p.Choices[(int)configuration[i]]);
            }
            else
            {
                text.AppendFormatted(configuration[i], "G6");
            }
        }

        return text.ToStringAndClear();
    }

    private void Check(Configuration configuration)
    {
        if (configuration.Count != Dimension)
        {
            throw new ArgumentException($"configuration has {configuration.Count} values, the space has {Dimension} parameters");
        }
    }
}
