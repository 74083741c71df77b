using System.Globalization;
using Almab.Experiments.Tests.Runner;
using Almab.Experiments.Papers.AlmabDc.Verbs;
using Almab.Experiments.Papers.Ata;
using Almab.Experiments.Verbs;

using Almab.Experiments.Tests.Verbs;

using Almab.Experiments.Tests.Papers.Ata;

namespace Almab.Experiments.Tests.Papers.AlmabDc.Verbs;

public sealed class ScalingVerbTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("almab-scaling-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The CSV as rows of column name → field.</summary>
    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }

    private static double D(string field) => double.Parse(field, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(new[] { "--shape", "0" }, "--shape: the log-sd sigma of log-normal task times must be in (0, 1e150], got 0")]
    [InlineData(new[] { "--shape", "NaN" }, "--shape: the log-sd sigma of log-normal task times must be in (0, 1e150], got NaN")]
    [InlineData(new[] { "--shape", "1e200" }, "--shape: the log-sd sigma of log-normal task times must be in (0, 1e150], got 1E+200")]
    [InlineData(new[] { "--duration", "gamma", "--shape", "-1" }, "--shape: the gamma shape k must be in [1e-300, 1e300], got -1")]
    [InlineData(new[] { "--duration", "gamma", "--shape", "1e-310" }, "--shape: the gamma shape k must be in [1e-300, 1e300], got 1E-310")]
    [InlineData(new[] { "--duration", "pareto", "--shape", "1" }, "--shape: the Pareto tail index must be in (1, 1e300] (a finite mean needs > 1), got 1")]
    [InlineData(new[] { "--duration", "exponential", "--shape", "2" }, "--shape: does not apply to --duration exponential")]
    [InlineData(new[] { "--duration", "foo" }, "--duration: 'foo' is not one of deterministic, exponential, shifted-exponential, gamma, log-normal, pareto")]
    [InlineData(new[] { "--heterogeneity", "foo" }, "--heterogeneity: 'foo' is not one of homogeneous, sqrt, linear, two-tier, log-normal")]
    [InlineData(new[] { "--duration", "shifted-exponential", "--shift", "1" }, "--shift: the constant part a of a + Exp(1 - a) must be in [0, 1), got 1")]
    [InlineData(new[] { "--shift", "0.2" }, "--shift: does not apply to --duration log-normal")]
    [InlineData(new[] { "--dispatch", "foo" }, "--dispatch: 'foo' is not one of asynchronous, synchronous")]
    [InlineData(new[] { "--workers", "2,4" }, "--workers: '2,4' must start with 1 and increase")]
    [InlineData(new[] { "--workers", "1,0" }, "--workers: '0' is not an integer >= 1")]
    [InlineData(new[] { "--tasks", "0" }, "--tasks: must be an integer >= 1, got 0")]
    [InlineData(new[] { "--replicates", "1" }, "--replicates: must be an integer >= 2, got 1")]
    [InlineData(new[] { "--threads", "0" }, "--threads: must be an integer >= 1, got 0")]
    [InlineData(new[] { "--work", "0" }, "--work: must be a finite number > 0, got 0")]
    [InlineData(new[] { "--decision-seconds", "-1" }, "--decision-seconds: must be a finite number >= 0, got -1")]
    [InlineData(new[] { "--alpha", "NaN" }, "--alpha: must be a finite number >= 0, got NaN")]
    [InlineData(new[] { "--latency", "-0.5" }, "--latency: must be a finite number >= 0, got -0.5")]
    [InlineData(new[] { "--fit-overhead", "--workers", "1,2,4" }, "--fit-overhead: needs at least 4 K values in --workers, got 3")]
    [InlineData(new[] { "--rounds", "5" }, "--rounds: applies only with --allocation <uta|gta|ata|ata-empirical|ofta>")]
    [InlineData(new[] { "--allocation", "foo" }, "--allocation: 'foo' is not one of none, uta, gta, ata, ata-empirical, ofta")]
    [InlineData(new[] { "--allocation", "uta", "--rounds", "0" }, "--rounds: must be an integer >= 1, got 0")]
    [InlineData(new[] { "--allocation", "uta", "--rounds", "x" }, "--rounds")]
    [InlineData(new[] { "--allocation", "uta", "--dispatch", "synchronous" }, "--dispatch: 'synchronous' does not work with --allocation uta")]
    [InlineData(new[] { "--allocation", "ofta", "--decision-seconds", "0.1" }, "--decision-seconds: does not apply with --allocation ofta")]
    [InlineData(new[] { "--allocation", "gta", "--work", "2" }, "--work: does not apply with --allocation gta")]
    [InlineData(new[] { "--allocation", "ofta", "--fit-overhead" }, "--fit-overhead: does not apply with --allocation ofta")]
    [InlineData(new[] { "--allocation", "ata", "--ata-alpha", "0" }, "--ata-alpha: must be a finite number > 0, got 0")]
    [InlineData(new[] { "--allocation", "uta", "--ata-alpha", "3" }, "--ata-alpha: does not apply with --allocation uta")]
    [InlineData(new[] { "--allocation", "ata-empirical", "--ata-eta", "-1" }, "--ata-eta: must be a finite number >= 0, got -1")]
    [InlineData(new[] { "--allocation", "ata", "--ata-eta", "2" }, "--ata-eta: does not apply with --allocation ata")]
    public void Bad_values_give_one_line_naming_the_option_and_exit_2(string[] options, string message)
    {
        var (exit, output, err) = CliRunner.Run(["scaling", .. options, "--out", Path.Combine(_dir, "x.csv")]);
        Assert.Equal(2, exit);
        Assert.Contains(message, err, StringComparison.Ordinal);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Equal("", output);
        Assert.False(File.Exists(Path.Combine(_dir, "x.csv")));
    }

    [Fact]
    public void Help_documents_every_option_and_the_allocation_policies()
    {
        var (exit, output, _) = CliRunner.Run("scaling", "--help");
        Assert.Equal(0, exit);
        foreach (string option in new[]
        {
            "--workers", "--tasks", "--work", "--decision-seconds", "--duration", "--shape", "--shift", "--heterogeneity", "--alpha", "--beta",
            "--latency", "--dispatch", "--replicates", "--fit-overhead", "--allocation", "--rounds", "--ata-alpha", "--ata-eta", "--seed", "--threads", "--out",
        })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }

        Assert.Contains("uta, gta, ata, ata-empirical, ofta", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Fixed_workload_on_deterministic_workers_scales_linearly()
    {
        // 8 unit tasks, asynchronous dispatch, no coordinator work: the makespan is 8 / K exactly, so the speedup is K.
        string csv = Path.Combine(_dir, "fixed.csv");
        var (exit, output, err) = CliRunner.Run(
            "scaling", "--duration", "deterministic", "--tasks", "8", "--workers", "1,2,4,8", "--decision-seconds", "0", "--replicates", "2",
            "--threads", "1", "--out", csv);
        Assert.True(exit == 0, err);
        Assert.Contains("Amdahl fit", output, StringComparison.Ordinal);
        foreach (var row in ReadCsv(csv))
        {
            Assert.Equal(8.0 / D(row["workers"]), D(row["mean_makespan_s"]), 1e-9);
            Assert.Equal(D(row["workers"]), D(row["speedup"]), 1e-9);
        }
    }

    [Fact]
    public void An_out_folder_gets_the_default_file_name_inside_it()
    {
        string folder = Directory.CreateDirectory(Path.Combine(_dir, "folder")).FullName;
        var (exit, _, err) = CliRunner.Run(
            "scaling", "--duration", "deterministic", "--tasks", "4", "--workers", "1,2", "--decision-seconds", "0", "--replicates", "2",
            "--threads", "1", "--out", folder);
        Assert.True(exit == 0, err);
        Assert.Equal(2, ReadCsv(Path.Combine(folder, "scaling.csv")).Count);

        (exit, _, err) = CliRunner.Run(
            "scaling", "--allocation", "uta", "--duration", "deterministic", "--tasks", "4", "--rounds", "1", "--workers", "1,2",
            "--replicates", "2", "--threads", "1", "--out", folder);
        Assert.True(exit == 0, err);
        Assert.Equal(2, ReadCsv(Path.Combine(folder, "allocation-uta.csv")).Count);
    }

    [Fact]
    public void Uta_csv_gives_ceil_b_over_k_rounds_on_homogeneous_deterministic_workers()
    {
        string csv = Path.Combine(_dir, "uta.csv");
        var (exit, output, err) = CliRunner.Run(
            "scaling", "--allocation", "uta", "--duration", "deterministic", "--tasks", "10", "--rounds", "3", "--workers", "1,2,3,4,6",
            "--replicates", "2", "--threads", "1", "--out", csv);
        Assert.True(exit == 0, err);
        Assert.Contains("final allocation", output, StringComparison.Ordinal);
        var rows = ReadCsv(csv);
        Assert.Equal(5, rows.Count);
        foreach (var row in rows)
        {
            int k = int.Parse(row["workers"], CultureInfo.InvariantCulture);
            int waves = (10 + k - 1) / k;
            Assert.Equal("uta", row["policy"]);
            Assert.Equal(waves, D(row["mean_round_makespan_s"]), 1e-9);
            Assert.Equal(30.0, D(row["total_worker_s"]), 1e-9);
            Assert.Equal(10.0 / waves, D(row["speedup"]), 1e-9);
            var allocation = row["final_allocation"].Split(' ').Select(int.Parse).ToArray();
            Assert.Equal(k, allocation.Length);
            Assert.Equal(10, allocation.Sum());
            Assert.True(allocation.Max() - allocation.Min() <= 1);
        }
    }

    [Fact]
    public void Ofta_csv_gives_the_brute_force_optimum_on_linear_deterministic_workers()
    {
        string csv = Path.Combine(_dir, "ofta.csv");
        var (exit, _, err) = CliRunner.Run(
            "scaling", "--allocation", "ofta", "--duration", "deterministic", "--heterogeneity", "linear", "--tasks", "9", "--rounds", "2",
            "--workers", "1,2,3,4", "--replicates", "2", "--out", csv);
        Assert.True(exit == 0, err);
        foreach (var row in ReadCsv(csv))
        {
            int k = int.Parse(row["workers"], CultureInfo.InvariantCulture);
            double optimum = AllocationScalingStudyTests.BruteForceMakespan([.. Enumerable.Range(1, k).Select(i => (double)i)], 9);
            Assert.Equal(optimum, D(row["mean_round_makespan_s"]), 1e-9);
            Assert.Equal(9.0 / optimum, D(row["speedup"]), 1e-9);
            Assert.Equal("1", row["final_equals_ofta_share"]);
            Assert.Equal(row["ofta_allocation"], row["final_allocation"]);
        }
    }
}
