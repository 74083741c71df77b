using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Almab.Experiments.Store;

/// <summary>The prepared insert statements of <see cref="ResultStore"/>.</summary>
public sealed partial class ResultStore
{
    /// <summary>
    /// The insert statements (<see cref="PreparedInsert"/>): a replicate's row, then its evaluation rows, which bind
    /// ?1 (the replicate's id) once and only their own nine values each.
    /// </summary>
    private sealed class Inserts : IDisposable
    {
        private readonly PreparedInsert _replicate;
        private readonly PreparedInsert _evaluation;
        private readonly PreparedInsert _evaluations;

        /// <summary>Evaluation rows one statement of <see cref="_evaluations"/> inserts (a replicate's rows go in groups of this).</summary>
        private const int Group = 8;

        private const int RowValues = 9;

        public Inserts(SqliteConnection connection)
        {
            _replicate = new PreparedInsert(connection,
                $"INSERT INTO replicates({CellColumns}, seed, metric_name, final_metric, cumulative_regret, makespan_seconds, compute_seconds, evaluations, crashed_attempts) " +
                "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
            const string evaluationInsert = "INSERT INTO evaluation_rows(replicate_id, idx, virtual_seconds, compute_seconds, worker, configuration, observed, true_value, best_so_far, metric) VALUES";
            _evaluation = new PreparedInsert(connection, evaluationInsert + Tuple(0));
            _evaluations = new PreparedInsert(connection, evaluationInsert + string.Join(", ", Enumerable.Range(0, Group).Select(Tuple)));

            // Row j of a statement binds ?1 (the replicate's id) and its own nine values from ?(2 + 9j).
            static string Tuple(int j) => "(?1, " + string.Join(", ", Enumerable.Range(2 + (RowValues * j), RowValues).Select(i => $"?{i}")) + ")";
        }

        public void Add(ReplicateResult result)
        {
            var cell = result.Cell;
            _replicate.Text(1, cell.CaseId);
            _replicate.Text(2, cell.Method);
            _replicate.Int(3, cell.Workers);
            _replicate.Int(4, cell.Budget);
            _replicate.Double(5, cell.Noise);
            _replicate.Int(6, cell.Replicate);
            _replicate.Text(7, result.Seed.ToString(CultureInfo.InvariantCulture));
            _replicate.Text(8, result.MetricName);
            _replicate.Double(9, result.FinalMetric);
            _replicate.Nullable(10, result.CumulativeRegret);
            _replicate.Double(11, result.MakespanSeconds);
            _replicate.Double(12, result.ComputeSeconds);
            _replicate.Int(13, result.Evaluations.Length);
            if (result.CrashedAttempts is int crashed)
            {
                _replicate.Int(14, crashed);
            }
            else
            {
                _replicate.Null(14);
            }

            _replicate.Step();

            // The id SQLite gave the replicate's row (its INTEGER PRIMARY KEY): the key of its evaluations. Rows go in
            // groups of eight per statement, the rest one by one: each statement executed costs a step and a reset.
            long id = _replicate.LastRowId;
            _evaluations.Long(1, id);
            _evaluation.Long(1, id);
            var rows = result.Evaluations.AsSpan();
            int grouped = rows.Length - (rows.Length % Group);
            for (int start = 0; start < grouped; start += Group)
            {
                for (int j = 0; j < Group; j++)
                {
                    Bind(_evaluations, 2 + (RowValues * j), rows[start + j]);
                }

                _evaluations.Step();
            }

            foreach (var e in rows[grouped..])
            {
                Bind(_evaluation, 2, e);
                _evaluation.Step();
            }
        }

        private static void Bind(PreparedInsert statement, int first, EvaluationRow e)
        {
            statement.Int(first, e.Index);
            statement.Double(first + 1, e.VirtualSeconds);
            statement.Double(first + 2, e.ComputeSeconds);
            statement.Int(first + 3, e.Worker);
            statement.Text(first + 4, e.Configuration);
            statement.Double(first + 5, e.Observed);
            statement.Nullable(first + 6, e.TrueValue);
            statement.Nullable(first + 7, e.BestSoFar);
            statement.Nullable(first + 8, e.Metric);
        }

        public void Dispose()
        {
            _replicate.Dispose();
            _evaluation.Dispose();
            _evaluations.Dispose();
        }
    }
}
