using System.Globalization;
using System.Text.Json.Nodes;
using Almab.Algorithms.Objectives;
using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Spaces;

namespace Almab.Experiments.External;

/// <summary>
/// An <see cref="IOptimizer"/> backed by any process that speaks the ask/tell JSON-lines protocol of
/// docs/external-optimizers.md: <c>init</c> (search space, seed), <c>ask</c> (count → trials with native parameter
/// values), <c>tell</c> (trial id → value, or failed), <c>close</c>. Trials may be pending while more are asked. Every
/// returned configuration is checked against the space; anything else the process does wrong is an
/// <see cref="ExternalOptimizerException"/>, and a stalled process fails after the timeout instead of hanging.
/// Lives in experiments/ because it starts processes: Almab.Algorithms stays free of processes and files.
/// </summary>
public sealed class ExternalOptimizer : IOptimizer, IDisposable
{
    private readonly SearchSpace _space;
    private readonly JsonLinesChannel _channel;
    private readonly Dictionary<int, (Trial Trial, JsonNode ExternalId)> _pending = new();
    private int _next;

    /// <summary>Starts the process and sends it the space and seed.</summary>
    /// <param name="name">Method name (e.g. "optuna-tpe").</param>
    /// <param name="command">Program and arguments of the optimizer process.</param>
    /// <param name="space">The search space.</param>
    /// <param name="seed">Seed handed to the process (it must make its draws from it).</param>
    /// <param name="timeout">Longest wait for one reply (seconds of real time).</param>
    public ExternalOptimizer(string name, IReadOnlyList<string> command, SearchSpace space, ulong seed, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(space);
        Name = name;
        _space = space;
        _channel = new JsonLinesChannel(name, command, timeout);
        try
        {
            _channel.Request(new JsonObject
            {
                ["op"] = "init",
                ["protocol"] = 1,
                ["seed"] = seed,
                ["direction"] = "minimize",
                ["space"] = DescribeSpace(space),
            });
        }
        catch
        {
            _channel.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The process's own seconds for the last ask, when it reports them ("seconds" in the reply).</summary>
    public double? LastReportedAskSeconds { get; private set; }

    /// <inheritdoc />
    public IReadOnlyList<Trial> Ask(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return [];
        }

        var reply = _channel.Request(new JsonObject { ["op"] = "ask", ["count"] = count });
        if (reply["trials"] is not JsonArray trials || trials.Count > count)
        {
            throw _channel.Fail($"the reply to 'ask' ({count}) needs a \"trials\" array of at most {count} items: {Clip(reply)}");
        }

        LastReportedAskSeconds = reply["seconds"] is JsonValue s && s.TryGetValue(out double secs) ? secs : null;
        var result = new List<Trial>(trials.Count);
        foreach (var item in trials)
        {
            if (item is not JsonObject t || t["id"] is not JsonValue id || t["params"] is not JsonArray values || values.Count != _space.Dimension)
            {
                throw _channel.Fail($"a trial needs an \"id\" and {_space.Dimension} \"params\": {Clip(item)}");
            }

            var native = new double[_space.Dimension];
            for (int i = 0; i < native.Length; i++)
            {
                if (values[i] is not JsonValue v || !v.TryGetValue(out native[i]) || !double.IsFinite(native[i]))
                {
                    throw _channel.Fail($"parameter '{_space.Parameters[i].Name}' of trial {Clip(id)} is not a finite number: {Clip(values[i])}");
                }
            }

            var configuration = new Configuration(native);
            if (!_space.Contains(configuration))
            {
                throw _channel.Fail($"trial {Clip(id)} is outside the search space: {configuration}");
            }

            var trial = new Trial(_next++, configuration);
            _pending.Add(trial.Id, (trial, id.DeepClone()));
            result.Add(trial);
        }

        return result;
    }

    /// <inheritdoc />
    public void Tell(Trial trial, Observation observation)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(observation);
        if (!_pending.TryGetValue(trial.Id, out var entry) || !entry.Trial.Equals(trial))
        {
            throw new ArgumentException($"Trial {trial.Id} is not pending in {Name} (unknown, or already told).", nameof(trial));
        }

        observation.EnsureUsable();
        _pending.Remove(trial.Id);
        var request = new JsonObject { ["op"] = "tell", ["id"] = entry.ExternalId.DeepClone() };
        if (observation.Failed)
        {
            request["failed"] = true;
        }
        else
        {
            request["value"] = observation.Value;
        }

        _channel.Request(request);
    }

    /// <summary>Closes the process.</summary>
    public void Dispose() => _channel.Dispose();

    /// <summary>The space as the protocol's "space" array: name, kind and bounds, levels or choices per parameter.</summary>
    public static JsonArray DescribeSpace(SearchSpace space)
    {
        var array = new JsonArray();
        foreach (var p in space.Parameters)
        {
            var o = new JsonObject { ["name"] = p.Name, ["kind"] = p.Kind.ToString().ToLowerInvariant() };
            switch (p.Kind)
            {
                case ParameterKind.Float:
                case ParameterKind.Integer:
                    o["low"] = p.Low;
                    o["high"] = p.High;
                    o["log"] = p.Log;
                    break;
                case ParameterKind.Grid:
                    o["levels"] = new JsonArray([.. p.Levels.Select(l => (JsonNode)l)]);
                    break;
                default:
                    o["choices"] = new JsonArray([.. p.Choices.Select(c => (JsonNode)c)]);
                    break;
            }

            array.Add(o);
        }

        return array;
    }

    private static string Clip(JsonNode? node)
    {
        string text = node?.ToJsonString() ?? "null";
        return text.Length <= 120 ? text : text[..117] + "...";
    }
}
