using Almab.Experiments.Papers.Bai;

namespace Almab.Experiments.Tests.Papers.Bai;

public sealed class BaiClaimsTests
{
    private static BaiCellSummary Cell(string agent, string instance, int failures, int resources = 1, string env = "deterministic") =>
        new(agent, instance, env, resources, 1000, 1000 - failures, 100, 0, 0);

    private static readonly BaiClaimsFile Claims = BaiClaimsFile.Load(Path.Combine(AppContext.BaseDirectory, "claims", "bai.json"));

    [Fact]
    public void Clear_wins_support_the_hl_claim_and_ties_do_not()
    {
        var cells = new[]
        {
            Cell("sh-rr", "trap/HL", 100), Cell("uniform", "trap/HL", 400), Cell("ucb", "trap/HL", 300), Cell("at-lucb", "trap/HL", 250), Cell("dsh", "trap/HL", 350),
            Cell("sh-rr", "linear/HL", 500), Cell("uniform", "linear/HL", 505), Cell("ucb", "linear/HL", 600), Cell("at-lucb", "linear/HL", 700), Cell("dsh", "linear/HL", 520),
        };
        string md = BaiClaims.Markdown(cells, Claims);
        Assert.Contains("## shrr-best-hl: partly reproduced (1 of 2 cells)", md);
        Assert.Contains("| L=1 trap/HL deterministic |", md);
    }

    [Fact]
    public void Hh_harder_and_mixture_tests_read_the_right_cells()
    {
        var cells = new[]
        {
            Cell("sh-rr", "trap/HL", 100, 2), Cell("sh-rr", "trap/HH", 300, 2), Cell("sh-rr", "trap/Mixture", 310, 2),
        };
        string md = BaiClaims.Markdown(cells, Claims);
        Assert.Contains("## hh-harder: reproduced", md);
        Assert.Contains("## mixture-like-hh: reproduced", md);
        var reversed = new[] { Cell("sh-rr", "trap/HL", 300, 2), Cell("sh-rr", "trap/HH", 100, 2), Cell("sh-rr", "trap/Mixture", 300, 2) };
        string md2 = BaiClaims.Markdown(reversed, Claims);
        Assert.Contains("## hh-harder: not reproduced", md2);
        Assert.Contains("## mixture-like-hh: not reproduced", md2);
    }
}
