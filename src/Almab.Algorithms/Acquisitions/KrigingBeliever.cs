using Almab.Algorithms.Surrogates;

namespace Almab.Algorithms.Acquisitions;

/// <summary>
/// Pending-evaluation awareness (ALMAB-DC sections 2.4.9, 3.9, 3.10): points handed to workers but not yet observed
/// are fantasized at the model's current posterior mean (the Kriging believer of Ginsbourger et al. 2010) before
/// candidates are scored, so variance near them collapses and asynchronous workers are not sent to the same place.
/// </summary>
public static class KrigingBeliever
{
    /// <summary>
    /// Pushes one fantasy per pending point, in order, each at the posterior mean given the previous fantasies.
    /// Returns the number pushed; undo with <see cref="Pop"/>.
    /// </summary>
    public static int PushPending(ISurrogate model, IReadOnlyList<double[]> pending)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(pending);
        Span<double> mean = stackalloc double[1];
        Span<double> variance = stackalloc double[1];
        var one = new double[1][];
        for (int i = 0; i < pending.Count; i++)
        {
            one[0] = pending[i];
            model.Predict(one, mean, variance);
            model.PushFantasy(pending[i], mean[0]);
        }

        return pending.Count;
    }

    /// <summary>Pushes one fantasy at <paramref name="point"/> at its current posterior mean.</summary>
    public static void Push(ISurrogate model, double[] point) => PushPending(model, [point]);

    /// <summary>Removes the <paramref name="count"/> most recent fantasies.</summary>
    public static void Pop(ISurrogate model, int count)
    {
        ArgumentNullException.ThrowIfNull(model);
        for (int i = 0; i < count; i++)
        {
            model.PopFantasy();
        }
    }
}
