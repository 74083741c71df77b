using Almab.Algorithms.BestArm.Replay;

namespace Almab.Experiments.Papers.Bai.RealWorld;

/// <summary>
/// One data set's arms as read from the pull table: names in the table's order and the <see cref="RecordedPulls"/>
/// the agents replay (reward = −loss, consumption = the chosen clock's seconds), with per-arm summaries for the report.
/// </summary>
public sealed class RealWorldArms
{
    private RealWorldArms(string dataset, string clock, IReadOnlyList<string> names, RecordedPulls pulls, IReadOnlyList<double> accuracy)
    {
        Dataset = dataset;
        Clock = clock;
        Names = names;
        Pulls = pulls;
        MeanAccuracy = accuracy;
    }

    /// <summary>Data set name.</summary>
    public string Dataset { get; }

    /// <summary>The clock whose seconds are the consumption (cpu or wall).</summary>
    public string Clock { get; }

    /// <summary>Arm names, index = arm.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The replay table.</summary>
    public RecordedPulls Pulls { get; }

    /// <summary>Mean test accuracy of each arm.</summary>
    public IReadOnlyList<double> MeanAccuracy { get; }

    /// <summary>
    /// The arms of <paramref name="dataset"/> in <paramref name="records"/>; a data set absent from the table, fewer than
    /// two arms, a duplicated (arm, pull) or a tie for the lowest mean loss raise <see cref="InvalidDataException"/>.
    /// </summary>
    public static RealWorldArms From(IReadOnlyList<PullRecord> records, string dataset, string clock, string source)
    {
        ArgumentNullException.ThrowIfNull(records);
        var mine = records.Where(r => r.Dataset == dataset).ToList();
        if (mine.Count == 0)
        {
            throw new InvalidDataException($"{source} has no pulls of data set '{dataset}' (it has: {string.Join(", ", records.Select(r => r.Dataset).Distinct())})");
        }

        var names = mine.Select(r => r.Arm).Distinct().ToList();
        var rewards = new List<IReadOnlyList<double>>();
        var seconds = new List<IReadOnlyList<double>>();
        var accuracy = new List<double>();
        foreach (string arm in names)
        {
            var pulls = mine.Where(r => r.Arm == arm).ToList();
            if (pulls.Select(r => r.Pull).Distinct().Count() != pulls.Count)
            {
                throw new InvalidDataException($"{source}: data set '{dataset}', arm '{arm}' has a pull index twice");
            }

            rewards.Add(pulls.Select(r => -r.Loss).ToArray());
            seconds.Add(pulls.Select(r => clock == "wall" ? r.WallSeconds : r.CpuSeconds).ToArray());
            accuracy.Add(pulls.Average(r => r.Accuracy));
        }

        RecordedPulls table;
        try
        {
            table = RecordedPulls.Create(rewards, seconds);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{source}: data set '{dataset}': {e.Message}", e);
        }

        if (table.BestArm < 0)
        {
            throw new InvalidDataException($"{source}: data set '{dataset}': the lowest mean loss is shared by two arms, so there is no unique best arm");
        }

        return new RealWorldArms(dataset, clock, names, table, accuracy);
    }
}
