using MathNet.Numerics.LinearAlgebra;

namespace Almab.Sim.Scaling;

/// <summary>
/// Projected Levenberg–Marquardt for small least-squares problems (a handful of parameters): Marquardt's scaling of
/// the damping by diag(J^T J), damping divided by 3 on success and multiplied by 4 on failure.
/// </summary>
internal static class LevenbergMarquardt
{
    internal sealed record Solution(double[] Parameters, double ResidualSumOfSquares, double[,] InverseNormalMatrix, int Iterations);

    public static Solution Minimize(ILeastSquaresModel model, double[] start, int maxIterations = 500)
    {
        int m = model.ParameterCount, n = model.PointCount;
        var theta = (double[])start.Clone();
        model.Project(theta);
        var r = new double[n];
        var j = new double[n, m];
        model.Evaluate(theta, r, j);
        double rss = SumOfSquares(r);
        double lambda = 1e-3;
        var trial = new double[m];
        var rTrial = new double[n];
        var jTrial = new double[n, m];
        int iteration = 0;
        for (; iteration < maxIterations; iteration++)
        {
            var (jtj, jtr) = NormalEquations(j, r, m, n);
            bool improved = false;
            while (lambda < 1e16)
            {
                var a = jtj.Clone();
                for (int d = 0; d < m; d++)
                {
                    a[d, d] += lambda * Math.Max(jtj[d, d], 1e-12);
                }

                var step = a.Solve(-jtr);
                for (int d = 0; d < m; d++)
                {
                    trial[d] = theta[d] + step[d];
                }

                model.Project(trial);
                model.Evaluate(trial, rTrial, jTrial);
                double rssTrial = SumOfSquares(rTrial);
                if (double.IsFinite(rssTrial) && rssTrial <= rss)
                {
                    double change = rss - rssTrial;
                    double moved = 0;
                    for (int d = 0; d < m; d++)
                    {
                        moved = Math.Max(moved, Math.Abs(trial[d] - theta[d]) / (Math.Abs(theta[d]) + 1e-12));
                    }

                    Array.Copy(trial, theta, m);
                    Array.Copy(rTrial, r, n);
                    Array.Copy(jTrial, j, jTrial.Length);
                    rss = rssTrial;
                    lambda = Math.Max(lambda / 3, 1e-15);
                    improved = change > 1e-16 * (rss + 1e-300) || moved > 1e-12;
                    break;
                }

                lambda *= 4;
            }

            if (!improved)
            {
                break;
            }
        }

        var (finalJtj, _) = NormalEquations(j, r, m, n);
        return new Solution(theta, rss, finalJtj.Inverse().ToArray(), iteration);
    }

    private static (Matrix<double> JtJ, Vector<double> JtR) NormalEquations(double[,] j, double[] r, int m, int n)
    {
        var jtj = Matrix<double>.Build.Dense(m, m);
        var jtr = Vector<double>.Build.Dense(m);
        for (int a = 0; a < m; a++)
        {
            double g = 0;
            for (int i = 0; i < n; i++)
            {
                g += j[i, a] * r[i];
            }

            jtr[a] = g;
            for (int b = 0; b < m; b++)
            {
                double s = 0;
                for (int i = 0; i < n; i++)
                {
                    s += j[i, a] * j[i, b];
                }

                jtj[a, b] = s;
            }
        }

        return (jtj, jtr);
    }

    private static double SumOfSquares(ReadOnlySpan<double> r)
    {
        double s = 0;
        foreach (double v in r)
        {
            s += v * v;
        }

        return s;
    }
}
