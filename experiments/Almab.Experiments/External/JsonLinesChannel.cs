using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Almab.Experiments.External;

/// <summary>
/// A child process spoken to in JSON lines: one request object per line on its stdin, one reply object per line on its
/// stdout. A reader thread queues stdout lines, so a reply is awaited with a timeout and a stalled process never hangs
/// the caller; stderr is kept (last 20 lines) for error messages. Every failure (exit, garbage, timeout, an
/// <c>{"error": ...}</c> reply) is an <see cref="ExternalOptimizerException"/>; <see cref="Dispose"/> kills the process tree.
/// </summary>
public sealed class JsonLinesChannel : IDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<string?> _lines = new();
    private readonly Queue<string> _stderr = new();
    private readonly ManualResetEventSlim _stderrClosed = new();
    private readonly string _name;
    private readonly TimeSpan _timeout;
    private bool _broken;

    /// <summary>Starts <paramref name="command"/> (program, then arguments).</summary>
    /// <param name="name">Optimizer name, for messages.</param>
    /// <param name="command">Program and arguments.</param>
    /// <param name="timeout">Longest wait for one reply.</param>
    public JsonLinesChannel(string name, IReadOnlyList<string> command, TimeSpan timeout)
    {
        _name = name;
        _timeout = timeout;
        var info = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in command.Skip(1))
        {
            info.ArgumentList.Add(a);
        }

        try
        {
            _process = Process.Start(info) ?? throw new ExternalOptimizerException($"external optimizer '{name}': could not start {command[0]}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ExternalOptimizerException($"external optimizer '{name}': could not start '{command[0]}': {e.Message}");
        }

        _process.StandardInput.AutoFlush = true;
        var reader = new Thread(() =>
        {
            try
            {
                while (_process.StandardOutput.ReadLine() is string line)
                {
                    _lines.Add(line);
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // the pipe broke, or Dispose closed it under the reader
            }

            _lines.Add(null);
        }) { IsBackground = true, Name = $"{name} stdout" };
        reader.Start();
        // stderr has a thread of its own too: BeginErrorReadLine's callbacks run on the thread pool, and with the pool
        // busy (parallel replicates, other tests) the last lines arrived after the error message was already built.
        var errors = new Thread(() =>
        {
            try
            {
                while (_process.StandardError.ReadLine() is string line)
                {
                    lock (_stderr)
                    {
                        _stderr.Enqueue(line);
                        if (_stderr.Count > 20)
                        {
                            _stderr.Dequeue();
                        }
                    }
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // the pipe broke, or Dispose closed it under the reader
            }

            _stderrClosed.Set();
        }) { IsBackground = true, Name = $"{name} stderr" };
        errors.Start();
    }

    /// <summary>Sends <paramref name="request"/> and returns the reply object (never an error reply).</summary>
    public JsonObject Request(JsonObject request)
    {
        if (_broken)
        {
            throw Fail("the process failed earlier");
        }

        string op = request["op"]?.GetValue<string>() ?? "?";
        try
        {
            _process.StandardInput.WriteLine(request.ToJsonString());
        }
        catch (IOException)
        {
            throw Fail($"exited before the '{op}' request{ExitNote()}");
        }

        if (!_lines.TryTake(out string? line, _timeout))
        {
            throw Fail($"no reply to '{op}' within {_timeout.TotalSeconds:0.###} s (stalled)");
        }

        if (line is null)
        {
            throw Fail($"exited without replying to '{op}'{ExitNote()}");
        }

        JsonObject? reply;
        try
        {
            reply = JsonNode.Parse(line) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            reply = null;
        }

        if (reply is null)
        {
            throw Fail($"replied to '{op}' with a line that is not a JSON object: '{Clip(line)}'");
        }

        if (reply["error"] is JsonNode error)
        {
            throw Fail($"reported an error on '{op}': {Clip(error.ToString())}");
        }

        return reply;
    }

    /// <summary>A protocol failure with this channel's prefix; marks the channel broken.</summary>
    public ExternalOptimizerException Fail(string reason)
    {
        _broken = true;
        return new ExternalOptimizerException($"external optimizer '{_name}': {reason}");
    }

    /// <summary>Asks the process to close (a "close" request, no reply expected), then kills what is left.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited && !_broken)
            {
                _process.StandardInput.WriteLine("{\"op\":\"close\"}");
                _process.StandardInput.Close();
                _process.WaitForExit(2000);
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(2000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose(); // _stderrClosed is not disposed: the stderr thread may still set it after this
    }

    private string ExitNote()
    {
        if (_process.WaitForExit(2000))
        {
            _stderrClosed.Wait(1000); // the last stderr lines; bounded, as a grandchild could keep stderr open
        }

        string code = _process.HasExited ? $" (exit code {_process.ExitCode})" : "";
        string last;
        lock (_stderr)
        {
            last = _stderr.Count == 0 ? "" : $"; stderr: {Clip(_stderr.Last())}";
        }

        return code + last;
    }

    private static string Clip(string text) => text.Length <= 120 ? text : text[..117] + "...";
}
