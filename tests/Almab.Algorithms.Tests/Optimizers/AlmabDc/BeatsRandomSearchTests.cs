using Almab.Algorithms.Objectives.TestFunctions;
using Almab.Algorithms.Optimizers.AlmabDc;
using Almab.Algorithms.Optimizers.Baselines;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Tests.Optimizers.Tpe;
using Almab.Reports.Statistics;
using Xunit.Abstractions;

namespace Almab.Algorithms.Tests.Optimizers.AlmabDc;

/// <summary>
/// Every ALMAB-DC variant beats random search on Branin (40 evaluations) and Hartmann-6 (60 evaluations): one-sided
/// Mann-Whitney U test over 30 seeds on the final best true value, alpha = 0.05.
/// </summary>
public sealed class BeatsRandomSearchTests(ITestOutputHelper output)
{
    private const int Seeds = 30;

    public static TheoryData<AlmabDcVariant> Variants() => AlmabDcOptimizerTests.Variants();

    [Theory]
    [MemberData(nameof(Variants))]
    public void BeatsRandomSearchOnBranin(AlmabDcVariant variant) => Compare(variant, new Branin(), 40);

    [Theory]
    [MemberData(nameof(Variants))]
    public void BeatsRandomSearchOnHartmann6(AlmabDcVariant variant) => Compare(variant, new Hartmann6(), 60);

    private void Compare(AlmabDcVariant variant, TestFunctionObjective f, int budget)
    {
        var root = new Seed(2026).Derive(f.Name);
        var method = new double[Seeds];
        var random = new double[Seeds];
        for (int s = 0; s < Seeds; s++)
        {
            var replicate = root.Derive(s);
            method[s] = SequentialRuns.Best(new AlmabDcOptimizer(f.Space, replicate.Derive("method"), OptimizerRuns.Fast(variant)), f, budget);
            random[s] = SequentialRuns.Best(new RandomSearch(f.Space, replicate.Derive("random")), f, budget);
        }

        double p = MannWhitneyU.Test(method, random, Alternative.Less).PValue;
        string summary = $"{variant} on {f.Name}: median best {Median(method):G5} vs random {Median(random):G5} (f* = {f.KnownMinimum:G6}), one-sided p = {p:G3}";
        output.WriteLine(summary);
        Assert.True(p < 0.05, summary);
    }

    private static double Median(double[] values) => Descriptive.MedianInPlace((double[])values.Clone());
}
