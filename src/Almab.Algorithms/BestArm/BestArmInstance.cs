namespace Almab.Algorithms.BestArm;

/// <summary>
/// A BAIwRC instance (SH-RR paper, section 3): K arms with Bernoulli mean rewards r_k, L resources with budgets
/// C_l, and mean consumption d_{l,k} in [0, 1] of resource l per pull of arm k. Arm 0 (the paper's arm 1) need not
/// be the best here; <see cref="BestArm"/> is the unique arm of highest mean, or -1 when the highest mean is tied.
/// Immutable; build through <see cref="TryCreate"/> so user input gets a message naming the field.
/// </summary>
public sealed class BestArmInstance
{
    private readonly double[] _means;
    private readonly double[] _consumption;
    private readonly double[] _budgets;

    private BestArmInstance(string name, double[] means, double[] consumption, double[] budgets)
    {
        Name = name;
        _means = means;
        _consumption = consumption;
        _budgets = budgets;
        BestArm = UniqueArgMax(means);
    }

    /// <summary>Instance name (e.g. <c>one-suboptimal/HL</c>).</summary>
    public string Name { get; }

    /// <summary>Number of arms K (&gt;= 2).</summary>
    public int Arms => _means.Length;

    /// <summary>Number of resources L (&gt;= 1).</summary>
    public int Resources => _budgets.Length;

    /// <summary>Index of the unique best arm, or -1 when the largest mean is shared.</summary>
    public int BestArm { get; }

    /// <summary>Mean rewards r_k, length K.</summary>
    public ReadOnlySpan<double> Means => _means;

    /// <summary>Budgets C_l (resource units), length L.</summary>
    public ReadOnlySpan<double> Budgets => _budgets;

    /// <summary>Mean consumption d_{l,k}, resource-major: element l·K + k.</summary>
    public ReadOnlySpan<double> Consumption => _consumption;

    /// <summary>Mean consumption d_{l,k} of resource <paramref name="resource"/> by arm <paramref name="arm"/>.</summary>
    public double MeanConsumption(int resource, int arm) => _consumption[resource * _means.Length + arm];

    /// <summary>
    /// Validates and builds an instance. <paramref name="consumption"/> is indexed [resource][arm]. Returns false with
    /// a one-line <paramref name="error"/> when K &lt; 2, L &lt; 1, a budget is not finite and &gt; 0, a mean reward or a
    /// mean consumption is outside [0, 1], or the shapes disagree.
    /// </summary>
    public static bool TryCreate(string name, IReadOnlyList<double> means, IReadOnlyList<IReadOnlyList<double>> consumption,
        IReadOnlyList<double> budgets, out BestArmInstance? instance, out string error)
    {
        instance = null;
        error = "";
        if (means.Count < 2)
        {
            error = $"instance '{name}': K must be >= 2 arms (got {means.Count})";
            return false;
        }

        if (budgets.Count < 1)
        {
            error = $"instance '{name}': at least one resource budget is needed";
            return false;
        }

        if (consumption.Count != budgets.Count)
        {
            error = $"instance '{name}': {consumption.Count} consumption rows for {budgets.Count} budgets";
            return false;
        }

        for (int l = 0; l < budgets.Count; l++)
        {
            if (!(budgets[l] > 0) || double.IsInfinity(budgets[l]))
            {
                error = $"instance '{name}': budget C[{l}] must be finite and > 0 (got {budgets[l]})";
                return false;
            }
        }

        for (int k = 0; k < means.Count; k++)
        {
            if (!(means[k] >= 0 && means[k] <= 1))
            {
                error = $"instance '{name}': mean reward r[{k}] must be in [0, 1] (got {means[k]})";
                return false;
            }
        }

        int arms = means.Count;
        var flat = new double[budgets.Count * arms];
        for (int l = 0; l < budgets.Count; l++)
        {
            if (consumption[l].Count != arms)
            {
                error = $"instance '{name}': consumption row {l} has {consumption[l].Count} arms, expected {arms}";
                return false;
            }

            for (int k = 0; k < arms; k++)
            {
                double d = consumption[l][k];
                if (!(d >= 0 && d <= 1))
                {
                    error = $"instance '{name}': mean consumption d[{l}][{k}] must be in [0, 1] (got {d})";
                    return false;
                }

                flat[l * arms + k] = d;
            }
        }

        instance = new BestArmInstance(name, means.ToArray(), flat, budgets.ToArray());
        return true;
    }

    /// <summary>As <see cref="TryCreate"/>, throwing <see cref="ArgumentException"/> with the same message.</summary>
    public static BestArmInstance Create(string name, IReadOnlyList<double> means,
        IReadOnlyList<IReadOnlyList<double>> consumption, IReadOnlyList<double> budgets) =>
        TryCreate(name, means, consumption, budgets, out var instance, out string error)
            ? instance!
            : throw new ArgumentException(error);

    private static int UniqueArgMax(double[] values)
    {
        int best = 0;
        bool tied = false;
        for (int k = 1; k < values.Length; k++)
        {
            if (values[k] > values[best])
            {
                best = k;
                tied = false;
            }
            else if (values[k] == values[best])
            {
                tied = true;
            }
        }

        return tied ? -1 : best;
    }
}
