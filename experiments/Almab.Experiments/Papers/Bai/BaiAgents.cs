using Almab.Algorithms.BestArm;
using Almab.Algorithms.BestArm.Agents;
using Almab.Experiments.Cli;

namespace Almab.Experiments.Papers.Bai;

/// <summary>The BAIwRC agents by name (the only place that knows them all); "ra-ucb" is Almab's own, not the paper's.</summary>
public static class BaiAgents
{
    private static readonly (string Name, Func<IBestArmAgent> Create, string Label)[] Registry =
    [
        ("sh-rr", () => new ShRrAgent(), "SH-RR"),
        ("uniform", () => new UniformAgent(), "Uniform"),
        ("ucb", () => new UcbAgent(), "UCB"),
        ("at-lucb", () => new AtLucbAgent(), "AT-LUCB"),
        ("dsh", () => new DoublingSequentialHalvingAgent(), "DSH"),
        ("ra-ucb", () => new ResourceAwareUcbAgent(), "RA-UCB (Almab)"),
    ];

    /// <summary>Every registered name, in report order.</summary>
    public static IReadOnlyList<string> Names { get; } = Registry.Select(r => r.Name).ToArray();

    /// <summary>A new agent; an unknown name is a usage error listing the known ones.</summary>
    public static IBestArmAgent Create(string name)
    {
        foreach (var r in Registry)
        {
            if (r.Name == name)
            {
                return r.Create();
            }
        }

        throw new UsageException($"unknown agent '{name}' (known: {string.Join(", ", Names)})");
    }

    /// <summary>Display label of an agent.</summary>
    public static string Label(string name) => Registry.FirstOrDefault(r => r.Name == name).Label ?? name;
}
