namespace Almab.Experiments.Papers.Bai.RealWorld;

/// <summary>One real pull of one arm on one data set: one row of the pull table.</summary>
/// <param name="Dataset">Data set name.</param>
/// <param name="Arm">Arm name (<see cref="IArmModel.Name"/>).</param>
/// <param name="Pull">Pull index from 0 (pull i of every arm used the same train/test split).</param>
/// <param name="Loss">Mean cross-entropy on the test split, nats (<see cref="CrossEntropy"/>).</param>
/// <param name="Accuracy">Fraction of test rows whose most probable class is the true one.</param>
/// <param name="WallSeconds">Measured wall-clock seconds of training + scoring.</param>
/// <param name="CpuSeconds">Measured process CPU seconds (user + system) of training + scoring.</param>
public sealed record PullRecord(string Dataset, string Arm, int Pull, double Loss, double Accuracy, double WallSeconds, double CpuSeconds);
