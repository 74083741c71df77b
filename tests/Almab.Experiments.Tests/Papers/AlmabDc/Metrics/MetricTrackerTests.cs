using System.Text.Json;
using Almab.Algorithms.Objectives;
using Almab.Algorithms.Objectives.Cases;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;
using Almab.Experiments.Papers.AlmabDc.Metrics;

namespace Almab.Experiments.Tests.Papers.AlmabDc.Metrics;

public sealed class MetricTrackerTests
{
    private static readonly JsonElement Reference = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Metrics", "metric_reference.json"))).RootElement;

    [Fact]
    public void Ipv_matches_scikit_learn_after_each_observation()
    {
        var objective = new SpatialFieldObjective(new Seed(3));
        var tracker = new IpvTracker(objective);
        Assert.Equal(1.0, tracker.Initial, 1e-12);
        var indices = Reference.GetProperty("ipv").GetProperty("indices").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var expected = Reference.GetProperty("ipv").GetProperty("values").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        for (int t = 0; t < indices.Length; t++)
        {
            var x = new Configuration(objective.Points[indices[t]]);
            Assert.Equal(indices[t], objective.IndexOf(x));
            double ipv = tracker.Observe(x, new Observation(0.123 * t));
            Assert.Equal(expected[t], ipv, expected[t] * 1e-9);
        }
    }

    [Fact]
    public void Dose_recommender_posterior_matches_scikit_learn_and_regret_follows()
    {
        var objective = new DoseResponseObjective(DoseObservationModel.BernoulliUtility);
        var tracker = new SimpleRegretTracker(objective, 1.5, 0.9, 0.18);
        var dose = Reference.GetProperty("dose");
        var indices = dose.GetProperty("indices").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var utilities = dose.GetProperty("utilities").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var mean = dose.GetProperty("posteriorMean").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        double regret = double.NaN;
        for (int t = 0; t < indices.Length; t++)
        {
            regret = tracker.Observe(new Configuration([indices[t] * 0.25]), new Observation(-utilities[t]));
        }

        int argmax = Array.IndexOf(mean, mean.Max());
        Assert.Equal(argmax * 0.25, tracker.Recommendation);
        Assert.Equal(objective.BestUtility - objective.Utility(argmax * 0.25), regret, 1e-15);
    }

    [Fact]
    public void Cumulative_regret_counts_an_averaged_decision_once()
    {
        var tracker = new CumulativeRegretTracker(optimalValue: -1.0, pullsPerDecision: 4);
        double r = 0;
        for (int i = 0; i < 4; i++)
        {
            r = tracker.Observe(new Configuration([0.0]), new Observation(0, TrueValue: -0.75));
        }

        Assert.Equal(0.25, r, 1e-15);
    }

    [Fact]
    public void Best_value_uses_true_values_in_the_natural_direction()
    {
        var max = new BestValueTracker(maximize: true);
        max.Observe(new Configuration([0.0]), new Observation(-0.99, TrueValue: -0.90));
        Assert.Equal(0.93, max.Observe(new Configuration([0.0]), new Observation(-0.80, TrueValue: -0.93)), 1e-15);
        var min = new BestValueTracker(maximize: false);
        min.Observe(new Configuration([0.0]), new Observation(0.05, TrueValue: 0.07));
        Assert.Equal(0.07, min.Observe(new Configuration([0.0]), new Observation(0.01, TrueValue: 0.08)), 1e-15);
    }

    [Fact]
    public void Reset_dose_tracker_equals_a_new_one()
    {
        var rng = new Rng(17UL);
        var reused = new SimpleRegretTracker(new DoseResponseObjective(DoseObservationModel.BernoulliUtility), 1.5, 0.9, 0.18);
        for (int replicate = 0; replicate < 3; replicate++)
        {
            var objective = new DoseResponseObjective(DoseObservationModel.BernoulliUtility);
            Assert.True(reused.TryReset(objective, 1.5, 0.9, 0.18, Almab.Experiments.Papers.AlmabDc.Cases.RecommendationRule.PosteriorMean));
            var fresh = new SimpleRegretTracker(objective, 1.5, 0.9, 0.18);
            for (int t = 0; t < 20 + 10 * replicate; t++)
            {
                var x = new Configuration([0.25 * rng.Next(33)]);
                var o = objective.Evaluate(x, 1.0, rng);
                Assert.Equal(fresh.Observe(x, o), reused.Observe(x, o));
                Assert.Equal(fresh.Recommendation, reused.Recommendation);
            }
        }

        Assert.False(reused.TryReset(new DoseResponseObjective(DoseObservationModel.BernoulliUtility), 1.0, 0.9, 0.18,
            Almab.Experiments.Papers.AlmabDc.Cases.RecommendationRule.PosteriorMean));
    }
}
