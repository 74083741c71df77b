using Almab.Experiments.Papers.Bai;
using Almab.Experiments.Tests.Verbs;
using Microsoft.Data.Sqlite;

namespace Almab.Experiments.Tests.Papers.Bai;

public sealed class BaiVerbTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "almab-bai-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private string Out(string name) => Path.Combine(_dir, name);

    private static string Rows(string db)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT agent, instance, env, resources, trial, seed, permutation_seed, answer, pulls, consumption_1, consumption_2, success FROM trials ORDER BY 1, 2, 3, 4, 5";
        using var r = cmd.ExecuteReader();
        var sb = new System.Text.StringBuilder();
        while (r.Read())
        {
            for (int i = 0; i < r.FieldCount; i++)
            {
                sb.Append(r.IsDBNull(i) ? "null" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append(',');
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }

    [Fact]
    public void A_small_grid_stores_one_row_per_trial_writes_reports_and_is_identical_at_any_thread_count()
    {
        var one = CliRunner.Run("bai", "--trials", "3", "--instances", "trap/HL,one-competitor", "--agents", "sh-rr,ucb", "--threads", "1", "--out", Out("a"));
        Assert.True(one.Exit == 0, one.Err + one.Out);
        var two = CliRunner.Run("bai", "--trials", "3", "--instances", "trap/HL,one-competitor", "--agents", "sh-rr,ucb", "--threads", "2", "--out", Out("b"));
        Assert.Equal(0, two.Exit);
        string rows = Rows(Path.Combine(Out("a"), "bai.db"));
        // (trap/HL at L = 1, 2) + (one-competitor HL, HH at L = 1; HL, HH, Mixture at L = 2) = 7 instances x 3 models x 2 agents x 3 trials.
        Assert.Equal(7 * 3 * 2 * 3, rows.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(rows, Rows(Path.Combine(Out("b"), "bai.db")));
        Assert.True(File.Exists(Path.Combine(Out("a"), "summary.md")));
        Assert.Contains("## shrr-best-hl", File.ReadAllText(Path.Combine(Out("a"), "claims.md")));
        Assert.Contains("one-competitor/HL", File.ReadAllText(Path.Combine(Out("a"), "summary.csv")));
        Assert.True(new FileInfo(Path.Combine(Out("a"), "figure2.png")).Length > 1000);
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(Out("a"), "figure2.svg")));
    }

    [Fact]
    public void Rerunning_without_resume_refuses_and_keeps_the_results_resume_runs_only_the_missing_cells()
    {
        Assert.Equal(0, CliRunner.Run("bai", "--trials", "2", "--instances", "trap/HL", "--agents", "uniform", "--out", Out("r")).Exit);
        string db = Path.Combine(Out("r"), "bai.db");
        string before = Rows(db);
        var again = CliRunner.Run("bai", "--trials", "2", "--instances", "trap/HL", "--agents", "uniform", "--out", Out("r"));
        Assert.Equal(2, again.Exit);
        Assert.StartsWith("almab: error: ", again.Err);
        Assert.Contains("--resume", again.Err);
        Assert.Equal(before, Rows(db));
        var resumed = CliRunner.Run("bai", "--trials", "2", "--instances", "trap/HL", "--agents", "uniform,dsh", "--out", Out("r"), "--resume");
        Assert.Equal(0, resumed.Exit);
        Assert.Contains("(6 to run)", resumed.Out);
        Assert.StartsWith(before, Rows(db).Replace(string.Concat(Rows(db).Split('\n').Where(l => l.StartsWith("dsh", StringComparison.Ordinal)).Select(l => l + "\n")), "", StringComparison.Ordinal));
        var mismatch = CliRunner.Run("bai", "--trials", "5", "--instances", "trap/HL", "--agents", "uniform", "--out", Out("r"), "--resume");
        Assert.Equal(2, mismatch.Exit);
    }

    [Theory]
    [InlineData("--agents", "sh-rr,bogus", "unknown agent 'bogus'")]
    [InlineData("--instances", "zigzag", "unknown instance family 'zigzag'")]
    [InlineData("--instances", "trap/LL", "unknown consumption matching 'LL'")]
    [InlineData("--trials", "0", "--trials: must be >= 1")]
    [InlineData("--shard", "3/2", "--shard must be i/N")]
    public void Bad_options_are_one_line_usage_errors(string option, string value, string message)
    {
        var r = CliRunner.Run("bai", option, value, "--out", Out("x"));
        Assert.Equal(2, r.Exit);
        Assert.StartsWith("almab: error: ", r.Err);
        Assert.Contains(message, r.Err);
        Assert.Single(r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("\"arms\": 256", "\"arms\": 1", "K must be >= 2")]
    [InlineData("\"budget\": 1500", "\"budget\": 0", "budget C[0] must be finite and > 0")]
    [InlineData("\"highConsumption\": 0.9", "\"highConsumption\": 1.5", "must be in [0, 1]")]
    [InlineData("\"families\": [\"one-suboptimal\"", "\"families\": [\"spiral\"", "unknown instance family 'spiral'")]
    public void Bad_case_files_are_one_line_usage_errors(string from, string to, string message)
    {
        Directory.CreateDirectory(_dir);
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "cases", "bai-synthetic.json")).Replace(from, to, StringComparison.Ordinal);
        string path = Out("case.json");
        File.WriteAllText(path, text);
        var r = CliRunner.Run("bai", "--case", path, "--out", Out("y"), "--trials", "1");
        Assert.Equal(2, r.Exit);
        Assert.Contains(message, r.Err);
        Assert.Single(r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_foreign_file_named_bai_db_is_refused_and_left_untouched()
    {
        Directory.CreateDirectory(Out("f"));
        string db = Path.Combine(Out("f"), "bai.db");
        File.WriteAllText(db, "not a database");
        var r = CliRunner.Run("bai", "--trials", "1", "--instances", "trap/HL", "--agents", "uniform", "--out", Out("f"));
        Assert.Equal(2, r.Exit);
        Assert.Contains("not an Almab BAI results database", r.Err);
        Assert.Equal("not a database", File.ReadAllText(db));
    }

    [Fact]
    public void Figure1_writes_both_consumption_models_at_every_d_with_a_verdict()
    {
        var r = CliRunner.Run("bai", "figure1", "--trials", "5", "--out", Out("f1"));
        Assert.True(r.Exit == 0, r.Err);
        var lines = File.ReadAllLines(Path.Combine(Out("f1"), "figure1.csv"));
        Assert.Equal(1 + 2 * BaiFigure1.Consumptions.Length, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Contains(",50,", l));
        Assert.Contains("Verdict:", File.ReadAllText(Path.Combine(Out("f1"), "figure1.md")));
        Assert.True(new FileInfo(Path.Combine(Out("f1"), "figure1.png")).Length > 1000);
        Assert.True(File.Exists(Path.Combine(Out("f1"), "figure1.svg")));
    }

    [Fact]
    public void Shards_merge_into_the_store_of_an_unsharded_run()
    {
        string[] common = ["bai", "--trials", "2", "--instances", "trap/HL", "--agents", "uniform,dsh"];
        Assert.Equal(0, CliRunner.Run([.. common, "--out", Out("whole")]).Exit);
        Assert.Equal(0, CliRunner.Run([.. common, "--shard", "1/2", "--out", Out("s1")]).Exit);
        Assert.Equal(0, CliRunner.Run([.. common, "--shard", "2/2", "--out", Out("s2")]).Exit);
        string s1 = Path.Combine(Out("s1"), "bai.db"), s2 = Path.Combine(Out("s2"), "bai.db");
        var merged = CliRunner.Run("bai", "--merge", $"{s1},{s2}", "--out", Out("m"));
        Assert.True(merged.Exit == 0, merged.Err);
        Assert.Equal(Rows(Path.Combine(Out("whole"), "bai.db")), Rows(Path.Combine(Out("m"), "bai.db")));
        var again = CliRunner.Run("bai", "--merge", s1, "--out", Out("m"));
        Assert.Equal(2, again.Exit);
        Assert.Contains("is in both", again.Err);
        Assert.Equal(Rows(Path.Combine(Out("whole"), "bai.db")), Rows(Path.Combine(Out("m"), "bai.db")));
    }

    [Fact]
    public void Agent_registry_knows_the_six_agents()
    {
        Assert.Equal(["sh-rr", "uniform", "ucb", "at-lucb", "dsh", "ra-ucb"], BaiAgents.Names);
        foreach (var name in BaiAgents.Names)
        {
            Assert.Equal(name, BaiAgents.Create(name).Name);
        }
    }
}
