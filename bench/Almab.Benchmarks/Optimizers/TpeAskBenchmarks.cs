using Almab.Algorithms.Objectives;
using Almab.Algorithms.Objectives.TestFunctions;
using Almab.Algorithms.Optimizers.Tpe;
using Almab.Algorithms.Randomness;
using BenchmarkDotNet.Attributes;

namespace Almab.Benchmarks.Optimizers;

/// <summary>
/// One Ask(1) of <see cref="TpeOptimizer"/> on Hartmann-6 after <see cref="Told"/> sequential trials with 4 pending
/// (constant liar on): per parameter two Parzen estimators of about Told components and 24 candidates scored against
/// both. Ask changes the state, so every measured invocation gets a freshly prepared optimizer.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class TpeAskBenchmarks
{
    private static readonly Hartmann6 Function = new();
    private TpeOptimizer _optimizer = null!;

    /// <summary>Trials told before the measured Ask.</summary>
    [Params(20, 100, 400)]
    public int Told { get; set; } = 20;

    /// <summary>Builds the optimizer and plays the trials before the measured Ask.</summary>
    [IterationSetup]
    public void Setup()
    {
        _optimizer = new TpeOptimizer(Function.Space, new Seed(20260302));
        for (int t = 0; t < Told; t++)
        {
            var trial = _optimizer.Ask(1)[0];
            double y = Function.ValueAt(trial.Configuration.Values);
            _optimizer.Tell(trial, new Observation(y, y));
        }

        _optimizer.Ask(4);
    }

    /// <summary>The measured proposal.</summary>
    [Benchmark]
    public int Ask() => _optimizer.Ask(1).Count;
}
