namespace Almab.Algorithms.Objectives.Cases;

/// <summary>One isotropic component of the illustrative example's Gaussian-mixture reward (ALMAB-DC section 2.6).</summary>
/// <param name="Weight">Weight w_i (weights are normalized to sum to 1).</param>
/// <param name="Mean">Component mean mu_i.</param>
/// <param name="Sd">Component standard deviation (Sigma_i = Sd^2 I).</param>
public sealed record MixtureComponent(double Weight, double[] Mean, double Sd);
