namespace Almab.Experiments.Papers.AlmabDc.Scaling;

/// <summary>
/// One (surrogate, CPU count) cell of the Appendix C study (Tables 8 and 9 analogue). Runtime is real wall-clock
/// seconds per run: measured when <see cref="Measured"/>, otherwise modelled from the serial split (see
/// <see cref="SurrogateScalingStudy"/>). Drag is always from real runs at K = CPUs workers.
/// </summary>
/// <param name="Surrogate">gp, rf or mlp.</param>
/// <param name="Cpus">CPU count C (= workers K and surrogate threads).</param>
/// <param name="Runs">Runs in the cell.</param>
/// <param name="DragMean">Mean best drag C_D.</param>
/// <param name="DragSd">Its standard deviation over runs.</param>
/// <param name="RuntimeMean">Mean runtime per run, seconds.</param>
/// <param name="RuntimeSd">Its standard deviation over runs (of the measured or of the modelled values).</param>
/// <param name="Measured">True for a runtime measured with C threads, false for one modelled from the serial split.</param>
/// <param name="FitSeconds">Mean serial seconds in surrogate fits (Fit, Add) per run, measured with one thread.</param>
/// <param name="PredictSeconds">Mean serial seconds in predictions per run.</param>
/// <param name="FantasySeconds">Mean serial seconds in fantasies per run.</param>
/// <param name="OtherSeconds">Mean serial seconds outside the surrogate per run (pool, acquisition, bandit, simulation).</param>
public sealed record SurrogateScalingCell(
    string Surrogate, int Cpus, int Runs, double DragMean, double DragSd, double RuntimeMean, double RuntimeSd, bool Measured,
    double FitSeconds, double PredictSeconds, double FantasySeconds, double OtherSeconds);
