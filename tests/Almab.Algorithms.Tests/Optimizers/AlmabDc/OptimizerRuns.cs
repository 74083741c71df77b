using Almab.Algorithms.Optimizers.AlmabDc;
using Almab.Algorithms.Surrogates;

namespace Almab.Algorithms.Tests.Optimizers.AlmabDc;

/// <summary>Settings shared by the ALMAB-DC tests.</summary>
internal static class OptimizerRuns
{
    /// <summary>Small-budget settings for the 30-seed comparisons (fewer GP restarts keep the suite fast).</summary>
    public static AlmabDcOptions Fast(AlmabDcVariant variant) => new()
    {
        Variant = variant,
        RefitEvery = 10,
        Gp = new GaussianProcessOptions { Restarts = 1 },
    };
}
