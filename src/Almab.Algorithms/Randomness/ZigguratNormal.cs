using System.Runtime.CompilerServices;

namespace Almab.Algorithms.Randomness;

/// <summary>
/// Standard normal draws by the ziggurat method (Marsaglia and Tsang 2000, in Doornik's 2005 ZIGNOR form): 128
/// layers of equal area v = 9.91256303526217e-3 under the density, base layer to r = 3.442619855899 plus the tail.
/// One 64-bit output per draw in about 98.8 % of cases (7 low bits pick the layer, the top 53 bits give u in (-1, 1));
/// the edge of a layer is accepted by the density test and the tail by Marsaglia's exponential rejection. Exact (no
/// approximation beyond floating point); about 4x faster than the polar method in <see cref="Rng.NextGaussian()"/>,
/// whose stream it does not replace.
/// </summary>
public static class ZigguratNormal
{
    private const int Layers = 128;
    private const double R = 3.442619855899, V = 9.91256303526217e-3;
    private static readonly double[] X = BuildX();
    private static readonly double[] Ratio = BuildRatio();

    /// <summary>One N(0, 1) draw from <paramref name="rng"/>'s stream.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Next(Rng rng)
    {
        ulong bits = rng.NextUInt64();
        int i = (int)(bits & (Layers - 1));
        double u = 2.0 * ((bits >> 11) * (1.0 / (1UL << 53))) - 1.0;
        if (Math.Abs(u) < Ratio[i])
        {
            return u * X[i];
        }

        return Edge(rng, i, u);
    }

    /// <summary>The rejection branch: the tail beyond r (layer 0) or the wedge of layer i, retried with fresh draws.</summary>
    private static double Edge(Rng rng, int i, double u)
    {
        while (true)
        {
            if (i == 0)
            {
                double x, y;
                do
                {
                    x = Math.Log(rng.NextOpenDouble()) / R;
                    y = Math.Log(rng.NextOpenDouble());
                }
                while (-2.0 * y < x * x);
                return u < 0 ? x - R : R - x;
            }

            double xi = u * X[i];
            double f0 = Math.Exp(-0.5 * (X[i] * X[i] - xi * xi));
            double f1 = Math.Exp(-0.5 * (X[i + 1] * X[i + 1] - xi * xi));
            if (f1 + rng.NextDouble() * (f0 - f1) < 1.0)
            {
                return xi;
            }

            ulong bits = rng.NextUInt64();
            i = (int)(bits & (Layers - 1));
            u = 2.0 * ((bits >> 11) * (1.0 / (1UL << 53))) - 1.0;
            if (Math.Abs(u) < Ratio[i])
            {
                return u * X[i];
            }
        }
    }

    /// <summary>Layer right edges x_0 = v / f(r) (the base layer's equivalent width), x_1 = r, ..., x_128 = 0.</summary>
    private static double[] BuildX()
    {
        var x = new double[Layers + 1];
        double f = Math.Exp(-0.5 * R * R);
        x[0] = V / f;
        x[1] = R;
        x[Layers] = 0;
        for (int i = 2; i < Layers; i++)
        {
            x[i] = Math.Sqrt(-2.0 * Math.Log(V / x[i - 1] + f));
            f = Math.Exp(-0.5 * x[i] * x[i]);
        }

        return x;
    }

    private static double[] BuildRatio()
    {
        var ratio = new double[Layers];
        for (int i = 0; i < Layers; i++)
        {
            ratio[i] = X[i + 1] / X[i];
        }

        return ratio;
    }
}
