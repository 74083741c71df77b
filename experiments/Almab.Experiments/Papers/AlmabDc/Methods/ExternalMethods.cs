using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Spaces;
using Almab.Experiments.External;

namespace Almab.Experiments.Papers.AlmabDc.Methods;

/// <summary>
/// Baselines from other libraries, run as external processes through <see cref="ExternalOptimizer"/>: Optuna's TPE
/// (the honest check of Almab's own "tpe") and Optuna's CMA-ES on continuous spaces. They need Debian's
/// python3-optuna (<c>/usr/bin/python3</c>, or <c>ALMAB_PYTHON</c>); they are not in any case's default method list.
/// </summary>
public static class ExternalMethods
{
    /// <summary>Registers optuna-tpe and optuna-cmaes.</summary>
    public static void Register(MethodRegistry registry)
    {
        registry.Add(new("optuna-tpe", "Optuna 3.x TPESampler (seeded, constant liar) as an external process (needs python3-optuna)",
            c => Create("optuna-tpe", "tpe", c)));
        registry.Add(new("optuna-cmaes", "Optuna 3.x CmaEsSampler (seeded) as an external process; float/integer spaces only (needs python3-optuna)",
            c => c.Space.Parameters.All(p => p.Kind is ParameterKind.Float or ParameterKind.Integer)
                ? Create("optuna-cmaes", "cmaes", c)
                : throw new ArgumentException($"optuna-cmaes needs a space of float and integer parameters; case '{c.Case.Id}' has grid or categorical ones")));
    }

    private static IOptimizer Create(string name, string sampler, MethodContext c) =>
        new ExternalOptimizer(name, ExternalCommand.Optuna(sampler), c.Space, c.Seed.Value, ExternalCommand.Timeout);
}
