using Almab.Algorithms.Randomness;
using Almab.Experiments.Papers.Bai.RealWorld;

namespace Almab.Experiments.Tests.Papers.Bai.RealWorld;

public sealed class ArmCatalogTests
{
    [Fact]
    public void There_are_eight_configurations_of_each_of_four_classifiers_with_distinct_comma_free_names()
    {
        var arms = ArmCatalog.All;
        Assert.Equal(32, arms.Count);
        Assert.Equal(32, arms.Select(a => a.Name).Distinct().Count());
        Assert.All(arms, a => Assert.DoesNotContain(",", a.Name, StringComparison.Ordinal));
        Assert.Equal(["boosting", "forest", "knn", "logistic"], arms.GroupBy(a => a.Classifier).Select(g => g.Key).Order());
        Assert.All(arms.GroupBy(a => a.Classifier), g => Assert.Equal(8, g.Count()));
        Assert.Contains("unknown arm", Assert.Throws<InvalidDataException>(() => ArmCatalog.Find("svm/x")).Message);
    }

    [Theory]
    [InlineData("logistic/l2;C=1;minmax", 0.9)]
    [InlineData("forest/trees=10;split-features=all", 0.8)]
    [InlineData("boosting/trees=20;rate=0.1", 0.75)]
    [InlineData("knn/k=5", 0.9)]
    public void Each_classifier_family_learns_the_digits_and_returns_one_probability_per_class(string arm, double minimumAccuracy)
    {
        var digits = CsvDataReader.Read(Path.Combine(AppContext.BaseDirectory, "data", "digits.csv.gz"), "digits");
        // A 600-row sample keeps the test quick; the accuracy floors are far below what these models reach on digits.
        var (rest, sample) = TrainTestSplit.Split(digits, 600.0 / digits.Rows, new Seed(3));
        var (train, test) = TrainTestSplit.Split(sample, 0.3, new Seed(4));
        var p = ArmCatalog.Find(arm).FitPredict(train, test, 11);
        Assert.Equal(test.Rows * 10, p.Length);
        Assert.All(p, v => Assert.True(v >= 0 && double.IsFinite(v)));
        Assert.InRange(Tabulator.Accuracy(p, test), minimumAccuracy, 1.0);
        // Score slot c is class c for every class, the first and the last included (no key offset lost or added).
        foreach (int c in new[] { 0, 9 })
        {
            var rows = Enumerable.Range(0, test.Rows).Where(i => test.Labels[i] == c).ToList();
            int right = rows.Count(i => Enumerable.Range(0, 10).MaxBy(j => p[i * 10 + j]) == c);
            Assert.True(right >= 0.6 * rows.Count, $"{arm}: class {c}: {right} of {rows.Count} right");
        }

        double loss = CrossEntropy.Mean(p, test.Labels, test.Classes);
        Assert.InRange(loss, 0.0, Math.Log(10) * 3);
        Assert.True(rest.Rows > 0);
    }

    [Fact]
    public void A_pull_is_reproducible_for_the_same_seed()
    {
        var data = MadelonGenerator.Generate(new Seed(8), rows: 200, informative: 3, redundant: 2, probes: 5);
        var (train, test) = TrainTestSplit.Split(data, 0.3, new Seed(1));
        var arm = ArmCatalog.Find("forest/trees=10;split-features=half");
        Assert.Equal(arm.FitPredict(train, test, 5), arm.FitPredict(train, test, 5));
        var pull = Tabulator.Pull("m", arm, 0, train, test, 5);
        Assert.Equal(CrossEntropy.Mean(arm.FitPredict(train, test, 5), test.Labels, 2), pull.Loss, 12);
        Assert.True(pull.WallSeconds > 0);
    }
}
