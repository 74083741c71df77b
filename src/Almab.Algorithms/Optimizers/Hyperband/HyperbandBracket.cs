namespace Almab.Algorithms.Optimizers.Hyperband;

/// <summary>A successive-halving bracket of Hyperband (Li et al. 2018, Algorithm 1, one value of s).</summary>
/// <param name="S">The bracket index s, from s_max (most aggressive) down to 0 (plain full-fidelity evaluations).</param>
/// <param name="Rungs">Rungs i = 0..s in order of increasing fidelity.</param>
public sealed record HyperbandBracket(int S, IReadOnlyList<HyperbandRung> Rungs);
