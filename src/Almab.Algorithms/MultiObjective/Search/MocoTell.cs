namespace Almab.Algorithms.MultiObjective.Search;

/// <summary>Shared checks for <see cref="IMocoSearch.Tell"/>.</summary>
internal static class MocoTell
{
    public static void Check(string method, ReadOnlySpan<double> objectives, int expected)
    {
        if (objectives.Length != expected)
        {
            throw new ArgumentException($"{method}: told {objectives.Length} objectives, expected {expected}");
        }

        for (int k = 0; k < objectives.Length; k++)
        {
            if (!double.IsFinite(objectives[k]))
            {
                throw new ArgumentException($"{method}: objective {k} is {objectives[k]}; objectives must be finite");
            }
        }
    }
}
