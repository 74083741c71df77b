namespace Almab.Algorithms.Bandits;

/// <summary>A policy that chooses a whole synchronous batch at once (survey 001 section 1.2): batch UCB and batch TS.</summary>
public interface IBatchBanditPolicy : IBanditPolicy
{
    /// <summary>Writes B = <c>destination.Length</c> &gt;= 1 arms and registers each as pending.</summary>
    void SelectBatch(Span<int> destination);
}
