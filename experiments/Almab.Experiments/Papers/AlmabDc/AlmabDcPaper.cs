using Almab.Experiments.Cli;
using Almab.Experiments.Papers.AlmabDc.Verbs;
using Almab.Experiments.Verbs;

namespace Almab.Experiments.Papers.AlmabDc;

/// <summary>ALMAB-DC (shared/papers/000): cases 1-5 and the illustrative example, run as case grids.</summary>
public sealed class AlmabDcPaper : IPaper
{
    /// <inheritdoc />
    public string Id => "almab-dc";

    /// <inheritdoc />
    public string Source => "000_ec1fdfc41fd96cda.txt: ALMAB-DC, active learning + multi-armed bandits + distributed computing";

    /// <inheritdoc />
    public IReadOnlyList<ICliVerb> Verbs { get; } =
    [
        new ListVerb(),
        new RunVerb(),
        new SlurmVerb(),
        new ScalingVerb(),
        new ClaimsVerb(),
        new ReportVerb(),
        new AppendixCVerb(),
        new IllustrativeCvVerb(),
    ];
}
