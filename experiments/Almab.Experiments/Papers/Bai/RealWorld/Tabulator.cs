using System.Diagnostics;
using Almab.Algorithms.Randomness;

namespace Almab.Experiments.Papers.Bai.RealWorld;

/// <summary>
/// Makes the pull table for real (SH-RR paper, appendix C.3: "500 independent trials" per arm to find the best arm):
/// for each data set and pull index i, one random train/test split (seed root → "bai-realworld" → data set → "split"
/// → i, shared by all arms: common random numbers), then every arm trains on it and is scored; the loss, the accuracy
/// and the measured wall and process-CPU seconds of training + scoring are recorded. Arms are interleaved within
/// each i so machine-load drift touches all arms alike. One untimed warm-up pull per arm and data set comes first
/// (JIT compilation is not the arm's cost). Sequential: timing needs an otherwise idle thread.
/// </summary>
public static class Tabulator
{
    /// <summary>Tabulates <paramref name="pulls"/> pulls of every arm on every data set.</summary>
    public static List<PullRecord> Run(IReadOnlyList<(RealWorldDataset Spec, LabeledData Data)> datasets, IReadOnlyList<IArmModel> arms,
        int pulls, double testFraction, Seed root, Action<string>? progress = null, CancellationToken cancel = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pulls, 1);
        var records = new List<PullRecord>();
        foreach (var (spec, data) in datasets)
        {
            Seed setSeed = root.Derive("bai-realworld").Derive(spec.Name);
            var (warmTrain, warmTest) = TrainTestSplit.Split(data, testFraction, setSeed.Derive("warm-up"));
            foreach (var arm in arms)
            {
                arm.FitPredict(warmTrain, warmTest, setSeed.Derive("warm-up").Derive(arm.Name).Value);
            }

            for (int i = 0; i < pulls; i++)
            {
                cancel.ThrowIfCancellationRequested();
                var (train, test) = TrainTestSplit.Split(data, testFraction, setSeed.Derive("split").Derive(i));
                foreach (var arm in arms)
                {
                    records.Add(Pull(spec.Name, arm, i, train, test, setSeed.Derive(arm.Name).Derive(i).Value));
                }

                progress?.Invoke($"{spec.Name}: pull {i + 1}/{pulls} of {arms.Count} arms");
            }
        }

        return records;
    }

    /// <summary>One timed pull: train, score, loss.</summary>
    public static PullRecord Pull(string dataset, IArmModel arm, int index, LabeledData train, LabeledData test, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(arm);
        ArgumentNullException.ThrowIfNull(test);
        var cpu = Environment.CpuUsage.TotalTime;
        long start = Stopwatch.GetTimestamp();
        double[] p = arm.FitPredict(train, test, seed);
        double wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
        double cpuSeconds = (Environment.CpuUsage.TotalTime - cpu).TotalSeconds;
        double loss = CrossEntropy.Mean(p, test.Labels, test.Classes);
        return new PullRecord(dataset, arm.Name, index, loss, Accuracy(p, test), wall, Math.Max(0, cpuSeconds));
    }

    /// <summary>Fraction of rows whose highest-probability class (lowest class among ties) is the true class.</summary>
    public static double Accuracy(ReadOnlySpan<double> probabilities, LabeledData test)
    {
        ArgumentNullException.ThrowIfNull(test);
        int classes = test.Classes, right = 0;
        for (int i = 0; i < test.Rows; i++)
        {
            var row = probabilities.Slice(i * classes, classes);
            int best = 0;
            for (int c = 1; c < classes; c++)
            {
                if (row[c] > row[best])
                {
                    best = c;
                }
            }

            right += best == test.Labels[i] ? 1 : 0;
        }

        return (double)right / test.Rows;
    }
}
