using Almab.Algorithms.Surrogates;
using Almab.Algorithms.Surrogates.Kernels;

namespace Almab.Algorithms.Tests.Surrogates;

/// <summary>The <see cref="ISurrogate"/> contract for a zero-mean, unstandardized squared-exponential GP.</summary>
public sealed class SquaredExponentialGpContractTests : SurrogateContractTests
{
    protected override ISurrogate Create(int dimension) => new GaussianProcess(
        dimension, new GaussianProcessOptions { Kernel = KernelFamily.SquaredExponential, Mean = GpMean.Zero, Standardize = false });
}
