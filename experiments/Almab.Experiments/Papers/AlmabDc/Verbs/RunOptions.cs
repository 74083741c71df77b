using System.Collections.Immutable;
using System.Globalization;
using Almab.Experiments.Cli;
using Almab.Experiments.Papers.Ata;
using Almab.Experiments.Verbs;

namespace Almab.Experiments.Papers.AlmabDc.Verbs;

/// <summary>Parsing of the run verb's list-valued options; every error names the option and the bad value.</summary>
internal static class RunOptions
{
    public static ImmutableArray<int> PositiveInts(string option, string? text, ImmutableArray<int> fallback)
    {
        if (text is null)
        {
            return fallback;
        }

        var list = ImmutableArray.CreateBuilder<int>();
        foreach (string part in Split(option, text))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) || v < 1)
            {
                throw new UsageException($"{option}: '{part}' is not an integer >= 1");
            }

            list.Add(v);
        }

        return Distinct(option, list.ToImmutable());
    }

    public static ImmutableArray<double> NonNegativeDoubles(string option, string? text, ImmutableArray<double> fallback)
    {
        if (text is null)
        {
            return fallback;
        }

        var list = ImmutableArray.CreateBuilder<double>();
        foreach (string part in Split(option, text))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v) || v < 0)
            {
                throw new UsageException($"{option}: '{part}' is not a finite number >= 0");
            }

            list.Add(v);
        }

        return Distinct(option, list.ToImmutable());
    }

    public static ImmutableArray<string> Names(string option, string? text, ImmutableArray<string> fallback) =>
        text is null ? fallback : Distinct(option, [.. Split(option, text)]);

    private static string[] Split(string option, string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length == 0 || parts.Any(p => p.Length == 0))
        {
            throw new UsageException($"{option}: '{text}' must be a comma-separated list without empty items");
        }

        return parts;
    }

    private static ImmutableArray<T> Distinct<T>(string option, ImmutableArray<T> values) =>
        values.Distinct().Count() == values.Length ? values : throw new UsageException($"{option}: a value is listed twice");
}
