namespace Almab.Algorithms.BestArm;

/// <summary>
/// An arm with its empirical mean and a uniform tie-break key, ordered best first: higher mean, then higher key
/// (the published code's <c>lexsort((random, mean))[::-1]</c>). A struct so sorting it allocates nothing.
/// </summary>
internal readonly record struct RankedArm(int Arm, double Mean, double Key) : IComparable<RankedArm>
{
    /// <inheritdoc />
    public int CompareTo(RankedArm other)
    {
        int c = other.Mean.CompareTo(Mean);
        return c != 0 ? c : other.Key.CompareTo(Key);
    }
}
