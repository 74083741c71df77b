namespace Almab.Algorithms.MultiObjective.Problems;

/// <summary>
/// Multi-objective Euclidean TSP (D&amp;L appendix 10.1.1; PMOCO <c>MOTSP/MOTSProblemDef.py</c>): every city has one point
/// in [0,1]² per objective and objective m is the closed tour length under coordinate set m. Distances are precomputed.
/// </summary>
public sealed class TspProblem : IMocoProblem
{
    private readonly double[][] _distance; // per objective, n × n row-major

    /// <param name="spec">The benchmark configuration.</param>
    /// <param name="coordinates">Per objective, n × 2 row-major city coordinates.</param>
    public TspProblem(MocoSpec spec, double[][] coordinates)
    {
        if (coordinates.Length != spec.ObjectiveCount)
        {
            throw new ArgumentException(
                $"{spec.Label} defines {spec.ObjectiveCount} objectives, but {coordinates.Length} coordinate sets were given");
        }

        if (spec.Size != coordinates[0].Length / 2 || coordinates.Any(c => c.Length != coordinates[0].Length || c.Length % 2 != 0))
        {
            throw new ArgumentException($"{spec.Label} needs {spec.Size} cities (x, y) in every coordinate set");
        }

        Spec = spec;
        ObjectiveCount = coordinates.Length;
        Length = coordinates[0].Length / 2;
        Coordinates = coordinates;
        _distance = new double[ObjectiveCount][];
        int n = Length;
        for (int m = 0; m < ObjectiveCount; m++)
        {
            var c = coordinates[m];
            var d = new double[n * n];
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double dx = c[2 * i] - c[2 * j];
                    double dy = c[2 * i + 1] - c[2 * j + 1];
                    d[i * n + j] = Math.Sqrt(dx * dx + dy * dy);
                }
            }

            _distance[m] = d;
        }
    }

    public MocoSpec Spec { get; }

    public int Length { get; }

    public MocoEncoding Encoding => MocoEncoding.Permutation;

    public int ObjectiveCount { get; }

    /// <summary>Per objective, the n × 2 coordinates.</summary>
    public double[][] Coordinates { get; }

    /// <summary>Distance between cities a and b under objective m.</summary>
    public double Distance(int m, int a, int b) => _distance[m][a * Length + b];

    /// <summary>The row-major n × n distance matrix of objective m (read-only use).</summary>
    public ReadOnlySpan<double> DistanceMatrix(int m) => _distance[m];

    public void Evaluate(Span<int> solution, Span<double> objectives)
    {
        SolutionCheck.Permutation(solution, Length);
        int n = Length;
        for (int m = 0; m < ObjectiveCount; m++)
        {
            var d = _distance[m];
            double total = d[solution[n - 1] * n + solution[0]];
            for (int i = 0; i + 1 < n; i++)
            {
                total += d[solution[i] * n + solution[i + 1]];
            }

            objectives[m] = total;
        }
    }

    public double Locality(int a, int b)
    {
        double s = 0;
        for (int m = 0; m < ObjectiveCount; m++)
        {
            s += Distance(m, a, b);
        }

        return s / ObjectiveCount;
    }
}
