using System.Diagnostics;
using Almab.Experiments.Papers.AlmabDc.Runner;
using Almab.Experiments.Papers.Ata;

namespace Almab.Experiments.Runner;

/// <summary>
/// A one-line progress bar with rate and ETA, redrawn in place at most 10 times a second on an interactive console;
/// when output is redirected (CI logs) it prints a plain line at every 10 % instead.
/// </summary>
public sealed class RunProgress : IDisposable
{
    private readonly int _total;
    private readonly bool _plain;
    private readonly TextWriter _plainWriter;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private int _done;
    private long _lastDrawTicks;
    private int _lastDecile;
    private bool _finished;

    /// <summary>Creates the bar for <paramref name="total"/> units of work.</summary>
    public RunProgress(int total, bool plain, TextWriter plainWriter)
    {
        _total = total;
        _plain = plain;
        _plainWriter = plainWriter;
    }

    /// <summary>Records one finished unit (thread-safe).</summary>
    public void Advance()
    {
        lock (_gate)
        {
            _done++;
            if (_plain)
            {
                int decile = _total == 0 ? 10 : _done * 10 / _total;
                if (decile > _lastDecile)
                {
                    _lastDecile = decile;
                    _plainWriter.WriteLine($"  {_done}/{_total} ({decile * 10} %), elapsed {Format(_clock.Elapsed)}, ETA {Format(Eta())}");
                }

                return;
            }

            long now = _clock.ElapsedTicks;
            if (_done == _total || now - _lastDrawTicks > Stopwatch.Frequency / 10)
            {
                _lastDrawTicks = now;
                Draw();
            }
        }
    }

    /// <summary>Ends the bar's line.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (!_finished && !_plain && _total > 0)
            {
                Draw();
                Console.Error.WriteLine();
            }

            _finished = true;
        }
    }

    private void Draw()
    {
        const int width = 30;
        int filled = _total == 0 ? width : (int)((long)_done * width / _total);
        double rate = _done / Math.Max(_clock.Elapsed.TotalSeconds, 1e-9);
        Console.Error.Write($"\r  [{new string('#', filled)}{new string('.', width - filled)}] {_done}/{_total} {rate,6:F1}/s  elapsed {Format(_clock.Elapsed)}  ETA {Format(Eta())}   ");
    }

    private TimeSpan Eta() =>
        _done == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(_clock.Elapsed.TotalSeconds / _done * (_total - _done));

    private static string Format(TimeSpan t) => t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss") : t.ToString(@"mm\:ss");
}
