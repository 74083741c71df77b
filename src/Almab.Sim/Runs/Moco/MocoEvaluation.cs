namespace Almab.Sim.Runs.Moco;

/// <summary>One completed evaluation: its order of arrival, worker, virtual completion time and noise-free objectives.</summary>
public sealed record MocoEvaluation(int Index, int Worker, double ArrivedAt, double[] Objectives, int[] Solution);
