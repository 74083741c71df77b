namespace Almab.Algorithms.Optimizers.Baselines;

/// <summary>
/// Maximum-likelihood fit of a two-parameter logistic regression of binary outcomes on dose by Newton-Raphson
/// (Fisher scoring, identical for the canonical logit link), with safeguards: steps are capped at 5 logit units per
/// coefficient (as R's logistf), halved until the (penalized) log-likelihood does not decrease, and iterations stop
/// after 100. Optionally Firth's (1993) penalty 0.5 log det I(beta) (the Jeffreys prior), whose estimate is finite
/// even under complete separation, which is the rule rather than the exception with the handful of single-patient
/// cohorts of a dose-finding trial. The plain MLE diverges under separation: it then stops after 100 capped steps
/// (or at |beta| = 1e3) and reports that it did not converge.
/// </summary>
internal static class LogisticFit
{
    private const int MaxIterations = 100;
    private const double MaxStep = 5;
    private const double Bound = 1e3;

    /// <summary>Fits the curve; needs at least two distinct doses (otherwise the slope is not identified).</summary>
    public static LogisticCurve Fit(ReadOnlySpan<double> doses, ReadOnlySpan<double> outcomes, bool firth, out bool converged)
    {
        if (doses.Length != outcomes.Length)
        {
            throw new ArgumentException($"{doses.Length} doses but {outcomes.Length} outcomes");
        }

        if (!HasTwoDistinct(doses))
        {
            throw new ArgumentException("a logistic dose-response fit needs observations at two or more distinct doses");
        }

        double a = 0, b = 0;
        double objective = Objective(doses, outcomes, a, b, firth);
        converged = false;
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            Step(doses, outcomes, a, b, firth, out double da, out double db);
            double scale = Math.Max(Math.Abs(da), Math.Abs(db)) > MaxStep ? MaxStep / Math.Max(Math.Abs(da), Math.Abs(db)) : 1.0;
            da *= scale;
            db *= scale;
            double na = a + da, nb = b + db, next = Objective(doses, outcomes, na, nb, firth);
            for (int halving = 0; halving < 40 && !(next >= objective - 1e-12 * Math.Abs(objective)); halving++)
            {
                da *= 0.5;
                db *= 0.5;
                na = a + da;
                nb = b + db;
                next = Objective(doses, outcomes, na, nb, firth);
            }

            a = Math.Clamp(na, -Bound, Bound);
            b = Math.Clamp(nb, -Bound, Bound);
            objective = Objective(doses, outcomes, a, b, firth);
            if (Math.Max(Math.Abs(da), Math.Abs(db)) < 1e-10 * (1 + Math.Max(Math.Abs(a), Math.Abs(b))))
            {
                converged = true;
                break;
            }

            if (Math.Abs(a) >= Bound || Math.Abs(b) >= Bound)
            {
                break;
            }
        }

        return new LogisticCurve(a, b);
    }

    public static bool HasTwoDistinct(ReadOnlySpan<double> doses)
    {
        for (int i = 1; i < doses.Length; i++)
        {
            if (doses[i] != doses[0])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The Newton step I^-1 U (U the score, Firth-modified when asked).</summary>
    private static void Step(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double a, double b, bool firth, out double da, out double db)
    {
        var info = Information(x, a, b);
        double det = info.Determinant;
        double i11 = info.A22 / det, i12 = -info.A12 / det, i22 = info.A11 / det;
        double u1 = 0, u2 = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double p = Sigmoid(a + b * x[i]);
            double residual = y[i] - p;
            if (firth)
            {
                // Hat value h = w f^T I^-1 f; Firth's score adds h (1/2 - p).
                double w = p * (1 - p);
                double h = w * (i11 + 2 * i12 * x[i] + i22 * x[i] * x[i]);
                residual += h * (0.5 - p);
            }

            u1 += residual;
            u2 += residual * x[i];
        }

        da = i11 * u1 + i12 * u2;
        db = i12 * u1 + i22 * u2;
    }

    private static DoseInformation Information(ReadOnlySpan<double> x, double a, double b)
    {
        var info = default(DoseInformation);
        for (int i = 0; i < x.Length; i++)
        {
            double p = Sigmoid(a + b * x[i]);
            info.Add(p * (1 - p), x[i]);
        }

        return info;
    }

    /// <summary>Log-likelihood, plus 0.5 log det I for Firth.</summary>
    private static double Objective(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double a, double b, bool firth)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double eta = a + b * x[i];

            // log p = -softplus(-eta), log(1 - p) = -softplus(eta).
            sum -= y[i] * Softplus(-eta) + (1 - y[i]) * Softplus(eta);
        }

        if (firth)
        {
            double det = Information(x, a, b).Determinant;
            sum += det > 0 ? 0.5 * Math.Log(det) : double.NegativeInfinity;
        }

        return sum;
    }

    private static double Softplus(double z) => Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z)));

    private static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));
}
