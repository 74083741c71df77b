using Almab.Experiments.Cli;

namespace Almab.Experiments.Papers.AlmabDc.Methods;

/// <summary>
/// Name → factory for every method Almab runs. The only place that knows algorithms by name; families register
/// themselves in their own files (e.g. <see cref="AlmabDcMethods"/>).
/// </summary>
public sealed class MethodRegistry
{
    private readonly SortedDictionary<string, MethodDescriptor> _methods = new(StringComparer.Ordinal);

    /// <summary>The registry with every built-in method.</summary>
    public static MethodRegistry Default { get; } = CreateDefault();

    /// <summary>All registered methods, ordered by id.</summary>
    public IEnumerable<MethodDescriptor> All => _methods.Values;

    /// <summary>Adds a method; ids are unique.</summary>
    public void Add(MethodDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (!_methods.TryAdd(descriptor.Id, descriptor))
        {
            throw new InvalidOperationException($"method '{descriptor.Id}' is registered twice");
        }
    }

    /// <summary>Whether <paramref name="id"/> names a registered method.</summary>
    public bool Contains(string id) => _methods.ContainsKey(id);

    /// <summary>The method called <paramref name="id"/>; an unknown id is a usage error naming the known ones.</summary>
    public MethodDescriptor Get(string id) =>
        _methods.TryGetValue(id, out var d)
            ? d
            : throw new UsageException($"unknown method '{id}'; known methods: {string.Join(", ", _methods.Keys)}");

    private static MethodRegistry CreateDefault()
    {
        var registry = new MethodRegistry();
        AlmabDcMethods.Register(registry);
        BaselineMethods.Register(registry);
        ModelBasedMethods.Register(registry);
        ExternalMethods.Register(registry);
        return registry;
    }
}
