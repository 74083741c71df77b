using Almab.Algorithms.Randomness;
using Almab.Experiments.Papers.AlmabDc.Cases;
using Almab.Experiments.Papers.AlmabDc.Methods;
using Almab.Experiments.Papers.AlmabDc.Scaling;

namespace Almab.Experiments.Tests.Papers.AlmabDc.Scaling;

/// <summary>Section 2.6's speed-up against the task-time CV (the figure of issue 17).</summary>
public sealed class TaskTimeSpeedupStudyTests
{
    [Fact]
    public void DeterministicTaskTimesGiveTheClosedFormAndSpreadLowersTheSpeedup()
    {
        // CV 0: 151 synchronous decisions of alpha K (0.0025 K s) around 150 one-second rounds: 4 x 150.3775 / 151.51.
        var definition = CaseLoader.Load(CaseCatalog.Default.Resolve("illustrative-gaussian-mixture"),
            MethodRegistry.Default.All.Select(m => m.Id).ToHashSet(StringComparer.Ordinal));
        var points = TaskTimeSpeedupStudy.Run(definition, [0.0, 0.5], 2, new Seed(3));
        Assert.Equal(4 * 150.3775 / 151.51, points[0].Speedup, 9);
        Assert.True(points[1].Speedup < points[0].Speedup - 1, $"CV 0.5 gave {points[1].Speedup}");
    }

    [Fact]
    public void TheCrossingIsInterpolatedBetweenTheBracketingPoints()
    {
        (double, double)[] points = [(0.0, 3.97), (0.02, 3.89), (0.05, 3.77)];
        Assert.Equal(0.0175, TaskTimeSpeedupStudy.CvWhereSpeedupFallsTo(points, 3.90), 12);
        Assert.True(double.IsNaN(TaskTimeSpeedupStudy.CvWhereSpeedupFallsTo(points, 3.99)));
        Assert.Equal(0.05, TaskTimeSpeedupStudy.CvWhereSpeedupFallsTo(points, 3.0));
    }
}
