namespace Almab.Experiments.Papers.Bai.RealWorld;

/// <summary>The CPU model and load average, written beside measured seconds (they are only meaningful with them).</summary>
public static class MachineInfo
{
    /// <summary>"model name" of /proc/cpuinfo, or "unknown".</summary>
    public static string CpuModel()
    {
        try
        {
            string? line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? "unknown" : line[(line.IndexOf(':') + 1)..].Trim() + $" ({Environment.ProcessorCount} logical cores)";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    /// <summary>The 1/5/15-minute load averages of /proc/loadavg, or "unknown".</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
