using System.Text.Json;
using Almab.Algorithms.Optimizers.Tpe;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Tests.Optimizers.Tpe;

/// <summary>
/// The univariate Parzen estimator against Optuna 3.1's <c>_ParzenEstimator</c> (Fixtures/tpe/generate_parzen.py; both
/// its own kernel densities and those with Optuna 3.5's log-scale fix), against a mixture of truncated normals computed
/// here from the closed form, and its sampler against its own discrete masses.
/// </summary>
public sealed class ParzenEstimatorTests
{
    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in Fixture().GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void MatchesOptuna(string name)
    {
        var c = Fixture().GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        string kind = c.GetProperty("kind").GetString()!;
        var parameter = kind switch
        {
            "float" => Parameter.Float("x", c.GetProperty("low").GetDouble(), c.GetProperty("high").GetDouble(), c.GetProperty("log").GetBoolean()),
            "int" => Parameter.Integer("x", (long)c.GetProperty("low").GetDouble(), (long)c.GetProperty("high").GetDouble(), c.GetProperty("log").GetBoolean()),
            _ => Parameter.Categorical("x", Enumerable.Range(0, c.GetProperty("choices").GetInt32()).Select(i => "c" + i)),
        };
        var scale = new TpeParameterScale(parameter);
        var observations = Doubles(c, "observations").Select(scale.ToInternal).ToArray();
        bool endpoints = c.GetProperty("endpoints").GetBoolean();
        var estimator = scale.Fit(observations, new TpeOptions { Endpoints = endpoints });
        var normalized = scale.Fit(observations, new TpeOptions { Endpoints = endpoints, NormalizedKernels = true });

        AssertClose(Doubles(c, "weights"), estimator.Weights.ToArray(), 1e-12, name + " weights");
        if (kind != "categorical")
        {
            AssertClose(Doubles(c, "mus"), estimator.Mus.ToArray(), 1e-12, name + " mus");
            AssertClose(Doubles(c, "sigmas"), estimator.Sigmas.ToArray(), 1e-12, name + " sigmas");
        }

        var queries = Doubles(c, "queries");
        AssertClose(Doubles(c, "logpdf"), queries.Select(q => estimator.LogPdf(scale.ToInternal(q))).ToArray(), 1e-9, name + " log pdf");
        AssertClose(Doubles(c, "logpdf_normalized"), queries.Select(q => normalized.LogPdf(scale.ToInternal(q))).ToArray(), 1e-9, name + " normalized log pdf");
    }

    [Fact]
    public void ContinuousDensityIsTheClosedFormTruncatedNormalMixture()
    {
        // Observations 2 and 3 on [0, 10] with the prior at 5: sorted mus 2, 3, 5 with bounds 0 and 10 give gaps;
        // without endpoints the outer ones take their inner gap: sigma(2) = 1, sigma(3) = max(1, 2) = 2, prior sigma = 10;
        // the magic clip floor is 10 / min(100, 1 + 3) = 2.5, so sigmas are 2.5, 2.5, 10; weights 1/3 each.
        var e = ParzenEstimator.Numerical([2.0, 3.0], 0, 10, discrete: false, priorWeight: 1, magicClip: true, endpoints: false, normalizedKernels: true);
        Assert.Equal([2.5, 2.5, 10.0], e.Sigmas.ToArray());
        foreach (double x in new[] { 0.0, 0.7, 2.0, 4.4, 9.99 })
        {
            double density = (TruncatedPdf(x, 2, 2.5) + TruncatedPdf(x, 3, 2.5) + TruncatedPdf(x, 5, 10)) / 3;
            Assert.Equal(Math.Log(density), e.LogPdf(x), 12);
        }

        static double TruncatedPdf(double x, double mu, double sigma)
        {
            double mass = MathNet.Numerics.Distributions.Normal.CDF(mu, sigma, 10) - MathNet.Numerics.Distributions.Normal.CDF(mu, sigma, 0);
            return MathNet.Numerics.Distributions.Normal.PDF(mu, sigma, x) / mass;
        }
    }

    [Fact]
    public void DiscreteDrawsFollowTheDiscreteMasses()
    {
        // Integer parameter 0..5 with observations 1, 1, 4: chi-square of 20000 draws against exp(log pmf),
        // df = 5, 0.999 quantile 20.52 (fixed seed). The masses themselves must sum to 1.
        var scale = new TpeParameterScale(Parameter.Integer("k", 0, 5));
        var e = scale.Fit([1.0, 1.0, 4.0], new TpeOptions());
        var p = Enumerable.Range(0, 6).Select(k => Math.Exp(e.LogPdf(k))).ToArray();
        Assert.Equal(1.0, p.Sum(), 12);
        var counts = new int[6];
        var rng = new Seed(5).CreateRng();
        const int n = 20000;
        for (int i = 0; i < n; i++)
        {
            counts[(int)e.Sample(rng)]++;
        }

        double chi2 = 0;
        for (int k = 0; k < 6; k++)
        {
            chi2 += (counts[k] - n * p[k]) * (counts[k] - n * p[k]) / (n * p[k]);
        }

        Assert.True(chi2 < 20.52, $"chi2 = {chi2}");
    }

    [Fact]
    public void ContinuousDrawsFollowTheDensity()
    {
        // Log-float parameter: 10 equal cells of the internal (log) scale, probabilities by integrating exp(log pdf)
        // with Simpson's rule; chi-square with df = 9, 0.999 quantile 27.88 (fixed seed).
        var scale = new TpeParameterScale(Parameter.Float("lr", 1e-4, 1e-1, log: true));
        var e = scale.Fit([scale.ToInternal(1e-3), scale.ToInternal(2e-3), scale.ToInternal(5e-2)], new TpeOptions { NormalizedKernels = true });
        double lo = scale.Low, hi = scale.High, width = (hi - lo) / 10;
        var p = new double[10];
        for (int c = 0; c < 10; c++)
        {
            const int m = 200;
            double h = width / m, s = 0;
            for (int i = 0; i <= m; i++)
            {
                double w = i == 0 || i == m ? 1 : i % 2 == 1 ? 4 : 2;
                s += w * Math.Exp(e.LogPdf(Math.Min(lo + c * width + i * h, hi)));
            }

            p[c] = s * h / 3;
        }

        Assert.Equal(1.0, p.Sum(), 6);
        var counts = new int[10];
        var rng = new Seed(6).CreateRng();
        const int n = 20000;
        for (int i = 0; i < n; i++)
        {
            counts[Math.Min((int)((e.Sample(rng) - lo) / width), 9)]++;
        }

        double chi2 = 0;
        for (int c = 0; c < 10; c++)
        {
            chi2 += (counts[c] - n * p[c]) * (counts[c] - n * p[c]) / (n * p[c]);
        }

        Assert.True(chi2 < 27.88, $"chi2 = {chi2}");
    }

    private static double[] Doubles(JsonElement c, string property) =>
        c.GetProperty(property).EnumerateArray().Select(v => v.GetDouble()).ToArray();

    private static void AssertClose(double[] expected, double[] actual, double tolerance, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: length {actual.Length}, expected {expected.Length}");
        for (int i = 0; i < expected.Length; i++)
        {
            double scale = Math.Max(1, Math.Abs(expected[i]));
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * scale, $"{what}[{i}]: {actual[i]} vs Optuna {expected[i]}");
        }
    }

    private static JsonElement Fixture() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "tpe", "parzen.json"))).RootElement;
}
