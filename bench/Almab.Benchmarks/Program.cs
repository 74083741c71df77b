using BenchmarkDotNet.Running;

namespace Almab.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project bench/Almab.Benchmarks -- --filter '*Ras*'</c>.</summary>
public static class Program
{
    /// <summary>Runs the benchmarks chosen by the BenchmarkDotNet switcher arguments.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
