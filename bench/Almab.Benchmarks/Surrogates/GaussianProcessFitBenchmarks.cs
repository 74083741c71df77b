using Almab.Algorithms.Randomness;
using Almab.Algorithms.Surrogates;
using BenchmarkDotNet.Attributes;

namespace Almab.Benchmarks.Surrogates;

/// <summary>
/// Gaussian-process hyperparameter fit (ALMAB-DC section 2.2): Matérn 5/2 ARD, d = 5, standardized outputs,
/// 1 + 4 L-BFGS starts, as in bench/compare/gp/compare_gp.py (which puts scikit-learn beside it).
/// Also the plain conditioning cost (kernel matrix + Cholesky, no optimisation).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class GaussianProcessFitBenchmarks
{
    private double[][] _x = [];
    private double[] _y = [];
    private GaussianProcessOptions _options = new();

    /// <summary>Number of observations.</summary>
    [Params(50, 200, 500)]
    public int N { get; set; }

    /// <summary>Draws a smooth 5-d test function with small noise.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_x, _y) = GpBenchmarkData.Draw(N, 5, new Seed(20260101));
        _options = new GaussianProcessOptions { Restarts = 4 };
    }

    /// <summary>Fit with hyperparameter optimisation (1 + 4 starts).</summary>
    [Benchmark]
    public double FitOptimized()
    {
        var gp = new GaussianProcess(5, _options);
        gp.Fit(_x, _y, optimizeHyperparameters: true);
        return gp.LogMarginalLikelihood;
    }

    /// <summary>Fit with fixed hyperparameters: O(n^2 d) kernel matrix plus O(n^3 / 6) Cholesky.</summary>
    [Benchmark]
    public double FitFixed()
    {
        var gp = new GaussianProcess(5, _options);
        gp.Fit(_x, _y, optimizeHyperparameters: false);
        return gp.LogMarginalLikelihood;
    }
}
