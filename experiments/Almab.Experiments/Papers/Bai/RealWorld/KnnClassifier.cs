namespace Almab.Experiments.Papers.Bai.RealWorld;

/// <summary>
/// k-nearest-neighbour classifier, brute force, Euclidean distance, uniform weights (scikit-learn's
/// KNeighborsClassifier defaults, the paper's KNN arms with n_neighbors = 5..75): the probability of class c is the
/// fraction of the k nearest training rows in class c. Distance ties at the k-th place go to the lower training row
/// index. Squared distances are summed in double; O(train · test · columns) per pull.
/// </summary>
public sealed class KnnClassifier : IArmModel
{
    /// <summary>Creates the arm with <paramref name="k"/> &gt;= 1 neighbours.</summary>
    public KnnClassifier(int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        K = k;
    }

    /// <summary>Number of neighbours.</summary>
    public int K { get; }

    /// <inheritdoc />
    public string Name => $"knn/k={K}";

    /// <inheritdoc />
    public string Classifier => "knn";

    /// <inheritdoc />
    public double[] FitPredict(LabeledData train, LabeledData test, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        if (train.Columns != test.Columns)
        {
            throw new ArgumentException($"train has {train.Columns} columns, test {test.Columns}");
        }

        int k = Math.Min(K, train.Rows);
        int d = train.Columns, classes = train.Classes;
        var probabilities = new double[test.Rows * classes];
        var distance = new double[train.Rows];
        // The k best so far as a max-heap on (distance, index): the root is the worst kept neighbour.
        var heapDistance = new double[k];
        var heapIndex = new int[k];
        float[] x = train.Features, q = test.Features;
        for (int t = 0; t < test.Rows; t++)
        {
            var query = q.AsSpan(t * d, d);
            for (int i = 0; i < train.Rows; i++)
            {
                var row = x.AsSpan(i * d, d);
                double s = 0;
                for (int j = 0; j < d; j++)
                {
                    double diff = (double)row[j] - query[j];
                    s += diff * diff;
                }

                distance[i] = s;
            }

            int size = 0;
            for (int i = 0; i < train.Rows; i++)
            {
                if (size < k)
                {
                    heapDistance[size] = distance[i];
                    heapIndex[size] = i;
                    SiftUp(heapDistance, heapIndex, size++);
                }
                else if (distance[i] < heapDistance[0])
                {
                    // Equal distance never replaces: the earlier (lower) index stays.
                    heapDistance[0] = distance[i];
                    heapIndex[0] = i;
                    SiftDown(heapDistance, heapIndex, size);
                }
            }

            var p = probabilities.AsSpan(t * classes, classes);
            for (int i = 0; i < k; i++)
            {
                p[train.Labels[heapIndex[i]]] += 1.0 / k;
            }
        }

        return probabilities;
    }

    private static bool Worse(double[] d, int[] idx, int a, int b) => d[a] > d[b] || (d[a] == d[b] && idx[a] > idx[b]);

    private static void SiftUp(double[] d, int[] idx, int i)
    {
        while (i > 0)
        {
            int parent = (i - 1) / 2;
            if (!Worse(d, idx, i, parent))
            {
                return;
            }

            Swap(d, idx, i, parent);
            i = parent;
        }
    }

    private static void SiftDown(double[] d, int[] idx, int size)
    {
        int i = 0;
        while (true)
        {
            int l = 2 * i + 1, r = l + 1, worst = i;
            if (l < size && Worse(d, idx, l, worst))
            {
                worst = l;
            }

            if (r < size && Worse(d, idx, r, worst))
            {
                worst = r;
            }

            if (worst == i)
            {
                return;
            }

            Swap(d, idx, i, worst);
            i = worst;
        }
    }

    private static void Swap(double[] d, int[] idx, int a, int b)
    {
        (d[a], d[b]) = (d[b], d[a]);
        (idx[a], idx[b]) = (idx[b], idx[a]);
    }
}
