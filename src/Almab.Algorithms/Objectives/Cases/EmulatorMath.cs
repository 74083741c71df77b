namespace Almab.Algorithms.Objectives.Cases;

/// <summary>Shared shapes of the case 1-3 emulators (our own definitions; the paper gives none).</summary>
public static class EmulatorMath
{
    /// <summary>Smooth minimum -tau log(exp(-a/tau) + exp(-b/tau)), computed stably: joins two basins without a kink.</summary>
    public static double SoftMin(double a, double b, double tau)
    {
        double m = Math.Min(a, b);
        return m - tau * Math.Log(Math.Exp(-(a - m) / tau) + Math.Exp(-(b - m) / tau));
    }

    /// <summary>Basin depth profile 1 - exp(-q): 0 at the basin centre (q = 0), approaching 1 far away.</summary>
    public static double Basin(double q) => 1 - Math.Exp(-q);

    /// <summary>Exponential saturation in training progress: (1 - exp(-rate f)) / (1 - exp(-rate)), equal to 1 at f = 1.</summary>
    public static double Saturation(double fidelity, double rate) => (1 - Math.Exp(-rate * fidelity)) / (1 - Math.Exp(-rate));

    /// <summary>Checks fidelity in (0, 1].</summary>
    public static void CheckFidelity(double fidelity)
    {
        if (!(fidelity > 0 && fidelity <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fidelity), fidelity, "fidelity must be in (0, 1]");
        }
    }
}
