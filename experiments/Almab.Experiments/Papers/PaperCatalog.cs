using Almab.Experiments.Papers.AlmabDc;
using Almab.Experiments.Papers.Ata;
using Almab.Experiments.Papers.Bai;
using Almab.Experiments.Papers.Moco;
using Almab.Experiments.Papers.Survey;

namespace Almab.Experiments.Papers;

/// <summary>Every paper Almab reproduces, in help order: the one place a new paper is registered.</summary>
public static class PaperCatalog
{
    /// <summary>The registered papers.</summary>
    public static IReadOnlyList<IPaper> All { get; } =
    [
        new AlmabDcPaper(),
        new AtaPaper(),
        new BaiPaper(),
        new MocoPaper(),
        new SurveyPaper(),
    ];
}
