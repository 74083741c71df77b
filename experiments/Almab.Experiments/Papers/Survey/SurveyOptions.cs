namespace Almab.Experiments.Papers.Survey;

/// <summary>
/// The parameters of <c>almab survey</c> a user may change: batch sizes B (batch part), aggregation periods P
/// (federated part) and the ridge lambda of LinUCB and linear TS (contextual part). They enter the cells (B as Workers,
/// P in the scheme name, lambda as Noise), so a run with other values is a different experiment for --resume.
/// </summary>
public sealed record SurveyOptions
{
    /// <summary>The defaults the claims use: B = 1, 4, 16, 64; P = 1, 10, 100; lambda = 1.</summary>
    public static SurveyOptions Default { get; } = new();

    /// <summary>Batch sizes B (each &gt;= 1, 1 included: the extra regret is measured against B = 1).</summary>
    public IReadOnlyList<int> BatchSizes { get; init; } = [1, 4, 16, 64];

    /// <summary>Periodic aggregation periods P (each &gt;= 1, 1 included: the reference of the communication verdicts).</summary>
    public IReadOnlyList<int> Periods { get; init; } = [1, 10, 100];

    /// <summary>Ridge regularization lambda of the contextual policies (finite, &gt; 0).</summary>
    public double Lambda { get; init; } = 1.0;

    /// <summary>Checks every value; the message names the option and the rule, on one line.</summary>
    public SurveyOptions Validated()
    {
        if (BatchSizes.FirstOrDefault(b => b < 1, 1) is int badB && badB < 1)
        {
            throw new Cli.UsageException($"--batch-sizes: batch size B must be >= 1, got {badB}");
        }

        if (!BatchSizes.Contains(1))
        {
            throw new Cli.UsageException("--batch-sizes: must include B = 1 (the extra regret is measured against it)");
        }

        if (Periods.FirstOrDefault(p => p < 1, 1) is int badP && badP < 1)
        {
            throw new Cli.UsageException($"--periods: aggregation period P must be >= 1, got {badP}");
        }

        if (!Periods.Contains(1))
        {
            throw new Cli.UsageException("--periods: must include P = 1 (the communication verdicts compare with it)");
        }

        if (!(Lambda > 0) || !double.IsFinite(Lambda))
        {
            throw new Cli.UsageException($"--lambda: ridge lambda must be finite and > 0, got {Lambda.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        return this;
    }
}
