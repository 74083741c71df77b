using System.IO.Compression;
using Almab.Experiments.Papers.Bai.RealWorld;
using Almab.Experiments.Tests.Verbs;
using Microsoft.Data.Sqlite;

namespace Almab.Experiments.Tests.Papers.Bai.RealWorld;

public sealed class PullTableTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "almab-rw-" + Guid.NewGuid().ToString("N"));

    public PullTableTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private string P(string name) => Path.Combine(_dir, name);

    private static List<PullRecord> Records() =>
        Enumerable.Range(0, 3).SelectMany(k => Enumerable.Range(0, 4).Select(i =>
            new PullRecord("ionosphere", $"arm{k};x=1", i, 0.2 * (k + 1) + 0.01 * i, 0.8, 0.5 + 0.1 * i, 0.4 + 0.1 * k))).ToList();

    private static void WriteGz(string path, string text)
    {
        using var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        using var w = new StreamWriter(gz);
        w.Write(text);
    }

    [Fact]
    public void A_written_table_reads_back_exactly()
    {
        PullTable.Write(P("t.csv.gz"), Records(), ["a note", "second"]);
        Assert.Equal(Records(), PullTable.Read(P("t.csv.gz")));
        Assert.False(File.Exists(P("t.csv.gz.tmp")));
    }

    [Fact]
    public void Names_with_commas_are_refused_when_writing()
    {
        Assert.Throws<ArgumentException>(() => PullTable.Write(P("c.csv.gz"), [new PullRecord("d", "a,b", 0, 1, 1, 1, 1)], []));
    }

    [Theory]
    [InlineData("hello\n", "not an Almab pull table")]
    [InlineData("# almab-bai-pulls-1\nwrong,header\n", "header 'wrong,header'")]
    [InlineData("# almab-bai-pulls-1\ndataset,arm,pull,loss,accuracy,wall_seconds,cpu_seconds\n", "no pull records")]
    [InlineData("# almab-bai-pulls-1\ndataset,arm,pull,loss,accuracy,wall_seconds,cpu_seconds\nd,a,0,NaN,1,1,1\n", "loss 'NaN' is not a finite number")]
    [InlineData("# almab-bai-pulls-1\ndataset,arm,pull,loss,accuracy,wall_seconds,cpu_seconds\nd,a,0,1,1,1\n", "line 3: 6 fields")]
    [InlineData("# almab-bai-pulls-1\ndataset,arm,pull,loss,accuracy,wall_seconds,cpu_seconds\nd,a,0,1,1.5,1,1\n", "accuracy 1.5 is above 1")]
    [InlineData("# almab-bai-pulls-1\ndataset,arm,pull,loss,accuracy,wall_seconds,cpu_seconds\nd,a,-1,1,1,1,1\n", "pull '-1'")]
    public void Corrupt_tables_raise_one_message_naming_the_file(string text, string message)
    {
        WriteGz(P("bad.csv.gz"), text);
        var e = Assert.Throws<InvalidDataException>(() => PullTable.Read(P("bad.csv.gz")));
        Assert.Contains(P("bad.csv.gz"), e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_file_that_is_not_gzip_is_refused()
    {
        File.WriteAllText(P("plain.csv.gz"), "# almab-bai-pulls-1\n");
        Assert.Contains("not a readable Almab pull table", Assert.Throws<InvalidDataException>(() => PullTable.Read(P("plain.csv.gz"))).Message);
    }

    [Fact]
    public void The_realworld_verb_replays_a_table_stores_rows_and_repeats_byte_identically()
    {
        PullTable.Write(P("t.csv.gz"), Records(), []);
        var a = CliRunner.Run("bai", "realworld", "--table", P("t.csv.gz"), "--datasets", "ionosphere", "--trials", "7", "--out", P("a"));
        Assert.True(a.Exit == 0, a.Err + a.Out);
        var b = CliRunner.Run("bai", "realworld", "--table", P("t.csv.gz"), "--datasets", "ionosphere", "--trials", "7", "--out", P("b"));
        Assert.Equal(0, b.Exit);
        Assert.Equal(Rows(P("a")), Rows(P("b")));
        Assert.Equal(5 * 7, Rows(P("a")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        string report = File.ReadAllText(Path.Combine(P("a"), "realworld.md"));
        Assert.Contains("The data differ from the paper's", report);
        Assert.Contains("## shrr-best-realworld", report);
        Assert.Contains("**arm0;x=1** (best)", report);

        var again = CliRunner.Run("bai", "realworld", "--table", P("t.csv.gz"), "--datasets", "ionosphere", "--trials", "7", "--out", P("a"));
        Assert.Equal(2, again.Exit);
        Assert.Contains("--resume", again.Err);
        Assert.Equal(Rows(P("b")), Rows(P("a")));
    }

    [Fact]
    public void A_missing_or_corrupt_table_is_one_error_line_with_a_non_zero_exit_and_stored_results_survive()
    {
        PullTable.Write(P("t.csv.gz"), Records(), []);
        Assert.Equal(0, CliRunner.Run("bai", "realworld", "--table", P("t.csv.gz"), "--datasets", "ionosphere", "--trials", "3", "--out", P("s")).Exit);
        string before = Rows(P("s"));

        var missing = CliRunner.Run("bai", "realworld", "--table", P("none.csv.gz"), "--out", P("s"), "--resume");
        Assert.Equal(2, missing.Exit);
        Assert.StartsWith("almab: error: pull table not found", missing.Err);
        Assert.Single(missing.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        WriteGz(P("corrupt.csv.gz"), "# almab-bai-pulls-1\ndataset,arm,pull,loss,accuracy,wall_seconds,cpu_seconds\nionosphere,a,0,x,1,1,1\n");
        var corrupt = CliRunner.Run("bai", "realworld", "--table", P("corrupt.csv.gz"), "--out", P("s"), "--resume");
        Assert.Equal(2, corrupt.Exit);
        Assert.StartsWith("almab: error: ", corrupt.Err);
        Assert.Contains("loss 'x'", corrupt.Err);
        Assert.Single(corrupt.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(before, Rows(P("s")));

        var unknown = CliRunner.Run("bai", "realworld", "--table", P("t.csv.gz"), "--datasets", "nope", "--out", P("u"));
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("unknown data set 'nope'", unknown.Err);
    }

    [Fact]
    public void The_committed_table_holds_12_pulls_of_32_arms_on_each_data_set_and_replays()
    {
        var records = PullTable.Read(RealWorldCommands.DefaultTable);
        Assert.Equal(3 * 32 * 12, records.Count);
        Assert.Equal(["digits", "ionosphere", "madelon-style"], records.Select(r => r.Dataset).Distinct().Order());
        var digits = RealWorldArms.From(records, "digits", "cpu", "t");
        Assert.Equal("knn/k=15", digits.Names[digits.Pulls.BestArm]);
        var run = CliRunner.Run("bai", "realworld", "--datasets", "madelon-style", "--trials", "4", "--agents", "sh-rr,uniform", "--out", P("c"));
        Assert.True(run.Exit == 0, run.Err);
        Assert.Contains("madelon-style (paper: MADELON, Table 2)", run.Out);
    }

    private static string Rows(string dir)
    {
        using var c = new SqliteConnection($"Data Source={Path.Combine(dir, "realworld.db")};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT agent, instance, env, resources, trial, seed, permutation_seed, answer, pulls, consumption_1, success FROM trials ORDER BY 1, 2, 3, 4, 5";
        using var r = cmd.ExecuteReader();
        var sb = new System.Text.StringBuilder();
        while (r.Read())
        {
            for (int i = 0; i < r.FieldCount; i++)
            {
                sb.Append(Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append(',');
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }
}
