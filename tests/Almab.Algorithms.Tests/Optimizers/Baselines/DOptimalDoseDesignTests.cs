using Almab.Algorithms.Objectives;
using Almab.Algorithms.Objectives.Cases;
using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Optimizers.Baselines;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;
using Almab.Algorithms.Tests.Optimizers.Contract;

namespace Almab.Algorithms.Tests.Optimizers.Baselines;

/// <summary>D-optimal dose design told Bernoulli-utility cohorts of case 4: the optimizer contract.</summary>
public sealed class DOptimalDoseDesignContractTests : OptimizerContract
{
    private static readonly DoseResponseObjective Case4 = new(DoseObservationModel.BernoulliUtility);

    protected override SearchSpace Space => Case4.Space;

    protected override bool IsRandomized => false;

    protected override IOptimizer Create(Seed seed) => new DOptimalDoseDesign(Space);

    protected override Observation Observe(Trial trial, Rng rng) => Case4.Evaluate(trial.Configuration, 1.0, rng);
}

/// <summary>Fisher information, logistic fits and the sequential design against closed forms and simulation.</summary>
public sealed class DOptimalDoseDesignTests
{
    private static readonly LogisticCurve TrueEfficacy = new(-1.5, 0.9);
    private static readonly LogisticCurve TrueToxicity = new(-5.0, 1.2);

    [Fact]
    public void FisherInformationMatchesTheClosedFormAndTheHessianOfTheLogLikelihood()
    {
        var curve = new LogisticCurve(-1.0, 0.7);
        double[] x = [0.5, 2.0, 2.0, 6.5];
        var info = default(DoseInformation);
        foreach (double d in x)
        {
            info.Add(curve.Weight(d), d);
        }

        // Two-point closed form: det = w1 w2 (x2 - x1)^2.
        var two = default(DoseInformation);
        two.Add(curve.Weight(1), 1);
        two.Add(curve.Weight(4), 4);
        Assert.Equal(curve.Weight(1) * curve.Weight(4) * 9, two.Determinant, 14);

        // For the canonical logit link the information is minus the Hessian of the log-likelihood for any outcomes.
        double[] y = [1, 0, 1, 1];
        double LogLik(double a, double b)
        {
            double s = 0;
            for (int i = 0; i < x.Length; i++)
            {
                double p = new LogisticCurve(a, b).Probability(x[i]);
                s += y[i] * Math.Log(p) + (1 - y[i]) * Math.Log(1 - p);
            }

            return s;
        }

        const double h = 1e-4;
        double a0 = curve.Intercept, b0 = curve.Slope;
        double haa = (LogLik(a0 + h, b0) - 2 * LogLik(a0, b0) + LogLik(a0 - h, b0)) / (h * h);
        double hbb = (LogLik(a0, b0 + h) - 2 * LogLik(a0, b0) + LogLik(a0, b0 - h)) / (h * h);
        double hab = (LogLik(a0 + h, b0 + h) - LogLik(a0 + h, b0 - h) - LogLik(a0 - h, b0 + h) + LogLik(a0 - h, b0 - h)) / (4 * h * h);
        Assert.Equal(-haa, info.A11, 5);
        Assert.Equal(-hab, info.A12, 5);
        Assert.Equal(-hbb, info.A22, 5);
        Assert.Equal(info.DeterminantWith(curve.Weight(3), 3), Det(info, curve.Weight(3), 3), 12);
    }

    private static double Det(DoseInformation m, double w, double x)
    {
        m.Add(w, x);
        return m.Determinant;
    }

    [Fact]
    public void TwoDoseFitsHaveClosedForms()
    {
        // Dose 1: 3 of 10 respond; dose 4: 6 of 8. The model is saturated, so the MLE reproduces the observed
        // proportions and Firth's estimate the proportions (s + 1/2) / (n + 1).
        var x = new List<double>();
        var y = new List<double>();
        for (int i = 0; i < 10; i++)
        {
            x.Add(1);
            y.Add(i < 3 ? 1 : 0);
        }

        for (int i = 0; i < 8; i++)
        {
            x.Add(4);
            y.Add(i < 6 ? 1 : 0);
        }

        static double Logit(double p) => Math.Log(p / (1 - p));
        var mle = LogisticFit.Fit(x.ToArray(), y.ToArray(), firth: false, out bool c1);
        var firth = LogisticFit.Fit(x.ToArray(), y.ToArray(), firth: true, out bool c2);
        Assert.True(c1 && c2);
        Assert.Equal(Logit(0.3), mle.Logit(1), 9);
        Assert.Equal(Logit(0.75), mle.Logit(4), 9);
        Assert.Equal(Logit(3.5 / 11), firth.Logit(1), 9);
        Assert.Equal(Logit(6.5 / 9), firth.Logit(4), 9);
    }

    [Fact]
    public void FirthStaysFiniteUnderCompleteSeparation()
    {
        var fit = LogisticFit.Fit([0.0, 2.0, 5.5, 8.0], [0.0, 0.0, 1.0, 1.0], firth: true, out bool converged);
        Assert.True(converged);
        Assert.True(fit.Slope > 0 && fit.Slope < 10, $"slope {fit.Slope}");
        LogisticFit.Fit([0.0, 2.0, 5.5, 8.0], [0.0, 0.0, 1.0, 1.0], firth: false, out bool mleConverged);
        Assert.False(mleConverged);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void FitsRecoverTheParametersOfSimulatedCase4Curves(bool firth)
    {
        var rng = new Seed(2024).CreateRng();
        var levels = Enumerable.Range(0, 33).Select(i => 0.25 * i).ToArray();
        const int n = 3300;
        var x = new double[n];
        var eff = new double[n];
        var tox = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = levels[i % 33];
            eff[i] = rng.NextDouble() < TrueEfficacy.Probability(x[i]) ? 1 : 0;
            tox[i] = rng.NextDouble() < TrueToxicity.Probability(x[i]) ? 1 : 0;
        }

        AssertWithinFourStandardErrors(LogisticFit.Fit(x, eff, firth, out _), TrueEfficacy, x);
        AssertWithinFourStandardErrors(LogisticFit.Fit(x, tox, firth, out _), TrueToxicity, x);
    }

    private static void AssertWithinFourStandardErrors(LogisticCurve fitted, LogisticCurve truth, IEnumerable<double> doses)
    {
        var info = default(DoseInformation);
        foreach (double d in doses)
        {
            info.Add(truth.Weight(d), d);
        }

        double seA = Math.Sqrt(info.A22 / info.Determinant), seB = Math.Sqrt(info.A11 / info.Determinant);
        Assert.True(Math.Abs(fitted.Intercept - truth.Intercept) < 4 * seA, $"intercept {fitted.Intercept} vs {truth.Intercept} (se {seA})");
        Assert.True(Math.Abs(fitted.Slope - truth.Slope) < 4 * seB, $"slope {fitted.Slope} vs {truth.Slope} (se {seB})");
    }

    [Fact]
    public void SequentialChoicesConvergeToTheLocallyDOptimalTwoPointDesign()
    {
        // For one two-parameter logistic model the D-optimal design puts half the cohorts at each of the logits
        // +-1.5434 (p = 0.176 and 0.824). With both models equal, the criterion is twice one model's log det.
        var curve = new LogisticCurve(-4.0, 1.0);
        var levels = Enumerable.Range(0, 801).Select(i => 0.01 * i).ToArray();
        var m = default(DoseInformation);
        m.Add(curve.Weight(2), 2);
        m.Add(curve.Weight(6), 6);
        int low = 0, high = 0;
        const int steps = 400;
        for (int i = 0; i < steps; i++)
        {
            double x = DOptimalDoseDesign.SelectDose(levels, curve, curve, m, m);
            m.Add(curve.Weight(x), x);
            low += Math.Abs(x - (4 - 1.5434)) <= 0.05 ? 1 : 0;
            high += Math.Abs(x - (4 + 1.5434)) <= 0.05 ? 1 : 0;
        }

        Assert.True(low + high >= 0.95 * steps, $"{low} + {high} of {steps} choices near the optimal support");
        Assert.InRange(low, 0.45 * steps, 0.55 * steps);
    }

    [Fact]
    public void TheDesignLearnsBothCurvesFromBernoulliUtilityCohorts()
    {
        var objective = new DoseResponseObjective(DoseObservationModel.BernoulliUtility);
        var design = new DOptimalDoseDesign(objective.Space, new DOptimalDoseOptions
        {
            InitialDesign = [new Configuration([0.0]), new Configuration([2.0]), new Configuration([5.5]), new Configuration([8.0])],
        });
        var rng = new Seed(31).CreateRng();
        var doses = new List<double>();
        for (int round = 0; round < 100; round++)
        {
            var batch = design.Ask(4);
            Assert.Equal(4, batch.Count);
            foreach (var t in batch)
            {
                doses.Add(t.Configuration[0]);
                design.Tell(t, objective.Evaluate(t.Configuration, 1.0, rng));
            }
        }

        Assert.Equal([0.0, 2.0, 5.5, 8.0], doses.Take(4));
        _ = design.RecommendedDose;
        AssertWithinFourStandardErrors(design.Efficacy, TrueEfficacy, doses);
        AssertWithinFourStandardErrors(design.Toxicity, TrueToxicity, doses);
    }

    [Fact]
    public void UndecodableObservationsAndBadOptionsAreRejected()
    {
        var space = EqualSpacingDesignTests.Doses;
        var design = new DOptimalDoseDesign(space);
        var trial = design.Ask(1)[0];
        var ex = Assert.Throws<ArgumentException>(() => design.Tell(trial, new Observation(-0.37)));
        Assert.Contains("BernoulliUtility", ex.Message);
        Assert.Equal(1, design.PendingCount);
        design.Tell(trial, new Observation(0.5));
        Assert.Equal(1, design.ObservationCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DOptimalDoseDesign(space, new DOptimalDoseOptions { Lambda = 1 }));
        Assert.Contains("two distinct", Assert.Throws<ArgumentException>(
            () => new DOptimalDoseDesign(space, new DOptimalDoseOptions { InitialDesign = [new Configuration([1.0]), new Configuration([1.0])] })).Message);
        Assert.Throws<ArgumentException>(() => new DOptimalDoseDesign(new SearchSpace([Parameter.Float("dose", 0, 8)])));
    }
}
