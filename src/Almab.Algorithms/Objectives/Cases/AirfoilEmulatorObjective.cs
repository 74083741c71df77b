using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Objectives.Cases;

/// <summary>
/// Case 2 emulator (ALMAB-DC section 3.4.3: airfoil drag, camber in [0.01, 0.10], thickness in [0.05, 0.20]). The paper
/// gives the domain and the C_D range, not the formula; this one is ours. With u = (camber - 0.01)/0.09,
/// v = (thickness - 0.05)/0.15: narrow global basin g = 0.047 B(((u-0.30)^2 + 1.3 (v-0.36)^2 + 0.5 (u-0.30)(v-0.36))/0.012),
/// broad local basin l = 0.013 + 0.040 B(((u-0.78)^2 + (v-0.74)^2)/0.12), B(q) = 1 - exp(-q);
/// C_D = 0.055 + softmin_0.0015(g, l) + 0.001 sin(9u) cos(7v) (range about 0.054-0.103).
/// Fidelity f = mesh resolution: coarse meshes over-predict drag by 0.01 (1 - f)(1 + u) and are noisier (sd / sqrt f).
/// Cost (virtual s): 2.6 (1 + 0.5 v) f. With <c>globalBasinOnly</c> the broad local basin is left out
/// (C_D = 0.055 + g + ripple): the diagnostic reading that tells landscape effects from method effects.
/// </summary>
public sealed class AirfoilEmulatorObjective(double noiseSd, bool globalBasinOnly = false) : IObjective
{
    /// <inheritdoc />
    public string Name => "airfoil-emulator";

    /// <inheritdoc />
    public SearchSpace Space { get; } = new([Parameter.Float("camber", 0.01, 0.10), Parameter.Float("thickness", 0.05, 0.20)]);

    /// <summary>Observation noise sd at full fidelity (C_D units).</summary>
    public double NoiseSd { get; } = noiseSd >= 0 && double.IsFinite(noiseSd) ? noiseSd : throw new ArgumentOutOfRangeException(nameof(noiseSd));

    /// <summary>Approximate global minimum, found once per process on a fine 901 x 901 grid (the formula has no parameters).</summary>
    public double? OptimalValue => GlobalBasinOnly ? GlobalOnlyMinimum.Value : Minimum.Value;

    /// <summary>True when the broad local basin is left out (the single-basin diagnostic reading).</summary>
    public bool GlobalBasinOnly { get; } = globalBasinOnly;

    /// <summary>Noise-free drag coefficient at full fidelity (without the local basin when <paramref name="globalBasinOnly"/>).</summary>
    public static double Drag(double camber, double thickness, bool globalBasinOnly = false)
    {
        double u = (camber - 0.01) / 0.09, v = (thickness - 0.05) / 0.15;
        double du = u - 0.30, dv = v - 0.36;
        double g = 0.047 * EmulatorMath.Basin((du * du + 1.3 * dv * dv + 0.5 * du * dv) / 0.012);
        double ripple = 0.001 * Math.Sin(9 * u) * Math.Cos(7 * v);
        if (globalBasinOnly)
        {
            return 0.055 + g + ripple;
        }

        double l = 0.013 + 0.040 * EmulatorMath.Basin(((u - 0.78) * (u - 0.78) + (v - 0.74) * (v - 0.74)) / 0.12);
        return 0.055 + EmulatorMath.SoftMin(g, l, 0.0015) + ripple;
    }

    /// <inheritdoc />
    public Observation Evaluate(Configuration configuration, double fidelity, Rng rng)
    {
        EmulatorMath.CheckFidelity(fidelity);
        double u = (configuration[0] - 0.01) / 0.09, v = (configuration[1] - 0.05) / 0.15;
        double cd = Drag(configuration[0], configuration[1], GlobalBasinOnly) + 0.01 * (1 - fidelity) * (1 + u);
        return new Observation(cd + NoiseSd / Math.Sqrt(fidelity) * rng.NextGaussian(), cd, 2.6 * (1 + 0.5 * v) * fidelity);
    }

    private static readonly Lazy<double> Minimum = new(() => FindMinimum(false), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<double> GlobalOnlyMinimum = new(() => FindMinimum(true), LazyThreadSafetyMode.ExecutionAndPublication);

    private static double FindMinimum(bool globalBasinOnly)
    {
        double best = double.PositiveInfinity;
        for (int i = 0; i <= 900; i++)
        {
            for (int j = 0; j <= 900; j++)
            {
                best = Math.Min(best, Drag(0.01 + 0.09 * i / 900, 0.05 + 0.15 * j / 900, globalBasinOnly));
            }
        }

        return best;
    }
}
