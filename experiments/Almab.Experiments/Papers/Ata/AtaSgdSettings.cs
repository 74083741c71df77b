namespace Almab.Experiments.Papers.Ata;

/// <summary>
/// The optimization side of the ATA Tables 1-2 experiments (section 7): SGD on the tridiagonal quadratic until
/// f − f* &lt; <see cref="Tolerance"/>, B = <see cref="Batch"/> gradients per round.
/// </summary>
/// <remarks>
/// Protocol note (our reading; the paper states neither d nor γ). The ATA and ATA-Empirical columns depend on the
/// horizon K, the number of rounds SGD needs: with the paper's confidence constants (eq. 7 with 4eα, α = 4·29√n;
/// eq. 8 with η = 1) the bounds stay 0, and the allocation uniform, for 10^4-10^6 rounds. With d = 32 and γ = 1,
/// K ≈ 1,500 and both equal UTA; the paper's n = 17 values (ATA 1.3 / 1.73, ATA-E 1.26 / 1.75) are only reached
/// for K of order 3·10^6 (`almab ata horizon`). Our default, d = 32 and γ = 2^-11, gives K ≈ 3.0·10^6.
/// Each gradient's noise is N(0, σ²/d I) with σ = 0.01 (E‖g − ∇f‖² = σ²); x₀ = 0.
/// Asynchronous mode runs Algorithm 7 per round (Algorithm 6) with step γ/B per applied gradient, so B asynchronous
/// steps move as far as one synchronous step.
/// </remarks>
public sealed record AtaSgdSettings
{
    /// <summary>d, the dimension of the quadratic.</summary>
    public int Dimension { get; init; } = 32;

    /// <summary>γ, the synchronous minibatch step size.</summary>
    public double StepSize { get; init; } = 1.0 / 2048.0;

    /// <summary>σ, the root of E‖g − ∇f‖² per gradient (section 7: 0.01).</summary>
    public double NoiseSd { get; init; } = 0.01;

    /// <summary>The stopping threshold on f(x) − f* (section 7: 1e-5).</summary>
    public double Tolerance { get; init; } = 1e-5;

    /// <summary>B, gradients per round (section 7: 23).</summary>
    public int Batch { get; init; } = 23;

    /// <summary>Asynchronous SGD (Algorithms 6-7) instead of minibatch SGD (Algorithm 2).</summary>
    public bool Asynchronous { get; init; }

    /// <summary>Rounds after which a run stops even above the tolerance (reported as not converged).</summary>
    public long MaxRounds { get; init; } = 50_000_000;
}
