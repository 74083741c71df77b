using Almab.Algorithms.Objectives;
using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Tests.Optimizers.Contract;

/// <summary>
/// The optimizer contract of ARCHITECTURE.md that every <see cref="IOptimizer"/> test class inherits by providing a
/// factory: asks stay in the space, non-finite values are rejected with a clear <see cref="ArgumentException"/> and
/// leave the trial pending, unknown or already-told trials are rejected, a budget (when the method has one) is
/// respected, the same seed gives the same trace, and several asks may be outstanding before any tell.
/// </summary>
public abstract class OptimizerContract
{
    /// <summary>The space the optimizer under test searches.</summary>
    protected abstract SearchSpace Space { get; }

    /// <summary>Builds a fresh optimizer over <see cref="Space"/>.</summary>
    protected abstract IOptimizer Create(Seed seed);

    /// <summary>The number of trials the optimizer may hand out in all, or null when it has no budget.</summary>
    protected virtual int? Budget => null;

    /// <summary>True when the trace depends on the seed (false for deterministic designs such as a grid).</summary>
    protected virtual bool IsRandomized => true;

    /// <summary>Number of trials the trace tests run (kept below any budget).</summary>
    protected virtual int TraceLength => 12;

    /// <summary>
    /// The observation told for <paramref name="trial"/>; by default a smooth function of the encoded point plus
    /// noise from <paramref name="rng"/>. Methods that read a specific observation model override it.
    /// </summary>
    protected virtual Observation Observe(Trial trial, Rng rng)
    {
        var u = Space.Encode(trial.Configuration);
        double value = 0;
        for (int i = 0; i < u.Length; i++)
        {
            value += (u[i] - 0.3) * (u[i] - 0.3);
        }

        return new Observation(value + 0.01 * rng.NextGaussian());
    }

    private List<Trial> Trace(ulong seed)
    {
        var optimizer = Create(new Seed(seed));
        var rng = new Seed(seed).Derive("contract-noise").CreateRng();
        var trials = new List<Trial>();
        int round = 0;
        while (trials.Count < TraceLength)
        {
            int count = Math.Min(round % 3 + 1, TraceLength - trials.Count);
            var asked = optimizer.Ask(count);
            Assert.True(asked.Count > 0, $"{optimizer.Name} returned no trial within its budget");
            Assert.True(asked.Count <= count, $"{optimizer.Name} returned {asked.Count} trials for Ask({count})");
            for (int i = asked.Count - 1; i >= 0; i--)
            {
                trials.Add(asked[i]);
                optimizer.Tell(asked[i], Observe(asked[i], rng));
            }

            round++;
        }

        return trials;
    }

    [Fact]
    public void AsksStayInTheSpaceWithDistinctIds()
    {
        var trials = Trace(11);
        foreach (var t in trials)
        {
            Assert.True(Space.Contains(t.Configuration), $"{t.Configuration} is outside the space");
            Assert.True(t.Fidelity > 0 && t.Fidelity <= 1, $"fidelity {t.Fidelity} is outside (0, 1]");
        }

        Assert.Equal(trials.Count, trials.Select(t => t.Id).Distinct().Count());
    }

    [Fact]
    public void SameSeedGivesTheSameTrace()
    {
        var a = Trace(21);
        var b = Trace(21);
        Assert.Equal(a, b);
        if (IsRandomized)
        {
            Assert.NotEqual(a.Select(t => t.Configuration), Trace(22).Select(t => t.Configuration));
        }
    }

    [Fact]
    public void NonFiniteValuesAreRejectedAndTheTrialStaysPending()
    {
        var optimizer = Create(new Seed(3));
        var trial = optimizer.Ask(1)[0];
        var nan = Assert.Throws<ArgumentException>(() => optimizer.Tell(trial, new Observation(double.NaN)));
        Assert.Contains($"Trial {trial.Id}", nan.Message);
        Assert.Contains("finite", nan.Message);
        Assert.Throws<ArgumentException>(() => optimizer.Tell(trial, new Observation(double.PositiveInfinity)));
        optimizer.Tell(trial, Observe(trial, new Rng(1)));
        Assert.Contains("not pending", Assert.Throws<ArgumentException>(() => optimizer.Tell(trial, Observe(trial, new Rng(1)))).Message);
    }

    [Fact]
    public void UnknownTrialsAreRejected()
    {
        var optimizer = Create(new Seed(4));
        var trial = optimizer.Ask(1)[0];
        var stranger = new Trial(trial.Id + 1000, trial.Configuration);
        var ex = Assert.Throws<ArgumentException>(() => optimizer.Tell(stranger, Observe(stranger, new Rng(1))));
        Assert.Contains($"Trial {stranger.Id}", ex.Message);
        optimizer.Tell(trial, Observe(trial, new Rng(1)));
    }

    [Fact]
    public void FailedEvaluationsAreAccepted()
    {
        var optimizer = Create(new Seed(5));
        var first = optimizer.Ask(2);
        optimizer.Tell(first[0], new Observation(double.NaN, Failed: true));
        optimizer.Tell(first[1], Observe(first[1], new Rng(2)));
        var next = optimizer.Ask(2);
        Assert.All(next, t => Assert.True(Space.Contains(t.Configuration)));
    }

    [Fact]
    public void PendingAsksWorkBeforeAnyTell()
    {
        var optimizer = Create(new Seed(6));
        var outstanding = new List<Trial>(optimizer.Ask(3));
        outstanding.AddRange(optimizer.Ask(2));
        Assert.Equal(5, outstanding.Count);
        Assert.Equal(5, outstanding.Select(t => t.Id).Distinct().Count());
        var rng = new Rng(3);
        optimizer.Tell(outstanding[3], Observe(outstanding[3], rng));
        outstanding.RemoveAt(3);
        outstanding.AddRange(optimizer.Ask(2));
        Assert.Equal(6, outstanding.Select(t => t.Id).Distinct().Count());
        for (int i = outstanding.Count - 1; i >= 0; i--)
        {
            Assert.True(Space.Contains(outstanding[i].Configuration));
            optimizer.Tell(outstanding[i], Observe(outstanding[i], rng));
        }

        Assert.NotEmpty(optimizer.Ask(1));
    }

    [Fact]
    public void AskZeroGivesNothingAndNegativeCountsAreRejected()
    {
        var optimizer = Create(new Seed(7));
        Assert.Empty(optimizer.Ask(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => optimizer.Ask(-1));
        Assert.False(string.IsNullOrWhiteSpace(optimizer.Name));
    }

    [Fact]
    public void BudgetIsRespected()
    {
        if (Budget is not int budget)
        {
            return;
        }

        var optimizer = Create(new Seed(8));
        var rng = new Rng(4);
        int handedOut = 0;
        for (int round = 0; round < budget + 3; round++)
        {
            var asked = optimizer.Ask(3);
            handedOut += asked.Count;
            foreach (var t in asked)
            {
                optimizer.Tell(t, Observe(t, rng));
            }
        }

        Assert.Equal(budget, handedOut);
        Assert.Empty(optimizer.Ask(5));
    }
}
