using Almab.Algorithms.Randomness;
using Almab.Algorithms.Surrogates.Kernels;

namespace Almab.Algorithms.Tests.Surrogates.Kernels;

/// <summary>The vectorized batch forms of <see cref="StationaryKernel"/> against the closed forms, written out here.</summary>
public sealed class StationaryKernelBatchTests
{
    public static TheoryData<KernelFamily> Families() => new()
    {
        KernelFamily.SquaredExponential, KernelFamily.Matern12, KernelFamily.Matern32, KernelFamily.Matern52,
    };

    /// <summary>Textbook correlation and length-scale factor h(r) (Rasmussen and Williams 2006, eqs. 4.9, 4.14, 4.17).</summary>
    private static (double K, double H) ClosedForm(KernelFamily family, double r2)
    {
        double r = Math.Sqrt(r2);
        return family switch
        {
            KernelFamily.SquaredExponential => (Math.Exp(-r2 / 2), Math.Exp(-r2 / 2)),
            KernelFamily.Matern12 => (Math.Exp(-r), r > 0 ? Math.Exp(-r) / r : 0.0),
            KernelFamily.Matern32 => ((1 + Math.Sqrt(3) * r) * Math.Exp(-Math.Sqrt(3) * r), 3 * Math.Exp(-Math.Sqrt(3) * r)),
            _ => ((1 + Math.Sqrt(5) * r + 5 * r2 / 3) * Math.Exp(-Math.Sqrt(5) * r), 5.0 / 3 * (1 + Math.Sqrt(5) * r) * Math.Exp(-Math.Sqrt(5) * r)),
        };
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void Batch_correlations_and_factors_match_the_closed_forms_at_every_length(KernelFamily family)
    {
        var rng = new Rng(17);
        for (int length = 0; length <= 11; length++)
        {
            var r2 = new double[length];
            for (int i = 0; i < length; i++)
            {
                // Squared distances from 0 to far beyond exp's underflow (r up to ~1,000).
                r2[i] = i == 0 ? 0.0 : Math.Pow(10, -6 + 12 * rng.NextDouble());
            }

            var k = (double[])r2.Clone();
            var scaled = (double[])r2.Clone();
            var kf = (double[])r2.Clone();
            var h = new double[length];
            StationaryKernel.Correlations(family, k);
            StationaryKernel.Correlations(family, scaled, 2.5);
            StationaryKernel.CorrelationsAndFactors(family, kf, h);
            for (int i = 0; i < length; i++)
            {
                var (ek, eh) = ClosedForm(family, r2[i]);
                Close(ek, k[i], $"{family} k(r2={r2[i]:R})");
                Close(2.5 * ek, scaled[i], $"{family} 2.5 k(r2={r2[i]:R})");
                Close(ek, kf[i], $"{family} k with factor (r2={r2[i]:R})");
                Close(eh, h[i], $"{family} h(r2={r2[i]:R})");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void A_value_does_not_depend_on_its_position_in_the_batch(KernelFamily family)
    {
        var all = new double[] { 0.3, 1.7, 0.01, 4.2, 9.9, 0.5, 2.2 };
        var whole = (double[])all.Clone();
        StationaryKernel.Correlations(family, whole);
        for (int i = 0; i < all.Length; i++)
        {
            var one = new[] { all[i] };
            StationaryKernel.Correlations(family, one);
            Assert.Equal(whole[i], one[0]);
        }
    }

    private static void Close(double expected, double actual, string what)
    {
        // Below 1e-300 the batch form returns exactly 0 (documented); elsewhere agreement to a few ulps.
        if (expected < 1e-300)
        {
            Assert.True(actual >= 0 && actual < 1e-290, $"{what}: expected ~0, got {actual:R}");
            return;
        }

        Assert.True(Math.Abs(actual - expected) <= 1e-13 * expected, $"{what}: expected {expected:R}, got {actual:R}");
    }
}
