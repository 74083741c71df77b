using Microsoft.ML;
using Microsoft.ML.Data;

namespace Almab.Experiments.Papers.Bai.RealWorld;

/// <summary>
/// An arm trained by ML.NET 6.0.0 (Microsoft.ML, Microsoft.ML.FastTree): the estimator chain built by
/// <see cref="_build"/> is fitted on the training split and applied to the test split; its multiclass "Score" column
/// (one probability per class, in label order) is the prediction. Every trainer is single-threaded and seeded through
/// the MLContext, so a pull is reproducible and its measured seconds are one core's work.
/// </summary>
public sealed class MlNetArm : IArmModel
{
    private readonly Func<MLContext, IEstimator<ITransformer>> _build;

    /// <summary>Creates the arm.</summary>
    public MlNetArm(string classifier, string configuration, Func<MLContext, IEstimator<ITransformer>> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        Classifier = classifier;
        Name = $"{classifier}/{configuration}";
        _build = build;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string Classifier { get; }

    /// <inheritdoc />
    public double[] FitPredict(LabeledData train, LabeledData test, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        var ml = new MLContext(seed: unchecked((int)(seed ^ (seed >> 32))));
        var model = _build(ml).Fit(MlNetRow.View(ml, train));
        var scored = model.Transform(MlNetRow.View(ml, test));
        int classes = train.Classes;
        var probabilities = new double[test.Rows * classes];
        int row = 0;
        using (var cursor = scored.GetRowCursor(scored.Schema.Where(c => c.Name == "Score")))
        {
            var getter = cursor.GetGetter<VBuffer<float>>(scored.Schema["Score"]);
            var buffer = default(VBuffer<float>);
            while (cursor.MoveNext())
            {
                getter(ref buffer);
                if (buffer.Length != classes)
                {
                    throw new InvalidOperationException($"arm {Name}: score vector of {buffer.Length} slots for {classes} classes");
                }

                var dense = buffer.DenseValues().GetEnumerator();
                for (int c = 0; c < classes && dense.MoveNext(); c++)
                {
                    probabilities[row * classes + c] = Math.Max(0.0, dense.Current);
                }

                row++;
            }
        }

        if (row != test.Rows)
        {
            throw new InvalidOperationException($"arm {Name}: scored {row} of {test.Rows} test rows");
        }

        return probabilities;
    }
}
