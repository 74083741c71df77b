using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Almab.Experiments.Tests.Faults;

/// <summary>Small POSIX helpers for the fault tests: am I root, mount/unmount a tmpfs, checksum a file.</summary>
internal static class Posix
{
    /// <summary>True when the tests run as root (CI does), which the tmpfs tests need.</summary>
    public static bool IsRoot => OperatingSystem.IsLinux() && GetEuid() == 0;

    /// <summary>Runs a command (mount, umount, chmod) and fails the test on a non-zero exit.</summary>
    public static void Sh(string command, params string[] args)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', args)} failed ({p.ExitCode}): {err}");
        }
    }

    /// <summary>SHA-256 of a file, hex.</summary>
    public static string Checksum(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>Free bytes of the file system holding <paramref name="path"/>.</summary>
    public static long FreeBytes(string path) => new DriveInfo(path).AvailableFreeSpace;

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEuid();
}

/// <summary>A fact that needs root (it mounts a tmpfs); skipped, saying so, when the tests do not run as root.</summary>
internal sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!Posix.IsRoot)
        {
            Skip = "needs root to mount a tmpfs (CI runs as root)";
        }
    }
}
