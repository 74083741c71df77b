namespace Almab.Algorithms.Bandits;

/// <summary>
/// A bandit policy that can score every arm without committing to one: the "MABController(q)" score s_q of
/// ALMAB-DC Algorithm 1 (section 2.3), used when the caller chooses among a subset of arms (the Active Learner's
/// shortlist). UCB-type policies return their index, Thompson-type policies one posterior draw per arm.
/// </summary>
public interface IIndexPolicy : IBanditPolicy
{
    /// <summary>Writes one score per arm (higher = pull; +infinity for arms that must be tried first).</summary>
    void ComputeIndices(Span<double> indices);

    /// <summary>Records that <paramref name="arm"/> was pulled by the caller; the pull is pending until <see cref="IBanditPolicy.Update"/>.</summary>
    void RegisterPull(int arm);
}
