using Almab.Algorithms.Objectives;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

namespace Almab.Sim.Tests.Runs;

/// <summary>(x − 0.3)² on [0, 1] with N(0, 0.1²) noise; cost <c>costSeconds · (1 + slope · x)</c>; NaN above <c>nanAbove</c>.</summary>
internal sealed class NoisyQuadraticObjective(double costSeconds = 10.0, double slope = 0.0, double nanAbove = double.PositiveInfinity) : IObjective
{
    public string Name => "noisy-quadratic";

    public SearchSpace Space { get; } = new([Parameter.Float("x", 0.0, 1.0)]);

    public double? OptimalValue => 0.0;

    public Observation Evaluate(Configuration configuration, double fidelity, Rng rng)
    {
        double x = configuration[0];
        double f = (x - 0.3) * (x - 0.3);
        double value = x > nanAbove ? double.NaN : f + 0.1 * rng.NextGaussian();
        return new Observation(value, f, costSeconds * (1 + slope * x));
    }
}
