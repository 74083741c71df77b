using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Almab.Experiments.Tests.Faults;

/// <summary>
/// The built <c>almab</c> run as a real child process (<c>dotnet almab.dll …</c>, the copy next to the test assembly),
/// with its output collected line by line, so tests can wait for a line, send it a POSIX signal, and read its exit code.
/// </summary>
internal sealed class AlmabProcess : IDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<string> _lines = new();
    private readonly ConcurrentQueue<string> _out = new();
    private readonly ConcurrentQueue<string> _err = new();

    private AlmabProcess(Process process)
    {
        _process = process;
    }

    /// <summary>Path of the almab.dll the tests start.</summary>
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "almab.dll");

    /// <summary>Process id.</summary>
    public int Id => _process.Id;

    /// <summary>Everything printed on stdout so far.</summary>
    public string Output => string.Join('\n', _out);

    /// <summary>Everything printed on stderr so far.</summary>
    public string Error => string.Join('\n', _err);

    /// <summary>Starts <c>dotnet almab.dll</c> with <paramref name="args"/>.</summary>
    public static AlmabProcess Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Dll);
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        var process = new Process { StartInfo = info };
        var child = new AlmabProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                child._out.Enqueue(e.Data);
                child._lines.Add(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                child._err.Enqueue(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs almab to completion; returns exit code, stdout and stderr.</summary>
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var p = Start(args);
        int exit = p.WaitForExit(TimeSpan.FromMinutes(3));
        return (exit, p.Output, p.Error);
    }

    /// <summary>Waits until a stdout line contains <paramref name="text"/>; false if the process ended or time ran out first.</summary>
    public bool WaitForLine(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_lines.TryTake(out var line, TimeSpan.FromMilliseconds(50)))
            {
                if (line.Contains(text, StringComparison.Ordinal))
                {
                    return true;
                }
            }
            else if (_process.HasExited)
            {
                // Lines can still be on their way from the asynchronous reader after the exit (on a loaded machine the
                // reader thread lags): wait for the end of the output, then look at what is left.
                _process.WaitForExit();
                while (_lines.TryTake(out var rest))
                {
                    if (rest.Contains(text, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        return false;
    }

    /// <summary>Sends POSIX signal <paramref name="signal"/> (15 = SIGTERM, 2 = SIGINT) to the process.</summary>
    public void Signal(int signal)
    {
        if (Kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Waits for the exit (all output read) and returns the exit code.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"almab did not exit within {timeout}; output so far:\n{Output}\n{Error}");
        }

        _process.WaitForExit(); // flushes the asynchronous output readers
        return _process.ExitCode;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        _lines.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
