using Almab.Algorithms.Surrogates;

namespace Almab.Algorithms.Tests.Surrogates;

/// <summary>The <see cref="ISurrogate"/> contract for the default Matérn 5/2 GP.</summary>
public sealed class GaussianProcessContractTests : SurrogateContractTests
{
    protected override ISurrogate Create(int dimension) => new GaussianProcess(dimension);
}
