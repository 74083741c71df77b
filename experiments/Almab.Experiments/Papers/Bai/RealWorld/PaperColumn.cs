namespace Almab.Experiments.Papers.Bai.RealWorld;

/// <summary>One column of the paper's Table 1 or 2: a data set, its time budget and each agent's failure probability.</summary>
public sealed record PaperColumn
{
    /// <summary>The paper's data set name.</summary>
    public required string Name { get; init; }

    /// <summary>Table number (1 or 2).</summary>
    public required int Table { get; init; }

    /// <summary>The paper's time budget, seconds (appendix C.3).</summary>
    public required double BudgetSeconds { get; init; }

    /// <summary>Failure probability by Almab agent name.</summary>
    public required IReadOnlyDictionary<string, double> Failure { get; init; }
}
