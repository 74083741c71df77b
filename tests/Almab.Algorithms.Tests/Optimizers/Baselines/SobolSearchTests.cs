using System.Text.Json;
using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Optimizers.Baselines;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;
using Almab.Algorithms.Tests.Optimizers.Contract;

namespace Almab.Algorithms.Tests.Optimizers.Baselines;

/// <summary>Scrambled Sobol search on a mixed space: the optimizer contract.</summary>
public sealed class SobolSearchContractTests : OptimizerContract
{
    protected override SearchSpace Space => RandomSearchContractTests.Mixed;

    protected override IOptimizer Create(Seed seed) => new SobolSearch(Space, seed);
}

/// <summary>The Sobol sequence against scipy's (Fixtures/Sobol/make_sobol_fixture.py) and its net property.</summary>
public sealed class SobolSearchTests
{
    private static double[][] Reference()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Sobol", "sobol_joe_kuo_40d_256.json")));
        return doc.RootElement.GetProperty("points").EnumerateArray()
            .Select(row => row.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
    }

    [Fact]
    public void UnscrambledPointsEqualScipysJoeKuoSequenceExactly()
    {
        var reference = Reference();
        var sequence = new SobolSequence(SobolSequence.MaxDimension);
        var point = new double[SobolSequence.MaxDimension];
        for (int i = 0; i < reference.Length; i++)
        {
            sequence.Next(point);
            Assert.Equal(reference[i], point);
        }
    }

    [Fact]
    public void UnscrambledSearchDecodesTheSequenceIntoTheSpace()
    {
        var reference = Reference();
        var space = new SearchSpace(Enumerable.Range(0, 21).Select(i => Parameter.Float("x" + i, 0, 1)));
        var search = new SobolSearch(space, new Seed(1), scramble: false);
        var trials = search.Ask(64);
        for (int i = 0; i < 64; i++)
        {
            Assert.Equal(reference[i].Take(21), trials[i].Configuration.Values.ToArray());
        }
    }

    [Fact]
    public void ADigitalShiftKeepsOnePointPerDyadicIntervalInEveryDimension()
    {
        // The first 2^m points of a Sobol sequence are a (0, m, 1)-net in each coordinate; XOR with a fixed word
        // permutes the dyadic intervals of length 2^-m, so the property survives the shift.
        var shift = new uint[SobolSequence.MaxDimension];
        var rng = new Seed(77).CreateRng();
        for (int j = 0; j < shift.Length; j++)
        {
            shift[j] = (uint)(rng.NextUInt64() >> 32);
        }

        var sequence = new SobolSequence(SobolSequence.MaxDimension, shift);
        const int m = 6, n = 1 << m;
        var hits = new int[SobolSequence.MaxDimension, n];
        var point = new double[SobolSequence.MaxDimension];
        for (int i = 0; i < n; i++)
        {
            sequence.Next(point);
            for (int j = 0; j < point.Length; j++)
            {
                Assert.InRange(point[j], 0.0, 1.0 - 1e-12);
                hits[j, (int)(point[j] * n)]++;
            }
        }

        foreach (int h in hits)
        {
            Assert.Equal(1, h);
        }
    }

    [Fact]
    public void BadDimensionsAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SobolSequence(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SobolSequence(SobolSequence.MaxDimension + 1));
        var wide = new SearchSpace(Enumerable.Range(0, 41).Select(i => Parameter.Float("x" + i, 0, 1)));
        Assert.Contains("41 parameters", Assert.Throws<ArgumentException>(() => new SobolSearch(wide, new Seed(1))).Message);
    }
}
