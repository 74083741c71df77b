namespace Almab.Experiments.Papers.Bai.RealWorld;

/// <summary>
/// One arm of the real-world study (SH-RR paper, section 7 and appendix C.3): a classifier with one hyperparameter
/// configuration. A pull trains it on a training split and predicts class probabilities on the test split.
/// </summary>
public interface IArmModel
{
    /// <summary>Arm name, e.g. <c>knn/k=5</c>.</summary>
    string Name { get; }

    /// <summary>Classifier family: knn, logistic, boosting, forest.</summary>
    string Classifier { get; }

    /// <summary>
    /// Trains on <paramref name="train"/> and returns the predicted probabilities of every class for every row of
    /// <paramref name="test"/> (row-major, test.Rows × train.Classes). <paramref name="seed"/> drives any randomness.
    /// </summary>
    double[] FitPredict(LabeledData train, LabeledData test, ulong seed);
}
