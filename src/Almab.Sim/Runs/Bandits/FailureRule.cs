namespace Almab.Sim.Runs.Bandits;

/// <summary>What a bandit run does with a failed pull (a crash or timeout of the evaluation). Never counted as a reward.</summary>
public enum FailureRule
{
    /// <summary>The same arm is pulled again at the next free worker; the policy keeps it pending.</summary>
    Retry,

    /// <summary>The pull is withdrawn from the policy (it needs <see cref="Almab.Algorithms.Bandits.IAbandonablePolicy"/>), which decides afresh.</summary>
    Drop,
}
