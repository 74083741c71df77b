using Almab.Algorithms.Optimizers;

namespace Almab.Experiments.Papers.AlmabDc.Methods;

/// <summary>A named method: its id in case files and on the command line, a one-line description and a factory.</summary>
public sealed record MethodDescriptor(string Id, string Description, Func<MethodContext, IOptimizer> Create);
