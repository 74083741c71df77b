using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Objectives.Cases;

/// <summary>
/// Case 3 emulator (ALMAB-DC section 3.4.5: HalfCheetah policy search). The paper names the hyperparameters and the return
/// range, not the formula; this one is ours. With z1 = log10 lr - log10(3e-4 sqrt(256/width)), z2 = log10(1 - gamma) + 2,
/// z3 = log10 entropy - log10 3e-3, z4 = (depth - 2.5)/1.5, z5 = log10 buffer - 5.7: global basin
/// g = B(z1^2/0.25 + z2^2/0.3 + z3^2/0.8 + z4^2 + z5^2/1.5); deceptive basin (high lr, short horizon)
/// l = 0.35 + 0.65 B((log10 lr + 2.3)^2 + (log10(1 - gamma) + 1.2)^2/0.5); final return R = 10100 - 4300 softmin_0.05(g, l)
/// (range about 5,950-10,100). Fidelity f = fraction of training steps: R(f) = R S(f, 5). Observation: R(f) + N(0, noiseSd^2).
/// Cost (virtual s): 3 depth (width/256) (1 + 0.3 buffer/1e6) f. Values are -return. With <c>globalBasinOnly</c> the
/// deceptive basin is left out (R = 10100 - 4300 g): the diagnostic reading that tells landscape effects from method effects.
/// </summary>
public sealed class RlEmulatorObjective(double noiseSd, bool globalBasinOnly = false) : IObjective
{
    /// <inheritdoc />
    public string Name => "rl-emulator";

    /// <inheritdoc />
    public SearchSpace Space { get; } = new(
    [
        Parameter.Float("policy_lr", 1e-5, 1e-2, log: true),
        Parameter.Integer("depth", 1, 4),
        Parameter.Grid("width", [64, 128, 256, 512]),
        Parameter.Float("gamma", 0.90, 0.999),
        Parameter.Float("entropy_coef", 1e-4, 1e-1, log: true),
        Parameter.Integer("buffer_size", 10_000, 1_000_000, log: true),
    ]);

    /// <summary>Observation noise sd (return units).</summary>
    public double NoiseSd { get; } = noiseSd >= 0 && double.IsFinite(noiseSd) ? noiseSd : throw new ArgumentOutOfRangeException(nameof(noiseSd));

    /// <summary>Global maximum return at lr = 3e-4 sqrt(256/width), gamma = 0.99, entropy 3e-3, depth 2 or 3, buffer 10^5.7.</summary>
    public double? OptimalValue => -Return(3e-4, 3, 256, 0.99, 3e-3, Math.Pow(10, 5.7), GlobalBasinOnly);

    /// <summary>True when the deceptive basin is left out (the single-basin diagnostic reading).</summary>
    public bool GlobalBasinOnly { get; } = globalBasinOnly;

    /// <summary>Noise-free final return (without the deceptive basin when <paramref name="globalBasinOnly"/>).</summary>
    public static double Return(double lr, double depth, double width, double gamma, double entropy, double buffer, bool globalBasinOnly = false)
    {
        double z1 = Math.Log10(lr) - Math.Log10(3e-4 * Math.Sqrt(256 / width));
        double z2 = Math.Log10(1 - gamma) + 2;
        double z3 = Math.Log10(entropy) - Math.Log10(3e-3);
        double z4 = (depth - 2.5) / 1.5;
        double z5 = Math.Log10(buffer) - 5.7;
        double g = EmulatorMath.Basin(z1 * z1 / 0.25 + z2 * z2 / 0.3 + z3 * z3 / 0.8 + z4 * z4 + z5 * z5 / 1.5);
        if (globalBasinOnly)
        {
            return 10100 - 4300 * g;
        }

        double a = Math.Log10(lr) + 2.3, c = Math.Log10(1 - gamma) + 1.2;
        double l = 0.35 + 0.65 * EmulatorMath.Basin(a * a + c * c / 0.5);
        return 10100 - 4300 * EmulatorMath.SoftMin(g, l, 0.05);
    }

    /// <inheritdoc />
    public Observation Evaluate(Configuration configuration, double fidelity, Rng rng)
    {
        EmulatorMath.CheckFidelity(fidelity);
        double r = Return(configuration[0], configuration[1], configuration[2], configuration[3], configuration[4], configuration[5], GlobalBasinOnly)
            * EmulatorMath.Saturation(fidelity, 5);
        double cost = 3 * configuration[1] * (configuration[2] / 256) * (1 + 0.3 * configuration[5] / 1e6) * fidelity;
        return new Observation(-(r + NoiseSd * rng.NextGaussian()), -r, cost);
    }
}
