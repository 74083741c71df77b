using Almab.Algorithms.MultiObjective.DivideAndLearn;
using Almab.Algorithms.MultiObjective.Problems;
using Almab.Algorithms.MultiObjective.Search;
using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;
using Almab.Sim.Runs.Moco;

namespace Almab.Sim.Tests.Runs.Moco;

/// <summary>MOCO searches on the simulated cluster: budget respected, virtual time, determinism, noise only on what is told.</summary>
public sealed class MocoRunTests
{
    private static readonly Seed Root = new(11);

    private static MocoRunResult Run(string method, int workers, double noise, int budget = 600)
    {
        var p = MocoInstances.Create(MocoProblemKind.BiTsp, 20, 0, Root);
        var instance = Root.Derive("instance");
        IMocoSearch s = method == "dl"
            ? new DivideAndLearn(p, DlConfig.ForScale(MocoScale.Small), budget, instance, instance.Derive("dl"))
            : new Nsga2(p, instance, instance.Derive("nsga2"));
        var config = new MocoRunConfig { Cluster = new ClusterConfig { Workers = workers }, Budget = budget, NoiseFraction = noise };
        return MocoRun.Execute(config, s, p, instance.Derive("cluster"), instance.Derive("noise"));
    }

    [Theory]
    [InlineData("dl", 1)]
    [InlineData("dl", 4)]
    [InlineData("nsga2", 4)]
    public void Every_evaluation_is_a_task_and_k_workers_divide_the_virtual_time(string method, int workers)
    {
        var r = Run(method, workers, 0.0);
        Assert.Equal(600, r.Evaluations.Length);
        Assert.Equal(600, r.Cluster.TasksCompleted);
        // Unit-time tasks on K identical workers, always busy: makespan = budget / K.
        Assert.Equal(600.0 / workers, r.Cluster.MakespanSeconds, 9);
        Assert.Equal(r.Evaluations.Select(e => e.ArrivedAt).Order(), r.Evaluations.Select(e => e.ArrivedAt));
        Assert.Equal(r.Evaluations, Run(method, workers, 0.0).Evaluations, new EvaluationComparer());
    }

    [Fact]
    public void Noise_changes_what_the_method_learns_but_records_true_objectives()
    {
        var clean = Run("dl", 2, 0.0);
        var noisy = Run("dl", 2, 0.05);
        var p = MocoInstances.Create(MocoProblemKind.BiTsp, 20, 0, Root);
        var obj = new double[2];
        foreach (var e in noisy.Evaluations)
        {
            p.Evaluate((int[])e.Solution.Clone(), obj);
            Assert.Equal(obj, e.Objectives);
        }

        Assert.NotEqual(clean.Evaluations.Select(e => e.Objectives[0]), noisy.Evaluations.Select(e => e.Objectives[0]));
    }

    [Fact]
    public void Bad_run_settings_name_the_field()
    {
        Assert.Contains("MOCO budget must be >= 1",
            Assert.Throws<ArgumentOutOfRangeException>(() => new MocoRunConfig { Cluster = new ClusterConfig { Workers = 1 }, Budget = 0 }).Message);
        Assert.Contains("NoiseFraction",
            Assert.Throws<ArgumentOutOfRangeException>(() => new MocoRunConfig { Cluster = new ClusterConfig { Workers = 1 }, Budget = 1, NoiseFraction = double.NaN }).Message);
    }

    private sealed class EvaluationComparer : IEqualityComparer<MocoEvaluation>
    {
        public bool Equals(MocoEvaluation? a, MocoEvaluation? b) =>
            a!.Index == b!.Index && a.Worker == b.Worker && a.ArrivedAt == b.ArrivedAt && a.Objectives.SequenceEqual(b.Objectives) && a.Solution.SequenceEqual(b.Solution);

        public int GetHashCode(MocoEvaluation e) => e.Index;
    }
}
