using System.IO.Compression;
using Almab.Algorithms.Randomness;
using Almab.Experiments.Papers.Bai.RealWorld;

namespace Almab.Experiments.Tests.Papers.Bai.RealWorld;

public sealed class DataReaderTests
{
    private const string Arff = """
        % a comment
        @relation 'tiny set'
        @attribute a1 numeric
        @attribute 'second one' real
        @attribute a3 integer
        @attribute class {b,'g'}
        @data
        1,0.5,-2,g
        % comment in data
        0,1e-1,3,b

        2,-0.25,1,'g'
        """;

    [Fact]
    public void Arff_numeric_attributes_and_a_last_nominal_class_are_read()
    {
        var d = ArffReader.Parse(new StringReader(Arff), "tiny", "tiny.arff");
        Assert.Equal(3, d.Rows);
        Assert.Equal(3, d.Columns);
        Assert.Equal(["b", "g"], d.ClassNames);
        Assert.Equal([1, 0, 1], d.Labels);
        Assert.Equal([1f, 0.5f, -2f, 0f, 0.1f, 3f, 2f, -0.25f, 1f], d.Features);
    }

    [Theory]
    [InlineData("1,?,3,g", "missing value")]
    [InlineData("1,x,3,g", "'x' is not a finite number")]
    [InlineData("1,2,g", "3 values, expected 4")]
    [InlineData("1,2,3,q", "class 'q' is not one of")]
    [InlineData("{0 1, 3 g}", "sparse")]
    public void Bad_arff_rows_name_the_file_and_line(string row, string message)
    {
        string text = Arff.Replace("0,1e-1,3,b", row, StringComparison.Ordinal);
        var e = Assert.Throws<InvalidDataException>(() => ArffReader.Parse(new StringReader(text), "tiny", "tiny.arff"));
        Assert.Contains("tiny.arff line 10", e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Arff_with_a_string_attribute_or_no_data_is_refused()
    {
        Assert.Contains("not supported", Assert.Throws<InvalidDataException>(() =>
            ArffReader.Parse(new StringReader(Arff.Replace("a3 integer", "a3 string", StringComparison.Ordinal)), "t", "t.arff")).Message);
        Assert.Contains("no @data", Assert.Throws<InvalidDataException>(() =>
            ArffReader.Parse(new StringReader("@relation r\n@attribute a numeric\n@attribute c {x,y}\n"), "t", "t.arff")).Message);
    }

    [Fact]
    public void The_shipped_ionosphere_and_digits_files_have_their_documented_shapes()
    {
        string data = Path.Combine(AppContext.BaseDirectory, "data");
        var ionosphere = ArffReader.Read(Path.Combine(data, "ionosphere.arff.gz"), "ionosphere");
        Assert.Equal((351, 34, 2), (ionosphere.Rows, ionosphere.Columns, ionosphere.Classes));
        Assert.Equal(126, ionosphere.Labels.Count(l => ionosphere.ClassNames[l] == "b")); // UCI: 126 bad, 225 good
        var digits = CsvDataReader.Read(Path.Combine(data, "digits.csv.gz"), "digits");
        Assert.Equal((1797, 64, 10), (digits.Rows, digits.Columns, digits.Classes));
        Assert.Equal(178, digits.Labels.Count(l => l == 0)); // scikit-learn's digits: 178 zeros
        Assert.True(digits.Features.All(v => v is >= 0 and <= 16));
    }

    [Fact]
    public void Csv_reader_reads_gzip_and_names_bad_lines()
    {
        var d = CsvDataReader.Parse(new StringReader("1,2,0\n3,4,1\n\n5,6,2\n"), "t", "t.csv");
        Assert.Equal((3, 2, 3), (d.Rows, d.Columns, d.Classes));
        Assert.Equal([0, 1, 2], d.Labels);
        Assert.Contains("t.csv line 2: 2 fields, expected 3", Assert.Throws<InvalidDataException>(() => CsvDataReader.Parse(new StringReader("1,2,0\n3,1\n"), "t", "t.csv")).Message);
        Assert.Contains("label '0.5'", Assert.Throws<InvalidDataException>(() => CsvDataReader.Parse(new StringReader("1,2,0\n3,4,0.5\n"), "t", "t.csv")).Message);
        Assert.Contains("'nan' is not a finite number", Assert.Throws<InvalidDataException>(() => CsvDataReader.Parse(new StringReader("1,2,0\nnan,4,1\n"), "t", "t.csv")).Message);

        string path = Path.Combine(Path.GetTempPath(), "almab-csv-" + Guid.NewGuid().ToString("N") + ".csv.gz");
        try
        {
            using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
            using (var w = new StreamWriter(gz))
            {
                w.Write("1,2,0\n3,4,1\n");
            }

            Assert.Equal(2, CsvDataReader.Read(path, "t").Rows);
            File.WriteAllText(path, "not gzip at all");
            Assert.StartsWith(path, Assert.Throws<InvalidDataException>(() => CsvDataReader.Read(path, "t")).Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Madelon_style_generation_is_deterministic_balanced_and_informative_features_separate_the_classes()
    {
        var a = MadelonGenerator.Generate(new Seed(2003));
        var b = MadelonGenerator.Generate(new Seed(2003));
        var c = MadelonGenerator.Generate(new Seed(2004));
        Assert.Equal(a.Features, b.Features);
        Assert.Equal(a.Labels, b.Labels);
        Assert.NotEqual(a.Features, c.Features);
        Assert.Equal((1000, 100, 2), (a.Rows, a.Columns, a.Classes));
        // 16 of 32 clusters per class, 1 % of labels redrawn: the classes stay near 500 each.
        Assert.InRange(a.Labels.Count(l => l == 1), 470, 530);
        var e = Assert.Throws<ArgumentException>(() => MadelonGenerator.Generate(new Seed(1), rows: 10));
        Assert.Contains("rows >= 2^informative", e.Message);
    }

    [Fact]
    public void The_split_has_ceil_30_percent_test_rows_and_depends_only_on_its_seed()
    {
        var d = MadelonGenerator.Generate(new Seed(1), rows: 101, informative: 2, redundant: 1, probes: 1);
        var (train, test) = TrainTestSplit.Split(d, 0.3, new Seed(9));
        Assert.Equal((70, 31), (train.Rows, test.Rows)); // ceil(0.3 · 101) = 31
        var (train2, test2) = TrainTestSplit.Split(d, 0.3, new Seed(9));
        Assert.Equal(test.Features, test2.Features);
        Assert.Equal(train.Labels, train2.Labels);
        // Together the two parts hold every row once: the multiset of first features is preserved.
        var all = Enumerable.Range(0, d.Rows).Select(r => d.Features[r * d.Columns]).Order();
        var parts = Enumerable.Range(0, 70).Select(r => train.Features[r * d.Columns]).Concat(Enumerable.Range(0, 31).Select(r => test.Features[r * d.Columns])).Order();
        Assert.Equal(all, parts);
    }
}
