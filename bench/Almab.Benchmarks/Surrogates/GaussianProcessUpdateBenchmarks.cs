using Almab.Algorithms.Randomness;
using Almab.Algorithms.Surrogates;
using BenchmarkDotNet.Attributes;

namespace Almab.Benchmarks.Surrogates;

/// <summary>
/// Per-decision GP costs (ALMAB-DC section 2.2, the posterior update loop of Figure 2) at n = 50, 200, 500,
/// d = 5: the O(n^2) append of one observation and batch prediction of 1000 candidates. The memory
/// diagnoser must show 0 B allocated per operation.
/// </summary>
[MemoryDiagnoser]
public class GaussianProcessUpdateBenchmarks
{
    private const int Candidates = 1000;
    private GaussianProcess _gp = new(5);
    private double[][] _candidates = [];
    private double[] _mean = [];
    private double[] _variance = [];
    private double[] _newPoint = [];

    /// <summary>Number of observations conditioned on.</summary>
    [Params(50, 200, 500)]
    public int N { get; set; }

    /// <summary>Fits the model once (optimised hyperparameters) and draws the candidates.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var seed = new Seed(20260102);
        var (x, y) = GpBenchmarkData.Draw(N, 5, seed);
        _gp = new GaussianProcess(5, new GaussianProcessOptions { Restarts = 1 });
        _gp.Fit(x, y, optimizeHyperparameters: true);
        (_candidates, _) = GpBenchmarkData.Draw(Candidates, 5, seed.Derive("candidates"));
        _mean = new double[Candidates];
        _variance = new double[Candidates];
        _newPoint = [0.3, 0.6, 0.2, 0.9, 0.5];

        // Grow the factor's row buffer once so the measured appends reuse it.
        _gp.PushFantasy(_newPoint, 0.0);
        _gp.PopFantasy();
    }

    /// <summary>
    /// Rank-one append of one observation: PushFantasy runs exactly the code of Add (one new Cholesky row by
    /// forward substitution, O(n^2)); the O(1) PopFantasy restores the model so every operation sees size n.
    /// </summary>
    [Benchmark]
    public void AddOneObservation()
    {
        _gp.PushFantasy(_newPoint, 0.5);
        _gp.PopFantasy();
    }

    /// <summary>Posterior mean and variance of 1000 candidates, O(n^2) each.</summary>
    [Benchmark]
    public double Predict1000()
    {
        _gp.Predict(_candidates, _mean, _variance);
        return _mean[0] + _variance[Candidates - 1];
    }
}
