using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Optimizers.Hyperband;

/// <summary>Uniform draws of the space (Hyperband's get_hyperparameter_configuration).</summary>
internal sealed class RandomConfigurationSource(SearchSpace space, Rng rng) : IConfigurationSource
{
    public Configuration Next(int level) => space.Sample(rng);

    public void Observe(Configuration configuration, int level, double value)
    {
    }
}
