using System.Globalization;
using Spectre.Console;

namespace Almab.Experiments.Runner;

/// <summary>
/// Progress of a run split into tasks (one per grid cell group: method, K, budget, noise), each counting its finished
/// replicates. <see cref="Create"/> picks the live Spectre display when stdout is an interactive terminal and the
/// plain line writer otherwise; every mode ends with one summary line. <see cref="Advance(int)"/> is thread-safe.
/// </summary>
public abstract class RunProgress : IDisposable
{
    private bool _completed;

    /// <summary>The tasks, in display order.</summary>
    public abstract IReadOnlyList<ProgressGroup> Groups { get; }

    /// <summary>Records one finished unit of task <paramref name="group"/> (thread-safe).</summary>
    public abstract void Advance(int group);

    /// <summary>Records one finished unit of the first task (single-task progress).</summary>
    public void Advance() => Advance(0);

    /// <summary>Stops the display and writes the summary line; later calls do nothing.</summary>
    public void Complete()
    {
        if (!_completed)
        {
            _completed = true;
            Finish();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Complete();
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops the display and writes the summary line (called once).</summary>
    protected abstract void Finish();

    /// <summary>
    /// The mode for a command writing to <paramref name="writer"/>: Off with --no-progress; Live only when the writer is
    /// the process's stdout, stdout is not redirected and Spectre's profile finds an interactive ANSI terminal; else Plain.
    /// </summary>
    public static ProgressMode ResolveMode(bool noProgress, TextWriter writer)
    {
        if (noProgress)
        {
            return ProgressMode.Off;
        }

        bool terminal = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected
            && AnsiConsole.Profile.Capabilities.Interactive && AnsiConsole.Profile.Capabilities.Ansi;
        return terminal ? ProgressMode.Live : ProgressMode.Plain;
    }

    /// <summary>Creates the progress of <paramref name="groups"/> in <paramref name="mode"/>.</summary>
    /// <param name="groups">The tasks.</param>
    /// <param name="writer">Where plain lines and the summary go (the live display draws on the console).</param>
    /// <param name="mode">Live, plain or off.</param>
    /// <param name="stepPercent">Plain mode: one line each time a task crosses a multiple of this percentage (1-100).</param>
    /// <param name="unit">Plural noun of the units, for the summary line.</param>
    /// <param name="time">Clock (tests pass a fake one); the system clock by default.</param>
    public static RunProgress Create(IReadOnlyList<ProgressGroup> groups, TextWriter writer, ProgressMode mode,
        int stepPercent = 25, string unit = "replicates", TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentOutOfRangeException.ThrowIfLessThan(stepPercent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(stepPercent, 100);
        if (groups.Count == 0 || groups.Any(g => g.Total < 0))
        {
            throw new ArgumentException("progress needs at least one group, each with a total >= 0", nameof(groups));
        }

        var clock = time ?? TimeProvider.System;
        return mode == ProgressMode.Live
            ? new LiveRunProgress(groups, AnsiConsole.Console, writer, unit, clock)
            : new PlainRunProgress(groups, writer, mode == ProgressMode.Plain ? stepPercent : 0, unit, clock);
    }

    /// <summary>A single-task progress of <paramref name="total"/> units (10 % steps in plain mode).</summary>
    public static RunProgress Single(string label, int total, TextWriter writer, ProgressMode mode, string unit = "replicates") =>
        Create([new ProgressGroup(label, total)], writer, mode, stepPercent: 10, unit: unit);

    /// <summary>
    /// One task per cell group of <paramref name="cells"/> (every cell but the replicate index), in first-appearance
    /// (grid) order, labelled "method K=k" plus the budget and noise when the cells have several of them; the returned
    /// function maps a cell to its task index.
    /// </summary>
    public static (IReadOnlyList<ProgressGroup> Groups, Func<CellKey, int> IndexOf) ForCells(IReadOnlyList<CellKey> cells)
    {
        bool budgets = cells.Select(c => c.Budget).Distinct().Skip(1).Any();
        bool noises = cells.Select(c => c.Noise).Distinct().Skip(1).Any();
        bool cases = cells.Select(c => c.CaseId).Distinct().Skip(1).Any();
        var index = new Dictionary<CellKey, int>();
        var labels = new List<string>();
        var totals = new List<int>();
        foreach (var cell in cells)
        {
            var key = cell with { Replicate = 0 };
            if (!index.TryGetValue(key, out int g))
            {
                g = labels.Count;
                index.Add(key, g);
                labels.Add(Label(cell, cases, budgets, noises));
                totals.Add(0);
            }

            totals[g]++;
        }

        var groups = labels.Select((l, i) => new ProgressGroup(l, totals[i])).ToList();
        if (groups.Count == 0)
        {
            groups.Add(new ProgressGroup("nothing to run", 0));
        }

        return (groups, c => index[c with { Replicate = 0 }]);
    }

    /// <summary>Formats a duration as mm:ss, or h:mm:ss from one hour.</summary>
    internal static string FormatDuration(TimeSpan t) =>
        t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : t.ToString(@"mm\:ss", CultureInfo.InvariantCulture);

    /// <summary>Formats a rate in units per second with three significant digits.</summary>
    internal static string FormatRate(double perSecond) =>
        double.IsFinite(perSecond) ? perSecond.ToString(perSecond >= 100 ? "F0" : perSecond >= 10 ? "F1" : "F2", CultureInfo.InvariantCulture) + "/s" : "-";

    private static string Label(CellKey cell, bool cases, bool budgets, bool noises) => string.Create(CultureInfo.InvariantCulture,
        $"{(cases ? cell.CaseId + " " : "")}{cell.Method} K={cell.Workers}{(budgets ? $" N={cell.Budget}" : "")}{(noises ? $" noise={cell.Noise:R}" : "")}");
}
