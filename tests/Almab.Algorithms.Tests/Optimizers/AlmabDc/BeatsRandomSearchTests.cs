using Almab.Algorithms.Optimizers.AlmabDc;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;
using Xunit.Abstractions;

namespace Almab.Algorithms.Tests.Optimizers.AlmabDc;

/// <summary>
/// Every ALMAB-DC variant beats random search on Branin (40 evaluations) and Hartmann-6 (60 evaluations): one-sided
/// Mann-Whitney U test over 30 seeds on the final best value, alpha = 0.05.
/// </summary>
public sealed class BeatsRandomSearchTests(ITestOutputHelper output)
{
    private const int Seeds = 30;

    public static TheoryData<AlmabDcVariant> Variants() => AlmabDcOptimizerTests.Variants();

    [Theory]
    [MemberData(nameof(Variants))]
    public void BeatsRandomSearchOnBranin(AlmabDcVariant variant) =>
        Compare(variant, "branin", ReferenceFunctions.BraninSpace, ReferenceFunctions.Branin, 40);

    [Theory]
    [MemberData(nameof(Variants))]
    public void BeatsRandomSearchOnHartmann6(AlmabDcVariant variant) =>
        Compare(variant, "hartmann6", ReferenceFunctions.HartmannSpace, ReferenceFunctions.Hartmann6, 60);

    private void Compare(AlmabDcVariant variant, string name, SearchSpace space, Func<Configuration, double> f, int budget)
    {
        var root = new Seed(2026).Derive(name);
        var method = new double[Seeds];
        var random = new double[Seeds];
        for (int s = 0; s < Seeds; s++)
        {
            var replicate = root.Derive(s);
            method[s] = OptimizerRuns.Best(new AlmabDcOptimizer(space, replicate.Derive("method"), OptimizerRuns.Fast(variant)), f, budget);
            random[s] = OptimizerRuns.RandomSearch(space, f, budget, replicate.Derive("random"));
        }

        double p = OneSidedRankSum.PValueLess(method, random);
        output.WriteLine($"{variant} on {name}: median best {Median(method):G5} vs random {Median(random):G5}, one-sided p = {p:G3}");
        Assert.True(p < 0.05, $"{variant} on {name}: median {Median(method):G5} vs random {Median(random):G5}, p = {p:G3}");
    }

    private static double Median(double[] v)
    {
        var s = v.OrderBy(x => x).ToArray();
        return 0.5 * (s[(s.Length - 1) / 2] + s[s.Length / 2]);
    }
}
