using System.Text.Json;
using Almab.Algorithms.Surrogates;
using Almab.Algorithms.Surrogates.Kernels;

namespace Almab.Algorithms.Tests.Surrogates;

/// <summary>Reads the scikit-learn fixtures written by Fixtures/Gp/make_gp_fixtures.py.</summary>
internal static class GpFixtures
{
    public static IReadOnlyList<JsonElement> Cases(string file)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Gp", file);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var list = new List<JsonElement>();
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            list.Add(c.Clone());
        }

        return list;
    }

    public static double[] Vector(JsonElement e, string name)
    {
        var p = e.GetProperty(name);
        var v = new double[p.GetArrayLength()];
        int i = 0;
        foreach (var x in p.EnumerateArray())
        {
            v[i++] = x.GetDouble();
        }

        return v;
    }

    public static double[][] Matrix(JsonElement e, string name)
    {
        var rows = new List<double[]>();
        foreach (var r in e.GetProperty(name).EnumerateArray())
        {
            var v = new double[r.GetArrayLength()];
            int i = 0;
            foreach (var x in r.EnumerateArray())
            {
                v[i++] = x.GetDouble();
            }

            rows.Add(v);
        }

        return rows.ToArray();
    }

    public static KernelFamily Kernel(JsonElement e) => Enum.Parse<KernelFamily>(e.GetProperty("kernel").GetString()!);

    public static (double, double) Bounds(JsonElement e, string name)
    {
        var v = Vector(e, name);
        return (v[0], v[1]);
    }

    /// <summary>Model with the fixture's fixed hyperparameters conditioned on its training data.</summary>
    public static GaussianProcess FixedModel(JsonElement c)
    {
        bool normalize = c.GetProperty("normalizeY").GetBoolean();
        var x = Matrix(c, "x");
        var options = new GaussianProcessOptions
        {
            Kernel = Kernel(c),
            Mean = normalize ? GpMean.Constant : GpMean.Zero,
            Standardize = normalize,
            InitialHyperparameters = new GpHyperparameters(
                Vector(c, "lengthScales"), c.GetProperty("signalVariance").GetDouble(), c.GetProperty("noiseVariance").GetDouble()),
        };
        var gp = new GaussianProcess(x[0].Length, options);
        gp.Fit(x, Vector(c, "y"), optimizeHyperparameters: false);
        return gp;
    }

    public static string Name(JsonElement c)
    {
        string form = c.TryGetProperty("noiseForm", out var f) ? f.GetString()! : "white";
        return $"{c.GetProperty("kernel").GetString()}/{form}/normalize={c.GetProperty("normalizeY").GetBoolean()}";
    }
}
