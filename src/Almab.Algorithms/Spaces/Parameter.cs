using System.Collections.Immutable;

namespace Almab.Algorithms.Spaces;

/// <summary>
/// A typed search-space parameter with a one-dimensional encoding to [0, 1].
/// Float and integer parameters map linearly (or in log) from [low, high]; categorical and grid
/// parameters with n values map value i to the centre of the i-th of n equal cells, (i + 0.5) / n.
/// </summary>
public sealed record Parameter
{
    private Parameter(string name, ParameterKind kind, double low, double high, bool log,
        ImmutableArray<string> choices, ImmutableArray<double> levels)
    {
        Name = name;
        Kind = kind;
        Low = low;
        High = high;
        Log = log;
        Choices = choices;
        Levels = levels;

        // Encoding bounds, computed once (the logarithms were most of the cost of snapping candidate pools).
        if (kind is ParameterKind.Float or ParameterKind.Integer)
        {
            double lo = kind == ParameterKind.Integer ? low - 0.5 : low;
            double hi = kind == ParameterKind.Integer ? high + 0.5 : high;
            _encodeLow = log ? Math.Log(Math.Max(lo, low * 0.5)) : lo;
            _encodeHigh = log ? Math.Log(hi) : hi;
            if (log)
            {
                _decodeLog = kind == ParameterKind.Integer ? _encodeLow : Math.Log(low);
                _decodeLogSpan = kind == ParameterKind.Integer ? Math.Log(hi) - _encodeLow : Math.Log(high) - Math.Log(low);
            }
        }
    }

    private readonly double _encodeLow;
    private readonly double _encodeHigh;
    private readonly double _decodeLog;
    private readonly double _decodeLogSpan;

    /// <summary>Parameter name, unique in its space.</summary>
    public string Name { get; }

    /// <summary>Parameter type.</summary>
    public ParameterKind Kind { get; }

    /// <summary>Lower bound (float, integer); smallest level (grid); 0 (categorical).</summary>
    public double Low { get; }

    /// <summary>Upper bound (float, integer); largest level (grid); choices - 1 (categorical).</summary>
    public double High { get; }

    /// <summary>True when the encoding is logarithmic.</summary>
    public bool Log { get; }

    /// <summary>Labels of a categorical parameter (empty otherwise).</summary>
    public ImmutableArray<string> Choices { get; }

    /// <summary>Sorted values of a grid parameter (empty otherwise).</summary>
    public ImmutableArray<double> Levels { get; }

    /// <summary>Number of distinct values, or null for a float parameter.</summary>
    public long? Cardinality => Kind switch
    {
        ParameterKind.Float => null,
        ParameterKind.Integer => (long)(High - Low) + 1,
        ParameterKind.Categorical => Choices.Length,
        _ => Levels.Length,
    };

    /// <summary>A real parameter on [low, high]; log scale needs low &gt; 0.</summary>
    public static Parameter Float(string name, double low, double high, bool log = false)
    {
        ValidateName(name);
        if (!double.IsFinite(low) || !double.IsFinite(high) || !(low < high))
        {
            throw new ArgumentException($"parameter '{name}': need finite low < high, got [{low}, {high}]");
        }

        if (log && low <= 0)
        {
            throw new ArgumentException($"parameter '{name}': log scale needs low > 0, got {low}");
        }

        return new Parameter(name, ParameterKind.Float, low, high, log, [], []);
    }

    /// <summary>An integer parameter on [low, high] inclusive; log scale needs low &gt; 0.</summary>
    public static Parameter Integer(string name, long low, long high, bool log = false)
    {
        ValidateName(name);
        if (low > high)
        {
            throw new ArgumentException($"parameter '{name}': need low <= high, got [{low}, {high}]");
        }

        if (log && low <= 0)
        {
            throw new ArgumentException($"parameter '{name}': log scale needs low > 0, got {low}");
        }

        return new Parameter(name, ParameterKind.Integer, low, high, log, [], []);
    }

    /// <summary>A categorical parameter; labels must be distinct and non-empty.</summary>
    public static Parameter Categorical(string name, IEnumerable<string> choices)
    {
        ValidateName(name);
        var list = choices.ToImmutableArray();
        if (list.Length == 0 || list.Distinct(StringComparer.Ordinal).Count() != list.Length)
        {
            throw new ArgumentException($"parameter '{name}': categorical choices must be a non-empty set of distinct labels");
        }

        return new Parameter(name, ParameterKind.Categorical, 0, list.Length - 1, false, list, []);
    }

    /// <summary>A finite ordered grid of real values (sorted and de-duplicated check enforced).</summary>
    public static Parameter Grid(string name, IEnumerable<double> levels)
    {
        ValidateName(name);
        var list = levels.ToImmutableArray();
        if (list.Length == 0 || list.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException($"parameter '{name}': grid needs at least one finite level");
        }

        for (int i = 1; i < list.Length; i++)
        {
            if (!(list[i] > list[i - 1]))
            {
                throw new ArgumentException($"parameter '{name}': grid levels must be strictly increasing");
            }
        }

        return new Parameter(name, ParameterKind.Grid, list[0], list[^1], false, [], list);
    }

    /// <summary>Maps a native value to [0, 1].</summary>
    public double Encode(double value)
    {
        switch (Kind)
        {
            case ParameterKind.Float:
            case ParameterKind.Integer:
                return Log
                    ? Math.Clamp((Math.Log(value) - _encodeLow) / (_encodeHigh - _encodeLow), 0, 1)
                    : Math.Clamp((value - _encodeLow) / (_encodeHigh - _encodeLow), 0, 1);
            case ParameterKind.Categorical:
                return (value + 0.5) / Choices.Length;
            default:
                int index = Levels.IndexOf(value);
                if (index < 0)
                {
                    throw new ArgumentException($"parameter '{Name}': {value} is not a grid level");
                }

                return (index + 0.5) / Levels.Length;
        }
    }

    /// <summary>Maps u in [0, 1] (clamped) to a valid native value.</summary>
    public double Decode(double u)
    {
        u = double.IsNaN(u) ? 0.5 : Math.Clamp(u, 0, 1);
        switch (Kind)
        {
            case ParameterKind.Float:
                return Log
                    ? Math.Clamp(Math.Exp(_decodeLog + u * _decodeLogSpan), Low, High)
                    : Math.Clamp(Low + u * (High - Low), Low, High);
            case ParameterKind.Integer:
                double raw = Log ? Math.Exp(_decodeLog + u * _decodeLogSpan) : (Low - 0.5) + u * ((High + 0.5) - (Low - 0.5));
                return Math.Clamp(Math.Round(raw, MidpointRounding.AwayFromZero), Low, High);
            case ParameterKind.Categorical:
                return Math.Min((int)(u * Choices.Length), Choices.Length - 1);
            default:
                return Levels[Math.Min((int)(u * Levels.Length), Levels.Length - 1)];
        }
    }

    /// <summary>
    /// Encode(Decode(u)): the encoding of the legal value that <paramref name="u"/> decodes to, without the grid-level
    /// search for grid and categorical parameters (same result: levels are distinct, so the decoded cell is the index).
    /// </summary>
    public double Snap(double u)
    {
        switch (Kind)
        {
            case ParameterKind.Categorical:
            case ParameterKind.Grid:
                int count = Kind == ParameterKind.Grid ? Levels.Length : Choices.Length;
                u = double.IsNaN(u) ? 0.5 : Math.Clamp(u, 0, 1);
                return (Math.Min((int)(u * count), count - 1) + 0.5) / count;
            default:
                return Encode(Decode(u));
        }
    }

    /// <summary>True when <paramref name="value"/> is a legal native value of this parameter.</summary>
    public bool Contains(double value) => Kind switch
    {
        ParameterKind.Float => value >= Low && value <= High,
        ParameterKind.Integer => value >= Low && value <= High && Math.Floor(value) == value,
        ParameterKind.Categorical => value >= 0 && value < Choices.Length && Math.Floor(value) == value,
        _ => Levels.Contains(value),
    };

    private static void ValidateName(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("parameter name must be non-empty");
        }
    }
}
