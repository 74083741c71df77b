using Almab.Algorithms.Allocation;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Tests.Allocation;

public sealed class LazyExponentialGreedyRoundsTests
{
    public static TheoryData<string, int, int> Models => new()
    {
        { "sqrt", 17, 23 },
        { "sqrt", 60, 23 },
        { "sqrt", 459, 23 },
        { "linear", 30, 23 },
        { "exponential", 20, 5 },
        { "exponential", 6, 40 },
        { "reversed", 25, 9 },
        { "sqrt", 3, 1 },

        // More than 64 completions found in a round: the time-only ranking is skipped for the (time, tie) one.
        { "exponential", 10, 60 },
        { "sqrt", 40, 70 },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void Rounds_and_stream_use_equal_the_heap_sampler_bit_for_bit(string model, int n, int b)
    {
        var times = Times(model, n);
        AssertSameRounds(times, b, rounds: model == "sqrt" && n == 459 ? 300 : 1_000, seed: 20260107);
    }

    [Fact]
    public void Simultaneous_completions_break_ties_to_the_lowest_worker_as_the_heap_does()
    {
        // scale 1e-300: every task takes exactly its shift, so completions coincide all the time; the shifts 1 and 2 and
        // the reversed order make the activation order differ from the index order.
        var times = new ShiftedExponentialTaskTimes([2.0, 1.0, 2.0, 1.0, 1.0, 3.0], [1e-300, 1e-300, 1e-300, 1e-300, 1e-300, 1e-300]);
        AssertSameRounds(times, 7, rounds: 200, seed: 5);
        AssertSameRounds(times, 2, rounds: 200, seed: 6);
    }

    [Fact]
    public void Log_lower_bound_stays_below_the_computed_logarithm()
    {
        var rng = new Seed(11).CreateRng();
        var edges = new[] { 1.0, 1.0 - Math.Pow(2, -53), 1.0 - Math.Pow(2, -30), 0.5, Math.Pow(2, -53), 1e-10, 0.999999 };
        foreach (double u in edges)
        {
            Assert.True(LazyExponentialGreedyRounds.LogLowerBound(u) <= -Math.Log(u), $"u = {u:R}");
        }

        var times = ShiftedExponentialTaskTimes.SquareRoot(459);
        for (int k = 0; k < 1_000_000; k++)
        {
            double u = rng.NextOpenDouble();
            int w = k % 459;
            double bound = LazyExponentialGreedyRounds.LogLowerBound(u);
            Assert.True(bound <= -Math.Log(u), $"u = {u:R}");
            Assert.True(times.Shift(w) + (times.Scale(w) * bound) <= times.FromUniform(w, u));
        }
    }

    [Fact]
    public void From_uniform_is_sample_bit_for_bit()
    {
        var times = ShiftedExponentialTaskTimes.Linear(40);
        var a = new Seed(3).CreateRng();
        var b = new Seed(3).CreateRng();
        for (int k = 0; k < 10_000; k++)
        {
            Assert.Equal(times.Sample(k % 40, a), times.FromUniform(k % 40, b.NextOpenDouble()));
        }
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        var times = ShiftedExponentialTaskTimes.SquareRoot(3);
        var streams = new[] { new Seed(1).CreateRng(), new Seed(2).CreateRng(), new Seed(3).CreateRng() };
        Assert.Throws<ArgumentOutOfRangeException>(() => new LazyExponentialGreedyRounds(times, 0, streams));
        Assert.Throws<ArgumentException>(() => new LazyExponentialGreedyRounds(times, 2, streams[..2]));
        var rounds = new LazyExponentialGreedyRounds(times, 2, streams);
        Assert.Throws<ArgumentException>(() => rounds.Run(new int[2], []));
        Assert.Throws<ArgumentException>(() => rounds.Run(new int[3], new double[5]));
    }

    private static void AssertSameRounds(ShiftedExponentialTaskTimes times, int b, int rounds, ulong seed)
    {
        int n = times.Workers;
        var root = new Seed(seed);
        var heapStreams = Enumerable.Range(0, n).Select(i => root.Derive(i).CreateRng()).ToArray();
        var lazyStreams = Enumerable.Range(0, n).Select(i => root.Derive(i).CreateRng()).ToArray();
        var minimum = Enumerable.Range(0, n).Select(times.Shift).ToArray();
        var heap = new GreedyRoundSampler(minimum);
        var lazy = new LazyExponentialGreedyRounds(times, b, lazyStreams);
        var started = new int[n];
        var heapSeconds = new double[n * b];
        NextTaskSeconds next = i =>
        {
            double x = times.Sample(i, heapStreams[i]);
            if (started[i] < b)
            {
                heapSeconds[(i * b) + started[i]] = x;
            }

            started[i]++;
            return x;
        };
        var heapCompleted = new int[n];
        var lazyCompleted = new int[n];
        var lazySeconds = new double[n * b];
        for (int k = 0; k < rounds; k++)
        {
            Array.Clear(started);
            var expected = heap.Run(b, next, heapCompleted);
            var actual = lazy.Run(lazyCompleted, lazySeconds);
            Assert.Equal(Bits(expected), Bits(actual));
            Assert.Equal(heapCompleted, lazyCompleted);
            for (int i = 0; i < n; i++)
            {
                for (int u = 0; u < heapCompleted[i]; u++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(heapSeconds[(i * b) + u]), BitConverter.DoubleToInt64Bits(lazySeconds[(i * b) + u]));
                }
            }
        }
    }

    private static long[] Bits(GreedyRoundResult r) =>
    [
        BitConverter.DoubleToInt64Bits(r.RuntimeSeconds), BitConverter.DoubleToInt64Bits(r.TotalWorkerSeconds),
        BitConverter.DoubleToInt64Bits(r.CompletedWorkSeconds), BitConverter.DoubleToInt64Bits(r.AbandonedWorkSeconds),
    ];

    private static ShiftedExponentialTaskTimes Times(string model, int n) => model switch
    {
        "sqrt" => ShiftedExponentialTaskTimes.SquareRoot(n),
        "linear" => ShiftedExponentialTaskTimes.Linear(n),
        "exponential" => ShiftedExponentialTaskTimes.Exponential(n),

        // Shifts decreasing in the index: the activation order is the reverse of the index order.
        _ => new ShiftedExponentialTaskTimes(
            Enumerable.Range(0, n).Select(i => 10.0 * (n - i)).ToArray(),
            Enumerable.Range(0, n).Select(i => 5.0 + i).ToArray()),
    };
}
