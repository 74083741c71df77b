using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace Almab.Experiments.Papers.Bai.RealWorld;

/// <summary>
/// The 32 arms of the real-world study: four classifiers × eight configurations (SH-RR paper, appendix C.3). The
/// paper used scikit-learn; Almab's are the closest that are served here (a protocol note, ours):
/// <list type="bullet">
/// <item>KNN (own <see cref="KnnClassifier"/>): n_neighbors = 5, 15, …, 75, as the paper.</item>
/// <item>Logistic regression (ML.NET L-BFGS maximum entropy, softmax): penalty {L2, L1} with weight 1/C, C ∈ {1, 2}
/// (scikit-learn's C·Σloss + ½‖w‖² ≙ ML.NET's Σloss + (1/C)·penalty), × input min-max normalisation {on, off}. The
/// paper's fourth switch, "intercept or not", has no ML.NET counterpart, and its "no penalty" would make two arms
/// identical (C is then ignored), so L1 and normalisation take their places.</item>
/// <item>AdaBoost → boosted stumps (ML.NET FastTree, gradient boosting of 2-leaf trees, one-vs-all with Platt
/// calibration): trees {10, 20, 30, 40} × learning rate {1.0, 0.1}, the paper's grid; gradient boosting, not SAMME.</item>
/// <item>Random forest (ML.NET FastForest, one-vs-all): trees {10, 20, 30, 50}, 32 leaves (the most a depth-5 tree has),
/// × features per split {all, half}, standing in for criterion {gini, entropy}, which FastForest does not offer.</item>
/// </list>
/// </summary>
public static class ArmCatalog
{
    /// <summary>The 32 arms in table order.</summary>
    public static IReadOnlyList<IArmModel> All { get; } = Build();

    /// <summary>The arm of a name; unknown names raise <see cref="InvalidDataException"/>.</summary>
    public static IArmModel Find(string name) =>
        All.FirstOrDefault(a => a.Name == name) ?? throw new InvalidDataException($"unknown arm '{name}' (known: {string.Join(", ", All.Select(a => a.Name))})");

    private static List<IArmModel> Build()
    {
        var arms = new List<IArmModel>();
        for (int k = 5; k <= 75; k += 10)
        {
            arms.Add(new KnnClassifier(k));
        }

        foreach (string penalty in new[] { "l2", "l1" })
        {
            foreach (int c in new[] { 1, 2 })
            {
                foreach (bool normalize in new[] { true, false })
                {
                    string config = string.Create(CultureInfo.InvariantCulture, $"{penalty};C={c};{(normalize ? "minmax" : "raw")}");
                    arms.Add(new MlNetArm("logistic", config, ml =>
                    {
                        var options = new LbfgsMaximumEntropyMulticlassTrainer.Options
                        {
                            L2Regularization = penalty == "l2" ? 1f / c : 0f,
                            L1Regularization = penalty == "l1" ? 1f / c : 0f,
                            NumberOfThreads = 1,
                            MaximumNumberOfIterations = 200,
                            OptimizationTolerance = 1e-5f,
                        };
                        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(options);
                        return normalize
                            ? ml.Transforms.NormalizeMinMax("Features").Append(trainer)
                            : trainer;
                    }));
                }
            }
        }

        foreach (int trees in new[] { 10, 20, 30, 40 })
        {
            foreach (double rate in new[] { 1.0, 0.1 })
            {
                string config = string.Create(CultureInfo.InvariantCulture, $"trees={trees};rate={rate:0.0}");
                arms.Add(new MlNetArm("boosting", config, ml => ml.MulticlassClassification.Trainers.OneVersusAll(
                    ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
                    {
                        NumberOfTrees = trees,
                        NumberOfLeaves = 2,
                        LearningRate = rate,
                        NumberOfThreads = 1,
                        MinimumExampleCountPerLeaf = 1,
                    }))));
            }
        }

        foreach (int trees in new[] { 10, 20, 30, 50 })
        {
            foreach (double fraction in new[] { 1.0, 0.5 })
            {
                string config = string.Create(CultureInfo.InvariantCulture, $"trees={trees};split-features={(fraction == 1.0 ? "all" : "half")}");
                arms.Add(new MlNetArm("forest", config, ml => ml.MulticlassClassification.Trainers.OneVersusAll(
                    ml.BinaryClassification.Trainers.FastForest(new FastForestBinaryTrainer.Options
                    {
                        NumberOfTrees = trees,
                        NumberOfLeaves = 32,
                        FeatureFractionPerSplit = fraction,
                        NumberOfThreads = 1,
                    }))));
            }
        }

        return arms;
    }
}
