using System.Globalization;
using Almab.Algorithms.MultiObjective.Indicators;
using Almab.Algorithms.MultiObjective.Problems;
using Almab.Algorithms.Randomness;
using Almab.Experiments.Cli;

namespace Almab.Experiments.Papers.Moco;

/// <summary>
/// User overrides of the benchmark definitions for <c>almab moco</c>: the ideal and reference points of the HV ratio
/// (<c>--ideal</c>, <c>--reference</c>, minimization orientation, e.g. "-20.5,-20.5" for a knapsack), the capacity of
/// the knapsack or CVRP (<c>--capacity</c>), and D&amp;L's weight vectors (<c>--weights "1,0;0.5,0.5;0,1"</c>, every
/// D&amp;L variant; the ws solvers keep their 101 / 40 weights). Every value is checked against every problem of the run
/// before anything runs, so a size or objective count the problem does not define, an empty or all-zero weight vector,
/// an infeasible capacity, or a reference point no worse than the ideal is one <c>almab: error:</c> line (exit 2).
/// </summary>
public sealed record MocoOverrides(double[]? Ideal, double[]? Reference, double? Capacity, double[][]? Weights)
{
    public static MocoOverrides None { get; } = new(null, null, null, null);

    /// <summary>Canonical text (stored in the results database so a resume cannot mix definitions); "" when none.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Ideal is not null)
        {
            parts.Add("ideal=" + Join(Ideal));
        }

        if (Reference is not null)
        {
            parts.Add("reference=" + Join(Reference));
        }

        if (Capacity is double c)
        {
            parts.Add("capacity=" + c.ToString("R", CultureInfo.InvariantCulture));
        }

        if (Weights is not null)
        {
            parts.Add("weights=" + string.Join(';', Weights.Select(Join)));
        }

        return string.Join(' ', parts);
    }

    /// <summary>Parses the option texts (null = not given); malformed numbers are usage errors naming the option.</summary>
    public static MocoOverrides Parse(string? ideal, string? reference, string? capacity, string? weights)
    {
        double? cap = capacity is null ? null : Number(capacity.Trim(), "--capacity");
        double[][]? w = weights is null ? null : weights.Split(';').Select(v => Vector(v, "--weights", allowEmpty: true)).ToArray();
        return new MocoOverrides(ideal is null ? null : Vector(ideal, "--ideal", false), reference is null ? null : Vector(reference, "--reference", false), cap, w);
    }

    /// <summary>The spec of <paramref name="problemId"/> with the overrides applied and checked (a usage error otherwise).</summary>
    public MocoSpec Apply(string problemId)
    {
        var spec = MocoMethods.ParseProblem(problemId);
        int m = spec.ObjectiveCount;
        CheckCount(Ideal, "--ideal", problemId, m);
        CheckCount(Reference, "--reference", problemId, m);
        spec = spec with { Ideal = Ideal ?? spec.Ideal, Reference = Reference ?? spec.Reference };
        try
        {
            _ = new HypervolumeRatio(spec.Ideal, spec.Reference);
            for (int k = 0; k < (Weights?.Length ?? 0); k++)
            {
                if (Weights![k].Length == 0)
                {
                    throw new ArgumentException($"--weights: weight vector {k + 1} is empty");
                }

                _ = new Scalarization(ScalarizationKind.WeightedSum, Weights[k], spec);
            }
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"{problemId}: {e.Message}");
        }

        if (Capacity is double c)
        {
            if (spec.Kind is not (MocoProblemKind.BiKp or MocoProblemKind.BiCvrp))
            {
                throw new UsageException($"--capacity: {problemId} has no capacity (only bi-kp and bi-cvrp do)");
            }

            if (spec.Kind == MocoProblemKind.BiCvrp && c != Math.Floor(c))
            {
                throw new UsageException($"--capacity: Bi-CVRP vehicle capacities are whole numbers (demands are integers 1..9), got {c.ToString(CultureInfo.InvariantCulture)}");
            }

            spec = spec with { Capacity = c };
        }

        return spec;
    }

    /// <summary>Creates every instance the run will use once, so an infeasible capacity fails before the run starts.</summary>
    public void CheckInstances(string problemId, int instances, Seed root)
    {
        if (Capacity is null)
        {
            return;
        }

        var spec = Apply(problemId);
        try
        {
            for (int i = 0; i < instances; i++)
            {
                MocoInstances.Create(spec, i, root);
            }
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"{problemId}: {e.Message}");
        }
    }

    private static void CheckCount(double[]? v, string option, string problemId, int m)
    {
        if (v is not null && v.Length != m)
        {
            throw new UsageException($"{option}: {problemId} has {m} objectives, but {v.Length} value(s) were given");
        }
    }

    private static double[] Vector(string text, string option, bool allowEmpty)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 && !allowEmpty)
        {
            throw new UsageException($"{option}: give comma-separated numbers");
        }

        return parts.Select(p => Number(p, option)).ToArray();
    }

    private static double Number(string text, string option) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
            ? v
            : throw new UsageException($"{option}: '{text}' is not a finite number");

    private static string Join(double[] v) => string.Join(',', v.Select(x => x.ToString("R", CultureInfo.InvariantCulture)));
}
