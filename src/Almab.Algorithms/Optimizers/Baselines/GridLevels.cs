using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Optimizers.Baselines;

/// <summary>
/// Evenly spaced values of one parameter, shared by <see cref="GridSearch"/> and <see cref="EqualSpacingDesign"/>.
/// A finite parameter with at most r values contributes all of them. Otherwise r values are taken at evenly spaced
/// positions, endpoints included: index round(j (c - 1) / (r - 1)) of a grid, categorical or linear integer
/// parameter; u = j / (r - 1) of the encoded coordinate of a float or log-integer parameter, decoded (so log
/// parameters are log-spaced; a log integer drops values that round to the same integer). One value is the middle one.
/// </summary>
internal static class GridLevels
{
    public static double[] Of(Parameter p, int r)
    {
        if (r < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(r), r, $"parameter '{p.Name}': need at least one grid level");
        }

        long? cardinality = p.Cardinality;
        if (cardinality is long c && (c <= r || !(p.Kind == ParameterKind.Integer && p.Log)))
        {
            int count = (int)Math.Min(c, r);
            var values = new double[count];
            for (int j = 0; j < count; j++)
            {
                long index = count == 1 ? (c - 1) / 2 : (long)Math.Round(j * (double)(c - 1) / (count - 1), MidpointRounding.AwayFromZero);
                values[j] = p.Kind switch
                {
                    ParameterKind.Grid => p.Levels[(int)index],
                    ParameterKind.Categorical => index,
                    _ => p.Low + index,
                };
            }

            return values;
        }

        var decoded = new List<double>(r);
        for (int j = 0; j < r; j++)
        {
            double v = p.Decode(r == 1 ? 0.5 : j / (double)(r - 1));
            if (decoded.Count == 0 || decoded[^1] != v)
            {
                decoded.Add(v);
            }
        }

        return decoded.ToArray();
    }
}
