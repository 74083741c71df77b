namespace Almab.Algorithms.Bandits;

/// <summary>
/// UCB1 in the form of ALMAB-DC section 2.6: a_t = argmax_i mu_i(t) + c sqrt(log t / n_i(t)), with the default
/// c = sqrt 2 the UCB1 of Auer et al. (2002) whose regret obeys eq. (6) for rewards in [0, 1].
/// Our conventions where the paper is silent: t = pulls started so far (pending ones included, at least 1);
/// n_i counts pending pulls (delayed feedback, section 2.4.9); an arm with n_i = 0 has index +infinity (tried
/// first, lowest index first); an arm with only pending pulls uses the largest empirical mean as its mean.
/// Deterministic: ties break to the lowest index.
/// </summary>
public sealed class Ucb1Policy : IIndexPolicy, IAbandonablePolicy
{
    private readonly ArmStatistics _stats;
    private readonly double[] _indices;

    /// <summary>Creates the policy over <paramref name="arms"/> arms with exploration constant <paramref name="c"/> &gt;= 0.</summary>
    public Ucb1Policy(int arms, double c = 1.4142135623730951)
    {
        BanditGuard.Arms(arms);
        if (!(c >= 0) || double.IsInfinity(c))
        {
            throw new ArgumentOutOfRangeException(nameof(c), c, "c must be finite and >= 0.");
        }

        C = c;
        _stats = new ArmStatistics(arms);
        _indices = new double[arms];
    }

    /// <inheritdoc />
    public int Arms => _stats.Arms;

    /// <summary>Exploration constant c.</summary>
    public double C { get; }

    /// <summary>Completed plus pending pulls of <paramref name="arm"/> (n_i).</summary>
    public long Count(int arm) => _stats.Count(arm);

    /// <summary>Empirical mean of the completed rewards of <paramref name="arm"/> (0 when none).</summary>
    public double Mean(int arm) => _stats.Completed(arm) > 0 ? _stats.Sum(arm) / _stats.Completed(arm) : 0.0;

    /// <inheritdoc />
    public void ComputeIndices(Span<double> indices)
    {
        double logT = Math.Log(Math.Max(_stats.Started, 1));
        for (int i = 0; i < Arms; i++)
        {
            long n = _stats.Count(i);
            indices[i] = n == 0 ? double.PositiveInfinity : _stats.MeanOrOptimistic(i) + C * Math.Sqrt(logT / n);
        }
    }

    /// <inheritdoc />
    public int Select()
    {
        ComputeIndices(_indices);
        return _stats.RegisterArgMax(_indices);
    }

    /// <inheritdoc />
    public void RegisterPull(int arm) => _stats.RegisterPull(arm);

    /// <inheritdoc />
    public void Abandon(int arm) => _stats.Cancel(arm);

    /// <inheritdoc />
    public void Update(int arm, double reward) => _stats.Update(arm, reward);

    /// <inheritdoc />
    public void Reset() => _stats.Clear();
}
