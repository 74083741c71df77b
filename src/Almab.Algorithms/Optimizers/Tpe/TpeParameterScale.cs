using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Optimizers.Tpe;

/// <summary>
/// The internal scale of one parameter for the Parzen estimators (Optuna's _calculate_parzen_bounds and
/// _transform_to/from_uniform): floats as is on [low, high] or in log on [log low, log high]; integers discrete with
/// step 1 on [low - 1/2, high + 1/2], or continuous in log on [log(low - 1/2), log(high + 1/2)] and rounded back;
/// grid parameters discrete over their level indices (our choice: the grid is ordered, Optuna has no grid type);
/// categorical parameters as choice indices.
/// </summary>
internal sealed class TpeParameterScale
{
    private readonly Parameter _parameter;

    public TpeParameterScale(Parameter parameter)
    {
        _parameter = parameter;
        switch (parameter.Kind)
        {
            case ParameterKind.Float:
                Low = parameter.Log ? Math.Log(parameter.Low) : parameter.Low;
                High = parameter.Log ? Math.Log(parameter.High) : parameter.High;
                break;
            case ParameterKind.Integer:
                Discrete = !parameter.Log;
                Low = parameter.Log ? Math.Log(parameter.Low - 0.5) : parameter.Low - 0.5;
                High = parameter.Log ? Math.Log(parameter.High + 0.5) : parameter.High + 0.5;
                break;
            case ParameterKind.Grid:
                Discrete = true;
                Low = -0.5;
                High = parameter.Levels.Length - 0.5;
                break;
            default:
                Choices = parameter.Choices.Length;
                break;
        }
    }

    /// <summary>Lower bound of the internal scale (numerical parameters).</summary>
    public double Low { get; }

    /// <summary>Upper bound of the internal scale (numerical parameters).</summary>
    public double High { get; }

    /// <summary>True for a step-1 discrete internal scale.</summary>
    public bool Discrete { get; }

    /// <summary>Number of choices of a categorical parameter, 0 otherwise.</summary>
    public int Choices { get; }

    /// <summary>A native value in the internal scale.</summary>
    public double ToInternal(double value) => _parameter.Kind switch
    {
        ParameterKind.Float or ParameterKind.Integer when _parameter.Log => Math.Log(value),
        ParameterKind.Grid => _parameter.Levels.IndexOf(value),
        _ => value,
    };

    /// <summary>An internal-scale value back to a legal native value.</summary>
    public double ToNative(double x) => _parameter.Kind switch
    {
        ParameterKind.Float when _parameter.Log => Math.Clamp(Math.Exp(x), _parameter.Low, _parameter.High),
        ParameterKind.Float => Math.Clamp(x, _parameter.Low, _parameter.High),
        ParameterKind.Integer when _parameter.Log => Math.Clamp(Math.Round(Math.Exp(x), MidpointRounding.ToEven), _parameter.Low, _parameter.High),
        ParameterKind.Integer => Math.Clamp(Math.Round(x, MidpointRounding.ToEven), _parameter.Low, _parameter.High),
        ParameterKind.Grid => _parameter.Levels[(int)Math.Clamp(Math.Round(x), 0, _parameter.Levels.Length - 1)],
        _ => Math.Clamp(Math.Round(x), 0, Choices - 1),
    };

    /// <summary>
    /// <see cref="Fit"/> reusing <paramref name="reuse"/> (a numerical estimator this scale built) when it can: the same
    /// estimator, without allocating per decision.
    /// </summary>
    public ParzenEstimator Refit(ParzenEstimator? reuse, ReadOnlySpan<double> observations, TpeOptions options)
    {
        if (Choices > 0 || reuse is null)
        {
            return Fit(observations, options);
        }

        reuse.RefitNumerical(observations, Low, High, Discrete, options.PriorWeight, options.MagicClip, options.Endpoints, options.NormalizedKernels);
        return reuse;
    }

    /// <summary>Builds the estimator of this parameter from internal-scale observations.</summary>
    public ParzenEstimator Fit(ReadOnlySpan<double> observations, TpeOptions options) => Choices > 0
        ? ParzenEstimator.Categorical(observations, Choices, options.PriorWeight)
        : ParzenEstimator.Numerical(observations, Low, High, Discrete, options.PriorWeight, options.MagicClip, options.Endpoints, options.NormalizedKernels);
}
