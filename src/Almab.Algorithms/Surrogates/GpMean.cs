namespace Almab.Algorithms.Surrogates;

/// <summary>Prior mean of the Gaussian-process surrogate (ALMAB-DC section 2.2).</summary>
public enum GpMean
{
    /// <summary>Zero prior mean (scikit-learn's <c>normalize_y=False</c>).</summary>
    Zero,

    /// <summary>
    /// Constant prior mean equal to the sample mean of the targets given to <c>Fit</c>
    /// (our choice: a plug-in estimate, as scikit-learn's <c>normalize_y=True</c> does, not a
    /// likelihood-optimised hyperparameter).
    /// </summary>
    Constant,
}
