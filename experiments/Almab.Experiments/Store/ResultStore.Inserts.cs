using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Almab.Experiments.Runner;

namespace Almab.Experiments.Store;

/// <summary>The prepared insert statements of <see cref="ResultStore"/>.</summary>
public sealed partial class ResultStore
{
    /// <summary>
    /// The two insert statements, prepared once on the connection's SQLite handle and bound by index through
    /// SQLitePCLRaw. SQLite keeps bindings across resets, so a replicate's six cell columns are bound once and each
    /// evaluation row binds only its own nine values. Microsoft.Data.Sqlite's commands re-bound all fifteen by name
    /// on every row, which made the writer the limit of the parallel runner on cheap cells.
    /// </summary>
    private sealed class Inserts : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly sqlite3_stmt _replicate;
        private readonly sqlite3_stmt _evaluation;

        public Inserts(SqliteConnection connection)
        {
            _connection = connection;
            _replicate = Prepare(
                $"INSERT INTO replicates({CellColumns}, seed, metric_name, final_metric, cumulative_regret, makespan_seconds, compute_seconds, evaluations, crashed_attempts) " +
                "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
            _evaluation = Prepare(
                $"INSERT INTO evaluations({CellColumns}, idx, virtual_seconds, compute_seconds, worker, configuration, observed, true_value, best_so_far, metric) " +
                "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
        }

        public void Add(ReplicateResult result)
        {
            BindCell(_replicate, result.Cell);
            Check(raw.sqlite3_bind_text(_replicate, 7, result.Seed.ToString(CultureInfo.InvariantCulture)));
            Check(raw.sqlite3_bind_text(_replicate, 8, result.MetricName));
            Check(raw.sqlite3_bind_double(_replicate, 9, result.FinalMetric));
            BindNullable(_replicate, 10, result.CumulativeRegret);
            Check(raw.sqlite3_bind_double(_replicate, 11, result.MakespanSeconds));
            Check(raw.sqlite3_bind_double(_replicate, 12, result.ComputeSeconds));
            Check(raw.sqlite3_bind_int(_replicate, 13, result.Evaluations.Length));
            Check(result.CrashedAttempts is int crashed ? raw.sqlite3_bind_int(_replicate, 14, crashed) : raw.sqlite3_bind_null(_replicate, 14));
            Step(_replicate);

            BindCell(_evaluation, result.Cell);
            foreach (var e in result.Evaluations)
            {
                Check(raw.sqlite3_bind_int(_evaluation, 7, e.Index));
                Check(raw.sqlite3_bind_double(_evaluation, 8, e.VirtualSeconds));
                Check(raw.sqlite3_bind_double(_evaluation, 9, e.ComputeSeconds));
                Check(raw.sqlite3_bind_int(_evaluation, 10, e.Worker));
                Check(raw.sqlite3_bind_text(_evaluation, 11, e.Configuration));
                Check(raw.sqlite3_bind_double(_evaluation, 12, e.Observed));
                BindNullable(_evaluation, 13, e.TrueValue);
                BindNullable(_evaluation, 14, e.BestSoFar);
                BindNullable(_evaluation, 15, e.Metric);
                Step(_evaluation);
            }
        }

        public void Dispose()
        {
            _replicate.Dispose();
            _evaluation.Dispose();
        }

        private sqlite3_stmt Prepare(string sql)
        {
            Check(raw.sqlite3_prepare_v2(_connection.Handle, sql, out sqlite3_stmt statement));
            return statement;
        }

        private void BindCell(sqlite3_stmt statement, CellKey cell)
        {
            Check(raw.sqlite3_bind_text(statement, 1, cell.CaseId));
            Check(raw.sqlite3_bind_text(statement, 2, cell.Method));
            Check(raw.sqlite3_bind_int(statement, 3, cell.Workers));
            Check(raw.sqlite3_bind_int(statement, 4, cell.Budget));
            Check(raw.sqlite3_bind_double(statement, 5, cell.Noise));
            Check(raw.sqlite3_bind_int(statement, 6, cell.Replicate));
        }

        /// <summary>NaN is stored as NULL (and read back as NaN), as everywhere in this store.</summary>
        private void BindNullable(sqlite3_stmt statement, int index, double value) =>
            Check(double.IsNaN(value) ? raw.sqlite3_bind_null(statement, index) : raw.sqlite3_bind_double(statement, index, value));

        private void Step(sqlite3_stmt statement)
        {
            int rc = raw.sqlite3_step(statement);
            raw.sqlite3_reset(statement);
            if (rc != raw.SQLITE_DONE)
            {
                Fail(rc);
            }
        }

        private void Check(int rc)
        {
            if (rc != raw.SQLITE_OK)
            {
                Fail(rc);
            }
        }

        private void Fail(int rc) =>
            throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(_connection.Handle).utf8_to_string()}'.", rc);
    }
}
