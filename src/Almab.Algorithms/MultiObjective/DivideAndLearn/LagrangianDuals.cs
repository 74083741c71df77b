namespace Almab.Algorithms.MultiObjective.DivideAndLearn;

/// <summary>
/// Dual variables λ_i ≥ 0 on overlapping positions (section 4.2.1, appendix 12.8.4): ascent on the dual with the soft
/// violation as subgradient, by entropic mirror descent — the multiplicative update λ ← λ·exp(η_t g) of eq. 105 done in
/// log space — with Nesterov momentum β_t = (t − 1)/(t + 2) on log λ and diminishing step η_t = η₀/√t (η₀ = the
/// paper's dual step 1.0), then projection onto [λ_min, λ_max] = [10⁻³, 1] (bounds ours: the text says "projection"
/// without the box). Start λ = 10⁻²; since g ≥ 0, λ grows while violations persist and stops as they vanish.
/// </summary>
public sealed class LagrangianDuals
{
    public const double Initial = 1e-2;
    public const double Minimum = 1e-3;
    public const double Maximum = 1.0;

    private readonly double[] _log;
    private readonly double[] _previous;
    private readonly int[] _steps;
    private readonly double _step;

    public LagrangianDuals(int positions, double step)
    {
        _log = new double[positions];
        _previous = new double[positions];
        _steps = new int[positions];
        _step = step;
        Array.Fill(_log, Math.Log(Initial));
        Array.Fill(_previous, Math.Log(Initial));
    }

    public double Lambda(int i) => Math.Exp(_log[i]);

    /// <summary>One accelerated mirror-ascent step for position <paramref name="i"/> with subgradient <paramref name="g"/>.</summary>
    public void Step(int i, double g)
    {
        int t = ++_steps[i];
        double beta = (t - 1.0) / (t + 2.0);
        double y = _log[i] + beta * (_log[i] - _previous[i]);
        _previous[i] = _log[i];
        _log[i] = Math.Clamp(y + _step / Math.Sqrt(t) * g, Math.Log(Minimum), Math.Log(Maximum));
    }
}
