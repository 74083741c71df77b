namespace Almab.Algorithms.Tests.Allocation;

/// <summary>
/// Reference for RAS: enumerates every a in A = {a in N^n : sum a = B} and returns the minimum of
/// max_i a_i s_i and, among the minimizers, the minimum of |argmax_i a_i s_i| (ATA paper, Appendix B).
/// </summary>
internal static class BruteForceAllocation
{
    public static (double Loss, int Cardinality, int Optima) Optimum(double[] scores, int tasks)
    {
        double bestLoss = double.PositiveInfinity;
        int bestCard = int.MaxValue;
        int optima = 0;
        var a = new int[scores.Length];
        Enumerate(0, tasks);
        return (bestLoss, bestCard, optima);

        void Enumerate(int i, int left)
        {
            if (i == scores.Length - 1)
            {
                a[i] = left;
                double loss = 0.0;
                for (int j = 0; j < a.Length; j++)
                {
                    loss = Math.Max(loss, a[j] * scores[j]);
                }

                int card = 0;
                for (int j = 0; j < a.Length; j++)
                {
                    card += a[j] * scores[j] == loss ? 1 : 0;
                }

                if (loss < bestLoss)
                {
                    (bestLoss, bestCard, optima) = (loss, card, 1);
                }
                else if (loss == bestLoss)
                {
                    optima++;
                    bestCard = Math.Min(bestCard, card);
                }

                return;
            }

            for (int v = 0; v <= left; v++)
            {
                a[i] = v;
                Enumerate(i + 1, left - v);
            }
        }
    }
}
