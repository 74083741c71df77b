using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Objectives.Cases;

/// <summary>
/// Case 1 emulator (ALMAB-DC section 3.4.1: EfficientNet-B0 on CIFAR-10). The paper gives the search space and the
/// accuracy range, not the formula; this one is ours (documented in the case file). With x1 = log10 lr - log10(2e-3 b/128)
/// (batch-scaled learning rate), x2 = log10 wd - log10 4e-4, x3 = dropout - (0.08 + 0.12 w), x4 = (w - 1.6)/1.5:
/// global basin g = 0.090 B(x1^2/0.18 + x2^2/1.2 + x3^2/0.02 + x4^2/0.5); a broad deceptive basin at high lr and no weight
/// decay l = 0.035 + 0.075 B((log10 lr - log10 3e-2)^2/1.5 + (log10 wd + 5.5)^2/3); B(q) = 1 - exp(-q).
/// Final accuracy a = 0.944 - softmin_0.006(g, l) - 0.04 B(x1^2/4) (range about 0.82-0.944). Training to fidelity f
/// (fraction of 50 epochs): a(f) = 0.10 + (a - 0.10) S(f, 50/tau), tau = 8 (b/128)^0.3 epochs (exponential saturation).
/// Observation: a(f) + N(0, noiseSd^2), clipped to [0, 1]. Cost (virtual s): 1.8 (0.6 + 0.4 sqrt(128/b)) w^1.5 f.
/// Optimizers minimize, so values are -accuracy. With <c>globalBasinOnly</c> the deceptive basin is left out
/// (a = 0.944 - g - 0.04 B(x1^2/4)): the diagnostic reading that tells landscape effects from method effects.
/// </summary>
public sealed class HpoEmulatorObjective(double noiseSd, bool globalBasinOnly = false) : IObjective
{
    /// <inheritdoc />
    public string Name => "hpo-emulator";

    /// <inheritdoc />
    public SearchSpace Space { get; } = new(
    [
        Parameter.Float("learning_rate", 1e-5, 1e-1, log: true),
        Parameter.Grid("batch_size", [32, 64, 128, 256]),
        Parameter.Float("width_multiplier", 0.5, 2.0),
        Parameter.Float("weight_decay", 1e-6, 1e-2, log: true),
        Parameter.Float("dropout", 0.0, 0.5),
    ]);

    /// <summary>Observation noise sd (accuracy units).</summary>
    public double NoiseSd { get; } = noiseSd >= 0 && double.IsFinite(noiseSd) ? noiseSd : throw new ArgumentOutOfRangeException(nameof(noiseSd));

    /// <summary>Global maximum accuracy 0.944, attained at lr = 2e-3 b/128, wd = 4e-4, w = 1.6, dropout = 0.08 + 0.12 w.</summary>
    public double? OptimalValue => -Accuracy(2e-3, 128, 1.6, 4e-4, 0.08 + 0.12 * 1.6, GlobalBasinOnly);

    /// <summary>True when the deceptive basin is left out (the single-basin diagnostic reading).</summary>
    public bool GlobalBasinOnly { get; } = globalBasinOnly;

    /// <summary>Noise-free accuracy after full training (without the deceptive basin when <paramref name="globalBasinOnly"/>).</summary>
    public static double Accuracy(double lr, double batch, double width, double weightDecay, double dropout, bool globalBasinOnly = false)
    {
        double x1 = Math.Log10(lr) - Math.Log10(2e-3 * batch / 128);
        double x2 = Math.Log10(weightDecay) - Math.Log10(4e-4);
        double x3 = dropout - (0.08 + 0.12 * width);
        double x4 = (width - 1.6) / 1.5;
        double g = 0.090 * EmulatorMath.Basin(x1 * x1 / 0.18 + x2 * x2 / 1.2 + x3 * x3 / 0.02 + x4 * x4 / 0.5);
        if (globalBasinOnly)
        {
            return 0.944 - g - 0.04 * EmulatorMath.Basin(x1 * x1 / 4.0);
        }

        double y1 = Math.Log10(lr) - Math.Log10(3e-2), y2 = Math.Log10(weightDecay) + 5.5;
        double l = 0.035 + 0.075 * EmulatorMath.Basin(y1 * y1 / 1.5 + y2 * y2 / 3.0);
        return 0.944 - EmulatorMath.SoftMin(g, l, 0.006) - 0.04 * EmulatorMath.Basin(x1 * x1 / 4.0);
    }

    /// <inheritdoc />
    public Observation Evaluate(Configuration configuration, double fidelity, Rng rng)
    {
        EmulatorMath.CheckFidelity(fidelity);
        double lr = configuration[0], batch = configuration[1], width = configuration[2], wd = configuration[3], dropout = configuration[4];
        double final = Accuracy(lr, batch, width, wd, dropout, GlobalBasinOnly);
        double tau = 8 * Math.Pow(batch / 128, 0.3);
        double acc = 0.10 + (final - 0.10) * EmulatorMath.Saturation(fidelity, 50 / tau);
        double observed = Math.Clamp(acc + NoiseSd * rng.NextGaussian(), 0, 1);
        double cost = 1.8 * (0.6 + 0.4 * Math.Sqrt(128 / batch)) * Math.Pow(width, 1.5) * fidelity;
        return new Observation(-observed, -acc, cost);
    }
}
