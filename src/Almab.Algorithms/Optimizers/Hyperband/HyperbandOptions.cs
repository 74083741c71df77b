namespace Almab.Algorithms.Optimizers.Hyperband;

/// <summary>
/// Fidelity range and reduction factor of successive halving and Hyperband (Li et al. 2018, Algorithm 1): the
/// maximum resource R is <see cref="MaxFidelity"/> / <see cref="MinFidelity"/> in units of the smallest one, and
/// each rung keeps 1/<see cref="Eta"/> of its configurations at <see cref="Eta"/> times the fidelity.
/// The defaults give the paper's R = 81, eta = 3 table.
/// </summary>
public sealed record HyperbandOptions
{
    /// <summary>The smallest fidelity handed out, in (0, MaxFidelity].</summary>
    public double MinFidelity { get; init; } = 1.0 / 81;

    /// <summary>The largest fidelity handed out, in (0, 1] (1 = full fidelity).</summary>
    public double MaxFidelity { get; init; } = 1.0;

    /// <summary>Reduction factor eta &gt;= 2.</summary>
    public int Eta { get; init; } = 3;

    /// <summary>R = MaxFidelity / MinFidelity, the maximum resource in units of the minimum one.</summary>
    public double MaxResource => MaxFidelity / MinFidelity;

    /// <summary>s_max = floor(log_eta R), the index of the most aggressive bracket.</summary>
    public int MaxBracket => (int)Math.Floor(Math.Log(MaxResource) / Math.Log(Eta) + 1e-9);

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    public void Validate()
    {
        if (!(MaxFidelity > 0 && MaxFidelity <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFidelity), MaxFidelity, "hyperband: MaxFidelity must be in (0, 1]");
        }

        if (!(MinFidelity > 0 && MinFidelity <= MaxFidelity))
        {
            throw new ArgumentOutOfRangeException(nameof(MinFidelity), MinFidelity, $"hyperband: MinFidelity must be in (0, MaxFidelity = {MaxFidelity}]");
        }

        if (Eta < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(Eta), Eta, "hyperband: Eta must be >= 2");
        }

        if (MaxResource > 1e9)
        {
            throw new ArgumentOutOfRangeException(nameof(MinFidelity), MinFidelity, $"hyperband: MaxFidelity / MinFidelity = {MaxResource} exceeds 1e9");
        }
    }
}
