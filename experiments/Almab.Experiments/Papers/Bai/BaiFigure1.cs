using System.Globalization;
using System.Text;
using Almab.Algorithms.BestArm;
using Almab.Algorithms.BestArm.Agents;
using Almab.Algorithms.Randomness;
using Almab.Reports.Statistics;

namespace Almab.Experiments.Papers.Bai;

/// <summary>
/// The section 5 two-arm study (Figure 1 analogue): SH-RR's failure probability as the mean consumption d shrinks,
/// with deterministic consumption d against Bernoulli(d) consumption (independent of the reward). Protocol note: the
/// extracted text lost the study's rewards and budget; Almab uses r = (0.5, 0.4) and C = 10 (our choice, stated in
/// every output), d from 1 down to 0.01, and 10 × --trials trials per point.
/// </summary>
public static class BaiFigure1
{
    /// <summary>Mean rewards of the two arms (ours).</summary>
    public static readonly double[] Means = [0.5, 0.4];

    /// <summary>Budget C (ours).</summary>
    public const double Budget = 10;

    /// <summary>The mean consumptions d.</summary>
    public static readonly double[] Consumptions = [1.0, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01];

    /// <summary>One point of the study.</summary>
    public sealed record Point(double D, string Model, ProportionInterval Failure, double MeanPulls);

    /// <summary>Runs the study and writes figure1.csv / figure1.md (and the figure) into <paramref name="dir"/>.</summary>
    public static IReadOnlyList<Point> Run(int trials, Seed root, int threads, string dir, TextWriter writer)
    {
        int n = checked(trials * 10);
        var jobs = Consumptions.SelectMany(d => new[] { ConsumptionModel.Deterministic, ConsumptionModel.Uncorrelated }.Select(m => (d, m))).ToArray();
        var points = new Point[jobs.Length];
        Parallel.For(0, jobs.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, j =>
        {
            var (d, model) = jobs[j];
            var instance = BestArmInstance.Create($"two-arm/d={d.ToString("R", CultureInfo.InvariantCulture)}", Means, [[d, d]], [Budget]);
            var environment = new BestArmEnvironment(instance, model);
            var agent = new ShRrAgent();
            var episode = new BestArmEpisode();
            Seed pointSeed = root.Derive("bai-figure1").Derive(instance.Name).Derive(BaiNames.Model(model));
            long failures = 0, pulls = 0;
            for (int i = 0; i < n; i++)
            {
                var outcome = episode.Run(environment, agent, pointSeed.Derive(i));
                failures += outcome.Success ? 0 : 1;
                pulls += outcome.Pulls;
            }

            points[j] = new Point(d, model == ConsumptionModel.Deterministic ? "deterministic" : "bernoulli", Proportions.Wilson(failures, n), (double)pulls / n);
        });

        Directory.CreateDirectory(dir);
        var csv = new StringBuilder("d,consumption,trials,failures,failure,failure_lower,failure_upper,mean_pulls\n");
        var md = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"# SH-RR, two arms (section 5, Figure 1 analogue)\n\nr = ({Means[0]}, {Means[1]}), C = {Budget}, {n} trials per point (Almab's choice: the paper's values were lost in extraction). Failure probability [95 % Wilson].\n\n| d | deterministic d | Bernoulli(d) | mean pulls (det. / Bern.) |\n|---|---|---|---|\n"));
        foreach (var d in Consumptions)
        {
            var det = points.First(p => p.D == d && p.Model == "deterministic");
            var ber = points.First(p => p.D == d && p.Model == "bernoulli");
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {d} | {det.Failure.Estimate:F4} [{det.Failure.Lower:F4}, {det.Failure.Upper:F4}] | {ber.Failure.Estimate:F4} [{ber.Failure.Lower:F4}, {ber.Failure.Upper:F4}] | {det.MeanPulls:F1} / {ber.MeanPulls:F1} |"));
        }

        md.AppendLine();
        md.AppendLine("Claim (section 5): \"the failure probability for the deterministic instance is always less than that for the Bernoulli one\" — one-sided pooled two-proportion z-test per d < 1 (at d = 1 both are the same instance), Holm-corrected:");
        md.AppendLine();
        var tested = Consumptions.Where(d => d < 1).ToArray();
        var raw = tested.Select(d =>
        {
            var det = points.First(p => p.D == d && p.Model == "deterministic").Failure;
            var ber = points.First(p => p.D == d && p.Model == "bernoulli").Failure;
            return Proportions.TwoProportionZTest(det.Successes, det.Trials, ber.Successes, ber.Trials, Alternative.Less).PValue;
        }).ToArray();
        var adjusted = PValueAdjustment.Adjust(raw, PValueCorrection.Holm);
        for (int i = 0; i < tested.Length; i++)
        {
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"- d = {tested[i]}: Holm p = {adjusted[i]:G3} → {(adjusted[i] < 0.05 ? "deterministic significantly lower" : "no significant difference")}"));
        }

        int held = adjusted.Count(p => p < 0.05);
        md.AppendLine();
        md.AppendLine($"Verdict: {(held == tested.Length ? "reproduced" : held == 0 ? "not reproduced" : $"partly reproduced ({held} of {tested.Length} values of d)")}.");
        foreach (var p in points)
        {
            csv.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{p.D:R},{p.Model},{p.Failure.Trials},{p.Failure.Successes},{p.Failure.Estimate:R},{p.Failure.Lower:R},{p.Failure.Upper:R},{p.MeanPulls:R}"));
        }

        File.WriteAllText(Path.Combine(dir, "figure1.csv"), csv.ToString());
        File.WriteAllText(Path.Combine(dir, "figure1.md"), md.ToString());
        writer.WriteLine(md.ToString());
        writer.WriteLine(BaiFigures.Figure1(points, dir));
        writer.WriteLine($"wrote {Path.Combine(dir, "figure1.md")}, figure1.csv");
        return points;
    }
}
