using Almab.Algorithms.Objectives.Cases;
using Almab.Algorithms.Optimizers.AlmabDc;
using Almab.Algorithms.Optimizers.Hyperband;
using Almab.Algorithms.Optimizers.Tpe;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Tests.Optimizers;

/// <summary>
/// The allocation-free paths of issue 18 (buffers reused from one decision or replicate to the next) give bit for bit
/// what the allocating ones give: a reseeded Rng, Parzen estimators and product KDEs refitted in place after larger
/// and smaller fits, the encoded enumeration.
/// </summary>
public sealed class InPlaceRefitTests
{
    [Fact]
    public void Reseeded_rng_is_a_fresh_rng()
    {
        var reused = new Rng(99UL);
        reused.NextGaussian(); // leaves a spare normal behind
        foreach (ulong s in new ulong[] { 1, 2, 0xDEADBEEF })
        {
            var seed = new Seed(s).Derive("noise").Derive(7);
            reused.Reseed(seed);
            var fresh = seed.CreateRng();
            for (int i = 0; i < 50; i++)
            {
                Assert.Equal(fresh.NextGaussian(), reused.NextGaussian());
                Assert.Equal(fresh.NextUInt64(), reused.NextUInt64());
            }
        }
    }

    [Fact]
    public void Stable_hash_of_non_ascii_names_is_fnv_of_utf8()
    {
        foreach (string name in new[] { "", "case:dose-response", "déjà-vu", new string('é', 400) })
        {
            ulong h = 0xCBF29CE484222325UL;
            foreach (byte b in System.Text.Encoding.UTF8.GetBytes(name))
            {
                h ^= b;
                h *= 0x100000001B3UL;
            }

            Assert.Equal(SplitMix64.Mix(h), Seed.StableHash(name));
        }
    }

    [Fact]
    public void Parzen_estimator_refitted_in_place_equals_a_new_one()
    {
        var rng = new Rng(5UL);
        var reused = ParzenEstimator.Numerical([0.5], -0.5, 9.5, discrete: true, priorWeight: 1, magicClip: true, endpoints: false);
        foreach (int n in new[] { 30, 3, 12, 0, 60 })
        {
            var obs = Enumerable.Range(0, n).Select(_ => Math.Round(rng.NextDouble() * 9)).ToArray();
            foreach (bool discrete in new[] { true, false })
            {
                reused.RefitNumerical(obs, -0.5, 9.5, discrete, 1.0, magicClip: true, endpoints: false, normalizedKernels: false);
                var fresh = ParzenEstimator.Numerical(obs, -0.5, 9.5, discrete, 1.0, magicClip: true, endpoints: false, normalizedKernels: false);
                Assert.Equal(fresh.Weights.ToArray(), reused.Weights.ToArray());
                Assert.Equal(fresh.Mus.ToArray(), reused.Mus.ToArray());
                Assert.Equal(fresh.Sigmas.ToArray(), reused.Sigmas.ToArray());
                for (double x = -0.5; x <= 9.5; x += 0.37)
                {
                    Assert.Equal(fresh.LogPdf(x), reused.LogPdf(x));
                }

                var a = new Rng(11UL);
                var b = new Rng(11UL);
                for (int i = 0; i < 20; i++)
                {
                    Assert.Equal(fresh.Sample(a), reused.Sample(b));
                }
            }
        }
    }

    [Fact]
    public void Product_kde_refitted_in_place_equals_a_new_one()
    {
        var rng = new Rng(8UL);
        int[] choices = [0, 3];
        double[][] Rows(int n) => Enumerable.Range(0, n).Select(_ => new[] { rng.NextDouble(), (double)rng.Next(3) }).ToArray();
        var reused = new ProductKde(Rows(20), choices, 1e-3);
        foreach (int n in new[] { 4, 40, 7 })
        {
            var rows = Rows(n);
            reused.Refit(rows, 1e-3);
            var fresh = new ProductKde(rows, choices, 1e-3);
            Assert.Equal(fresh.Bandwidths, reused.Bandwidths);
            Assert.Equal(n, reused.Data.Length);
            for (int i = 0; i < 10; i++)
            {
                double[] x = [rng.NextDouble(), rng.Next(3)];
                Assert.Equal(fresh.Pdf(x), reused.Pdf(x));
            }
        }
    }

    [Fact]
    public void Encoded_enumeration_is_the_encoding_of_every_point()
    {
        var space = new SearchSpace([Parameter.Grid("a", [0.0, 0.5, 2.0]), Parameter.Integer("b", 1, 4), Parameter.Categorical("c", ["x", "y"])]);
        var all = SpaceEnumeration.All(space);
        var encoded = SpaceEnumeration.AllEncoded(space);
        Assert.Equal(all.Count, encoded.Count);
        for (int i = 0; i < all.Count; i++)
        {
            Assert.Equal(space.Encode(all[i]), encoded[i]);
        }

        var dose = new DoseResponseObjective(DoseObservationModel.BernoulliUtility).Space;
        Assert.Equal(SpaceEnumeration.All(dose).Select(dose.Encode), SpaceEnumeration.AllEncoded(dose));
    }
}

/// <summary>SearchSpace.Format, now built in one string, against the join it replaced.</summary>
public sealed class FormatInPlaceTests
{
    [Fact]
    public void Format_equals_the_joined_parts()
    {
        var space = new SearchSpace([Parameter.Float("lr", 1e-5, 1.0, log: true), Parameter.Categorical("opt", ["adam", "sgd"]),
            Parameter.Integer("n", 1, 1000), Parameter.Grid("g", [1e-7, 0.25, 123456.789])]);
        var rng = new Rng(3UL);
        for (int t = 0; t < 200; t++)
        {
            var c = space.Sample(rng);
            string expected = string.Join(", ", space.Parameters.Select((p, i) => p.Name + "=" + (p.Kind == ParameterKind.Categorical
                ? p.Choices[(int)c[i]]
                : c[i].ToString("G6", System.Globalization.CultureInfo.InvariantCulture))));
            Assert.Equal(expected, space.Format(c));
        }
    }
}
