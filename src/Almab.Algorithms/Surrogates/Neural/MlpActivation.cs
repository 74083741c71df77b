namespace Almab.Algorithms.Surrogates.Neural;

/// <summary>Hidden-layer activation of <see cref="MlpNetwork"/> (scikit-learn's <c>activation</c> names).</summary>
public enum MlpActivation
{
    /// <summary>tanh(z); derivative 1 - tanh^2.</summary>
    Tanh,

    /// <summary>max(z, 0); derivative 1 for z &gt; 0, else 0.</summary>
    Relu,
}
