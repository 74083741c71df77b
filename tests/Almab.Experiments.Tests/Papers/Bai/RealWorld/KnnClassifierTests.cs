using System.Text.Json;
using Almab.Algorithms.Randomness;
using Almab.Experiments.Papers.Bai.RealWorld;

namespace Almab.Experiments.Tests.Papers.Bai.RealWorld;

public sealed class KnnClassifierTests
{
    private static JsonElement Reference() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Bai", "realworld_reference.json"))).RootElement;

    private static LabeledData Data(float[] x, int[] y, int columns, int classes) =>
        new("t", x, y, columns, Enumerable.Range(0, classes).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());

    [Fact]
    public void Probabilities_match_scikit_learn_brute_force_KNeighborsClassifier()
    {
        foreach (var c in Reference().GetProperty("knn").EnumerateArray())
        {
            int k = c.GetProperty("k").GetInt32(), classes = c.GetProperty("classes").GetInt32(), d = c.GetProperty("columns").GetInt32();
            var x = c.GetProperty("train").EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();
            var y = c.GetProperty("labels").EnumerateArray().Select(v => v.GetInt32()).ToArray();
            var q = c.GetProperty("test").EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();
            var yq = c.GetProperty("testLabels").EnumerateArray().Select(v => v.GetInt32()).ToArray();
            var expected = c.GetProperty("probabilities").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            var p = new KnnClassifier(k).FitPredict(Data(x, y, d, classes), Data(q, yq, d, classes), 0);
            Assert.Equal(expected.Length, p.Length);
            for (int i = 0; i < p.Length; i++)
            {
                Assert.Equal(expected[i], p[i], 12);
            }

            Assert.Equal(c.GetProperty("logLoss").GetDouble(), CrossEntropy.Mean(p, yq, classes), 9);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(9)]
    [InlineData(50)]
    public void Neighbours_are_the_k_smallest_distances_with_ties_to_the_lower_row_as_a_full_sort_gives(int k)
    {
        // Integer coordinates in 0..3 make many distance ties, so the tie rule is exercised.
        var rng = new Rng(new Seed(41).Derive(k));
        int n = 40, m = 15, d = 3, classes = 3;
        var x = Enumerable.Range(0, n * d).Select(_ => (float)rng.Next(4)).ToArray();
        var y = Enumerable.Range(0, n).Select(i => i % classes).ToArray();
        var q = Enumerable.Range(0, m * d).Select(_ => (float)rng.Next(4)).ToArray();
        var yq = new int[m];
        var p = new KnnClassifier(k).FitPredict(Data(x, y, d, classes), Data(q, yq, d, classes), 0);
        int kk = Math.Min(k, n);
        for (int t = 0; t < m; t++)
        {
            var nearest = Enumerable.Range(0, n)
                .Select(i => (i, dist: Enumerable.Range(0, d).Sum(j => Math.Pow(x[i * d + j] - q[t * d + j], 2))))
                .OrderBy(z => z.dist).ThenBy(z => z.i).Take(kk).ToList();
            for (int c = 0; c < classes; c++)
            {
                Assert.Equal(nearest.Count(z => y[z.i] == c) / (double)kk, p[t * classes + c], 12);
            }
        }
    }

    [Fact]
    public void A_well_separated_problem_is_classified_correctly()
    {
        // Two clusters far apart: every test point's neighbours are all of its own cluster.
        var rng = new Rng(new Seed(5));
        var x = new List<float>();
        var y = new List<int>();
        for (int i = 0; i < 40; i++)
        {
            int c = i % 2;
            x.Add(c * 100 + (float)rng.NextDouble());
            x.Add((float)rng.NextDouble());
            y.Add(c);
        }

        var train = Data(x.ToArray(), y.ToArray(), 2, 2);
        var test = Data([0.5f, 0.5f, 100.5f, 0.5f], [0, 1], 2, 2);
        var p = new KnnClassifier(15).FitPredict(train, test, 0);
        Assert.Equal([1.0, 0.0, 0.0, 1.0], p.Select(v => Math.Round(v, 12)).ToArray());
    }
}
