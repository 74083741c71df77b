using System.Globalization;

namespace Almab.Experiments.Papers.Bai.RealWorld;

/// <summary>
/// Reads a dense Weka ARFF file (the format of the UCI sets Debian's weka package ships, e.g. ionosphere.arff,
/// segment-challenge.arff): numeric attributes (numeric, real, integer) as features and the last attribute, nominal,
/// as the class. Comments (%), blank lines and quoted names are handled; other attribute types, sparse rows and
/// missing values ('?') are refused with an <see cref="InvalidDataException"/> naming the file and line. A ".gz"
/// name is read through gzip.
/// </summary>
public static class ArffReader
{
    /// <summary>Reads <paramref name="path"/> as data set <paramref name="name"/>.</summary>
    public static LabeledData Read(string path, string name) => DataFileText.Read(path, reader => Parse(reader, name, path));

    /// <summary>Parses ARFF text; <paramref name="source"/> names it in error messages.</summary>
    public static LabeledData Parse(TextReader reader, string name, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var numeric = new List<bool>();
        string[]? classes = null;
        bool inData = false;
        var features = new List<float>();
        var labels = new List<int>();
        int lineNumber = 0;
        string? raw;
        while ((raw = reader.ReadLine()) is not null)
        {
            lineNumber++;
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '%')
            {
                continue;
            }

            string where = $"{source} line {lineNumber}";
            if (!inData)
            {
                if (line.StartsWith("@relation", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (line.StartsWith("@attribute", StringComparison.OrdinalIgnoreCase))
                {
                    if (classes is not null)
                    {
                        throw new InvalidDataException($"{where}: the nominal class must be the last attribute");
                    }

                    string type = AttributeType(line["@attribute".Length..].Trim(), where);
                    if (type.StartsWith('{'))
                    {
                        classes = Nominal(type, where);
                    }
                    else if (type.ToLowerInvariant() is "numeric" or "real" or "integer")
                    {
                        numeric.Add(true);
                    }
                    else
                    {
                        throw new InvalidDataException($"{where}: attribute type '{type}' is not supported (numeric features and a last nominal class only)");
                    }

                    continue;
                }

                if (line.StartsWith("@data", StringComparison.OrdinalIgnoreCase))
                {
                    if (classes is null || numeric.Count == 0)
                    {
                        throw new InvalidDataException($"{where}: @data before numeric attributes and a last nominal class attribute");
                    }

                    inData = true;
                    continue;
                }

                throw new InvalidDataException($"{where}: unexpected header line '{Clip(line)}'");
            }

            if (line[0] == '{')
            {
                throw new InvalidDataException($"{where}: sparse ARFF rows are not supported");
            }

            string[] cells = line.Split(',');
            if (cells.Length != numeric.Count + 1)
            {
                throw new InvalidDataException($"{where}: {cells.Length} values, expected {numeric.Count + 1}");
            }

            for (int j = 0; j < numeric.Count; j++)
            {
                string cell = cells[j].Trim();
                if (cell == "?")
                {
                    throw new InvalidDataException($"{where}: missing value in attribute {j + 1} (not supported)");
                }

                if (!float.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out float v) || !float.IsFinite(v))
                {
                    throw new InvalidDataException($"{where}, attribute {j + 1}: '{Clip(cell)}' is not a finite number");
                }

                features.Add(v);
            }

            string label = Unquote(cells[^1].Trim());
            int index = Array.IndexOf(classes!, label);
            if (index < 0)
            {
                throw new InvalidDataException($"{where}: class '{Clip(label)}' is not one of {{{string.Join(",", classes!)}}}");
            }

            labels.Add(index);
        }

        if (!inData || labels.Count < 2)
        {
            throw new InvalidDataException($"{source}: no @data section with at least two rows");
        }

        return new LabeledData(name, features.ToArray(), labels.ToArray(), numeric.Count, classes!);
    }

    private static string AttributeType(string rest, string where)
    {
        // rest = <name> <type>; the name may be quoted and contain spaces.
        int i;
        if (rest.Length > 0 && rest[0] is '\'' or '"')
        {
            i = rest.IndexOf(rest[0], 1);
            if (i < 0)
            {
                throw new InvalidDataException($"{where}: unterminated attribute name");
            }

            i++;
        }
        else
        {
            i = 0;
            while (i < rest.Length && !char.IsWhiteSpace(rest[i]))
            {
                i++;
            }
        }

        string type = rest[i..].Trim();
        return type.Length > 0 ? type : throw new InvalidDataException($"{where}: attribute without a type");
    }

    private static string[] Nominal(string type, string where)
    {
        if (!type.EndsWith('}'))
        {
            throw new InvalidDataException($"{where}: unterminated nominal value list");
        }

        var values = type[1..^1].Split(',').Select(v => Unquote(v.Trim())).ToArray();
        if (values.Length < 2 || values.Any(v => v.Length == 0) || values.Distinct(StringComparer.Ordinal).Count() != values.Length)
        {
            throw new InvalidDataException($"{where}: the class needs at least two distinct, non-empty values");
        }

        return values;
    }

    private static string Unquote(string v) => v.Length >= 2 && v[0] is '\'' or '"' && v[^1] == v[0] ? v[1..^1] : v;

    private static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "...";
}
