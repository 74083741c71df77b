namespace Almab.Experiments.External;

/// <summary>
/// Where the shipped bridge scripts are and which Python runs them. Scripts are copied next to the program under
/// <c>external/</c>. Python: <c>ALMAB_PYTHON</c> when set, else Debian's <c>/usr/bin/python3</c> (the one that sees
/// python3-optuna; a <c>python3</c> earlier on PATH may be a separate interpreter), else <c>python3</c>.
/// </summary>
public static class ExternalCommand
{
    /// <summary>The Python interpreter used for the bridge scripts.</summary>
    public static string Python =>
        Environment.GetEnvironmentVariable("ALMAB_PYTHON") is { Length: > 0 } p ? p
        : File.Exists("/usr/bin/python3") ? "/usr/bin/python3"
        : "python3";

    /// <summary>The Optuna bridge: <c>python optuna_ask_tell.py --sampler tpe|cmaes</c>.</summary>
    public static IReadOnlyList<string> Optuna(string sampler) =>
        [Python, Path.Combine(AppContext.BaseDirectory, "external", "optuna_ask_tell.py"), "--sampler", sampler];

    /// <summary>Longest wait for one reply of a bridge process: <c>ALMAB_EXTERNAL_TIMEOUT</c> seconds, 60 by default.</summary>
    public static TimeSpan Timeout =>
        double.TryParse(Environment.GetEnvironmentVariable("ALMAB_EXTERNAL_TIMEOUT"), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out double s) && s > 0 ? TimeSpan.FromSeconds(s) : TimeSpan.FromSeconds(60);
}
