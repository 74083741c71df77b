using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Optimizers.AlmabDc;

/// <summary>Every point of a finite search space, in mixed-radix order (first parameter varies slowest).</summary>
internal static class SpaceEnumeration
{
    public static List<Configuration> All(SearchSpace space)
    {
        var result = new List<Configuration>();
        ForEach(space, point => result.Add(new Configuration(point)));
        return result;
    }

    /// <summary>
    /// Every point encoded, in the same order: <c>space.Encode(c)</c> of each point of <see cref="All"/>, value for value,
    /// without building the configurations (ALMAB-DC builds its pool and its arms this way once per optimizer).
    /// </summary>
    public static List<double[]> AllEncoded(SearchSpace space)
    {
        var result = new List<double[]>();
        ForEach(space, point =>
        {
            var encoded = new double[point.Length];
            for (int j = 0; j < encoded.Length; j++)
            {
                encoded[j] = space.Parameters[j].Encode(point[j]);
            }

            result.Add(encoded);
        });
        return result;
    }

    private delegate void PointAction(ReadOnlySpan<double> point);

    private static void ForEach(SearchSpace space, PointAction action)
    {
        int d = space.Dimension;
        var values = new double[d][];
        for (int j = 0; j < d; j++)
        {
            var p = space.Parameters[j];
            values[j] = p.Kind switch
            {
                ParameterKind.Grid => p.Levels.ToArray(),
                ParameterKind.Categorical => Range(0, p.Choices.Length - 1),
                ParameterKind.Integer => Range((long)p.Low, (long)p.High),
                _ => throw new ArgumentException($"parameter '{p.Name}' is continuous and cannot be enumerated"),
            };
        }

        var digits = new int[d];
        var point = new double[d];
        while (true)
        {
            for (int j = 0; j < d; j++)
            {
                point[j] = values[j][digits[j]];
            }

            action(point);
            int k = d - 1;
            while (k >= 0 && ++digits[k] == values[k].Length)
            {
                digits[k] = 0;
                k--;
            }

            if (k < 0)
            {
                return;
            }
        }
    }

    private static double[] Range(long low, long high)
    {
        var r = new double[high - low + 1];
        for (long v = low; v <= high; v++)
        {
            r[v - low] = v;
        }

        return r;
    }
}
