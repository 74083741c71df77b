using System.Globalization;
using Almab.Experiments.Tests.Verbs;

namespace Almab.Experiments.Tests.Papers.AlmabDc.Verbs;

/// <summary><c>almab appendix-c</c>: bad options fail with one line and exit 2; a tiny study writes its tables, CSV and figure.</summary>
public sealed class AppendixCVerbTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("almab-appc-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(new[] { "--runs", "1" }, "--runs must be >= 2, got 1")]
    [InlineData(new[] { "--cpus", "2,4" }, "--cpus must start with 1")]
    [InlineData(new[] { "--cpus", "1,4,2" }, "--cpus must be increasing integers >= 1")]
    [InlineData(new[] { "--surrogates", "gp,svm" }, "unknown surrogate 'svm'")]
    public void BadOptionsAreUsageErrors(string[] options, string message)
    {
        var (exit, _, err) = CliRunner.Run(["appendix-c", .. options, "--out", _dir]);
        Assert.Equal(2, exit);
        Assert.Contains(message, err, StringComparison.Ordinal);
    }

    [Fact]
    public void ATinyStudyWritesBothTablesTheCsvAndTheFigure()
    {
        var (exit, output, err) = CliRunner.Run("appendix-c", "--runs", "2", "--cpus", "1,2,4", "--surrogates", "rf", "--measure-up-to", "1", "--out", _dir);
        Assert.True(exit == 0, err);
        Assert.Contains("Table 8 analogue", output, StringComparison.Ordinal);
        Assert.Contains("Table 9 analogue", output, StringComparison.Ordinal);
        var rows = File.ReadAllLines(Path.Combine(_dir, "appendix-c.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["measured", "modelled", "modelled"], rows.Select(r => r[7]));
        // The model: other + fantasies + (fit + predict) / min(C, 100 trees), from the serial split of the same runs.
        var at4 = rows[2];
        double F(int i) => double.Parse(at4[i], CultureInfo.InvariantCulture);
        // The inputs are measured seconds, so compare within a relative tolerance of 1e-12 (summation-order error only): rounding both sides to a fixed number
        // of decimals (Assert.Equal's precision overload) fails whenever the two sums straddle a rounding boundary.
        Assert.Equal(F(11) + F(10) + (F(8) + F(9)) / 4, F(5), 1e-12 * Math.Max(1, Math.Abs(F(5))));
        Assert.True(File.Exists(Path.Combine(_dir, "speedup.svg")));
        Assert.True(File.Exists(Path.Combine(_dir, "appendix-c.md")));
    }
}
