// Almab's TPE on the comparison functions of bench/compare/tpe (see README.md there); prints "function,seed,best".
// Usage: TpeCompare [trials] [seeds]
using System.Globalization;
using Almab.Algorithms.Objectives;
using Almab.Algorithms.Objectives.TestFunctions;
using Almab.Algorithms.Optimizers.Tpe;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

int trials = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 60;
int seeds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;

var mixedSpace = new SearchSpace(
[
    Parameter.Float("lr", 1e-5, 1, log: true),
    Parameter.Integer("layers", 1, 8),
    Parameter.Integer("units", 8, 512, log: true),
    Parameter.Categorical("act", ["relu", "tanh", "sigmoid"]),
]);
double[] actPenalty = [0, 0.7, 1.5];
double Mixed(ReadOnlySpan<double> x) =>
    Math.Pow(Math.Log10(x[0]) + 3, 2) + 0.3 * Math.Pow(x[1] - 3, 2) + Math.Pow(Math.Log2(x[2]) - 7, 2) / 4 + actPenalty[(int)x[3]];

var branin = new Branin();
var hartmann = new Hartmann6();
var rosenbrock = new Rosenbrock(4);
var functions = new (string Name, SearchSpace Space, Func<Configuration, double> F)[]
{
    ("branin", branin.Space, c => branin.ValueAt(c.Values)),
    ("hartmann6", hartmann.Space, c => hartmann.ValueAt(c.Values)),
    ("rosenbrock4", rosenbrock.Space, c => rosenbrock.ValueAt(c.Values)),
    ("mixed", mixedSpace, c => Mixed(c.Values)),
};

Console.WriteLine("function,seed,best");
foreach (var (name, space, f) in functions)
{
    for (int s = 0; s < seeds; s++)
    {
        var opt = new TpeOptimizer(space, new Seed((ulong)s).Derive(name));
        double best = double.PositiveInfinity;
        for (int t = 0; t < trials; t++)
        {
            var trial = opt.Ask(1)[0];
            double y = f(trial.Configuration);
            best = Math.Min(best, y);
            opt.Tell(trial, new Observation(y, y));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name},{s},{best:R}"));
    }
}
