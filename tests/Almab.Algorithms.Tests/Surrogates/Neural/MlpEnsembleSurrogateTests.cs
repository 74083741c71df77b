using Almab.Algorithms.Randomness;
using Almab.Algorithms.Surrogates;
using Almab.Algorithms.Surrogates.Neural;
using Almab.Algorithms.Tests.Surrogates.Forest;

namespace Almab.Algorithms.Tests.Surrogates.Neural;

/// <summary>The <see cref="ISurrogate"/> contract for the deep ensemble (small members to keep the suite fast).</summary>
public sealed class MlpEnsembleContractTests : SurrogateContractTests
{
    protected override ISurrogate Create(int dimension) =>
        new MlpEnsembleSurrogate(dimension, new MlpEnsembleOptions { Members = 4, Hidden = [16], Epochs = 200 });
}

public sealed class MlpEnsembleSurrogateTests
{
    private static readonly MlpEnsembleOptions Small = new() { Members = 4, Hidden = [16, 16], Epochs = 300 };

    [Fact]
    public void SameSeedSamePredictionsAtAnyThreadCount()
    {
        var (x, y) = RandomForestSurrogateTests.Data(30, 2, 7);
        var probe = RandomForestSurrogateTests.Data(11, 2, 8).X;
        double[]? first = null;
        foreach (int threads in new[] { 1, 2, 4 })
        {
            var s = new MlpEnsembleSurrogate(2, Small with { MaxDegreeOfParallelism = threads });
            s.Fit(x, y, false);
            s.Add([0.4, 0.4], 0.5);
            var (m, v) = RandomForestSurrogateTests.Predict(s, probe);
            var all = m.Concat(v).Append(s.NoiseVariance).ToArray();
            if (first is null)
            {
                first = all;
            }
            else
            {
                Assert.Equal(first, all);
            }
        }
    }

    [Fact]
    public void LearnsASmoothFunctionAndIsLessSureFarFromTheData()
    {
        var rng = new Rng(3);
        var x = Enumerable.Range(0, 60).Select(_ => new[] { 0.5 * rng.NextDouble() }).ToArray(); // data only on [0, 0.5]
        var y = x.Select(p => Math.Sin(6 * p[0])).ToArray();
        var s = new MlpEnsembleSurrogate(1, new MlpEnsembleOptions { Members = 5, Epochs = 800 });
        s.Fit(x, y, false);
        var inside = Enumerable.Range(0, 20).Select(i => new[] { 0.05 + 0.02 * i }).ToArray();
        var (m, vin) = RandomForestSurrogateTests.Predict(s, inside);
        double rmse = Math.Sqrt(inside.Select((p, i) => Math.Pow(m[i] - Math.Sin(6 * p[0]), 2)).Average());
        Assert.True(rmse < 0.05, $"in-sample RMSE {rmse}");
        var (_, vout) = RandomForestSurrogateTests.Predict(s, [[0.95], [1.0]]);
        Assert.True(vout.Min() > 10 * vin.Average(), $"spread far from data {vout.Min()} vs near {vin.Average()}");
    }

    [Fact]
    public void BadSettingsAndUnfittedUseThrow()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MlpEnsembleSurrogate(2, new MlpEnsembleOptions { Members = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MlpEnsembleSurrogate(2, new MlpEnsembleOptions { Hidden = [] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MlpEnsembleSurrogate(2, new MlpEnsembleOptions { LearningRate = 0 }));
        var s = new MlpEnsembleSurrogate(2, Small);
        Assert.Throws<InvalidOperationException>(() => s.Add([0.1, 0.2], 1.0));
        Assert.Throws<InvalidOperationException>(() => RandomForestSurrogateTests.Predict(s, [[0.1, 0.2]]));
    }
}
