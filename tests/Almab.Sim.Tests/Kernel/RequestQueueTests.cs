using Almab.Sim.Kernel;

namespace Almab.Sim.Tests.Kernel;

/// <summary>RequestQueue: the FIFO ring of one priority and the heap it turns into give exactly (priority, sequence) order.</summary>
public sealed class RequestQueueTests
{
    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(2, 0.02)]
    [InlineData(3, 0.3)]
    public void Pops_in_priority_then_arrival_order_through_ring_and_heap_switches(int seed, double otherPriorityShare)
    {
        var rng = new Random(seed);
        var sim = new Simulation();
        var resource = new Resource(sim, 1);
        var queue = new RequestQueue();
        var reference = new SortedSet<(int Priority, long Sequence)>();
        var bySequence = new Dictionary<long, Request>();
        long sequence = 0;
        for (int step = 0; step < 20_000; step++)
        {
            // Bursts of pushes (the ring grows past its first 16 slots), then drains, often to empty (back to the ring).
            bool push = reference.Count == 0 || rng.NextDouble() < (step / 500 % 2 == 0 ? 0.7 : 0.3);
            if (push)
            {
                int priority = rng.NextDouble() < otherPriorityShare ? rng.Next(-2, 3) : 0;
                var request = resource.Request(priority);
                queue.Push(priority, ++sequence, request);
                reference.Add((priority, sequence));
                bySequence[sequence] = request;
            }
            else
            {
                var expected = reference.Min;
                reference.Remove(expected);
                Assert.Same(bySequence[expected.Sequence], queue.Pop());
            }

            Assert.Equal(reference.Count, queue.Count);
        }
    }
}
