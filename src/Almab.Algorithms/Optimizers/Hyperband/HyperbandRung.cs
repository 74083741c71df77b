namespace Almab.Algorithms.Optimizers.Hyperband;

/// <summary>One rung of a successive-halving bracket (Li et al. 2018, Algorithm 1: n_i and r_i).</summary>
/// <param name="Configurations">n_i, the number of configurations evaluated in this rung.</param>
/// <param name="Resource">r_i, the resource of each evaluation in units of the minimum fidelity.</param>
/// <param name="Fidelity">The fidelity handed out, MinFidelity * r_i, in (0, 1].</param>
public sealed record HyperbandRung(int Configurations, double Resource, double Fidelity);
