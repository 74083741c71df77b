namespace Almab.Algorithms.BestArm.Replay;

/// <summary>
/// Recorded pulls of K arms with one resource (SH-RR paper, section 7, real-world study; Tables 1–2): for each arm,
/// the rewards and consumptions of pulls that were made for real once (e.g. −cross-entropy of a trained classifier
/// and its measured training + scoring seconds). A replayed pull of arm k draws one of arm k's records uniformly at
/// random, so an agent meets the arm's real reward and consumption distribution without retraining. The best arm
/// is the one of highest mean recorded reward (the paper: lowest mean cross-entropy), -1 when that mean is tied.
/// Immutable; build through <see cref="Create"/>, which names the arm and field of any bad value.
/// </summary>
public sealed class RecordedPulls
{
    private readonly double[][] _rewards;
    private readonly double[][] _consumption;

    private RecordedPulls(double[][] rewards, double[][] consumption)
    {
        _rewards = rewards;
        _consumption = consumption;
        MeanRewards = rewards.Select(r => r.Average()).ToArray();
        MeanConsumption = consumption.Select(c => c.Average()).ToArray();
        BestArm = UniqueArgMax(MeanRewards);
    }

    /// <summary>Number of arms K.</summary>
    public int Arms => _rewards.Length;

    /// <summary>Mean recorded reward of each arm.</summary>
    public IReadOnlyList<double> MeanRewards { get; }

    /// <summary>Mean recorded consumption of each arm (resource units, e.g. seconds).</summary>
    public IReadOnlyList<double> MeanConsumption { get; }

    /// <summary>Arm of the highest mean recorded reward, or -1 when that mean is shared.</summary>
    public int BestArm { get; }

    /// <summary>Number of records of <paramref name="arm"/>.</summary>
    public int Count(int arm) => _rewards[arm].Length;

    /// <summary>Reward of record <paramref name="index"/> of <paramref name="arm"/>.</summary>
    public double Reward(int arm, int index) => _rewards[arm][index];

    /// <summary>Consumption of record <paramref name="index"/> of <paramref name="arm"/>.</summary>
    public double Consumption(int arm, int index) => _consumption[arm][index];

    /// <summary>
    /// Builds the table from per-arm (reward, consumption) records. Throws <see cref="ArgumentException"/> with a
    /// one-line message when K &lt; 2, an arm has no record, the two lists of an arm differ in length, a reward is not
    /// finite, or a consumption is not finite and &gt;= 0.
    /// </summary>
    public static RecordedPulls Create(IReadOnlyList<IReadOnlyList<double>> rewards, IReadOnlyList<IReadOnlyList<double>> consumption)
    {
        ArgumentNullException.ThrowIfNull(rewards);
        ArgumentNullException.ThrowIfNull(consumption);
        if (rewards.Count < 2 || rewards.Count != consumption.Count)
        {
            throw new ArgumentException($"recorded pulls need K >= 2 arms with rewards and consumption each (got {rewards.Count} and {consumption.Count})");
        }

        var r = new double[rewards.Count][];
        var c = new double[rewards.Count][];
        for (int k = 0; k < rewards.Count; k++)
        {
            if (rewards[k].Count == 0 || rewards[k].Count != consumption[k].Count)
            {
                throw new ArgumentException($"arm {k}: {rewards[k].Count} rewards and {consumption[k].Count} consumptions (need the same number, >= 1)");
            }

            r[k] = rewards[k].ToArray();
            c[k] = consumption[k].ToArray();
            for (int i = 0; i < r[k].Length; i++)
            {
                if (!double.IsFinite(r[k][i]))
                {
                    throw new ArgumentException($"arm {k}, record {i}: reward {r[k][i]} is not finite");
                }

                if (!(c[k][i] >= 0) || double.IsInfinity(c[k][i]))
                {
                    throw new ArgumentException($"arm {k}, record {i}: consumption {c[k][i]} must be finite and >= 0");
                }
            }
        }

        return new RecordedPulls(r, c);
    }

    private static int UniqueArgMax(IReadOnlyList<double> values)
    {
        int best = 0;
        bool tied = false;
        for (int k = 1; k < values.Count; k++)
        {
            if (values[k] > values[best])
            {
                best = k;
                tied = false;
            }
            else if (values[k] == values[best])
            {
                tied = true;
            }
        }

        return tied ? -1 : best;
    }
}
