using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
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
        private readonly sqlite3_stmt _evaluations;

        /// <summary>Evaluation rows one statement of <see cref="_evaluations"/> inserts (a replicate's rows go in groups of this).</summary>
        private const int Group = 8;

        public Inserts(SqliteConnection connection)
        {
            _connection = connection;
            _replicate = Prepare(
                $"INSERT INTO replicates({CellColumns}, seed, metric_name, final_metric, cumulative_regret, makespan_seconds, compute_seconds, evaluations, crashed_attempts) " +
                "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
            const string evaluationInsert = "INSERT INTO evaluation_rows(replicate_id, idx, virtual_seconds, compute_seconds, worker, configuration, observed, true_value, best_so_far, metric) VALUES";
            _evaluation = Prepare(evaluationInsert + Tuple(0));
            _evaluations = Prepare(evaluationInsert + string.Join(", ", Enumerable.Range(0, Group).Select(Tuple)));

            // Row j of a statement binds ?1 (the replicate's id) and its own nine values from ?(2 + 9j).
            static string Tuple(int j) => "(?1, " + string.Join(", ", Enumerable.Range(2 + (RowValues * j), RowValues).Select(i => $"?{i}")) + ")";
        }

        private const int RowValues = 9;

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

            // The id SQLite gave the replicate's row (its INTEGER PRIMARY KEY): the key of its evaluations. Rows go in
            // groups of eight per statement, the rest one by one: each statement executed costs a step and a reset.
            long id = raw.sqlite3_last_insert_rowid(_connection.Handle);
            Check(raw.sqlite3_bind_int64(_evaluations, 1, id));
            Check(raw.sqlite3_bind_int64(_evaluation, 1, id));
            var rows = result.Evaluations.AsSpan();
            int grouped = rows.Length - (rows.Length % Group);
            for (int start = 0; start < grouped; start += Group)
            {
                for (int j = 0; j < Group; j++)
                {
                    BindEvaluation(_evaluations, 2 + (RowValues * j), rows[start + j]);
                }

                Step(_evaluations);
            }

            foreach (var e in rows[grouped..])
            {
                BindEvaluation(_evaluation, 2, e);
                Step(_evaluation);
            }
        }

        private void BindEvaluation(sqlite3_stmt statement, int first, EvaluationRow e)
        {
            // Nine binds a row, a few hundred a replicate: straight to the native library, without SQLitePCLRaw's
            // provider interface, its marshalling stubs and a UTF-8 array per string. perf on case 4 put most of the
            // writer's time in those layers, time that a second compute thread had to share its core with.
            nint handle = statement.DangerousGetHandle();
            Check(NativeBinds.Int(handle, first, e.Index));
            Check(NativeBinds.Double(handle, first + 1, e.VirtualSeconds));
            Check(NativeBinds.Double(handle, first + 2, e.ComputeSeconds));
            Check(NativeBinds.Int(handle, first + 3, e.Worker));
            BindText(handle, first + 4, e.Configuration);
            Check(NativeBinds.Double(handle, first + 5, e.Observed));
            BindNullable(handle, first + 6, e.TrueValue);
            BindNullable(handle, first + 7, e.BestSoFar);
            BindNullable(handle, first + 8, e.Metric);
        }

        private byte[] _utf8 = new byte[256];

        private void BindText(nint handle, int index, string value)
        {
            int length = Encoding.UTF8.GetByteCount(value);
            if (length + 1 > _utf8.Length)
            {
                _utf8 = new byte[Math.Max(length + 1, 2 * _utf8.Length)];
            }

            Encoding.UTF8.GetBytes(value, _utf8);
            _utf8[length] = 0; // SQLite copies the text (SQLITE_TRANSIENT), so the buffer is free again on return
            Check(NativeBinds.Text(handle, index, ref _utf8[0], length, NativeBinds.Transient));
        }

        /// <summary>NaN is stored as NULL (and read back as NaN), as everywhere in this store.</summary>
        private void BindNullable(nint handle, int index, double value) =>
            Check(double.IsNaN(value) ? NativeBinds.Null(handle, index) : NativeBinds.Double(handle, index, value));

        public void Dispose()
        {
            _replicate.Dispose();
            _evaluation.Dispose();
            _evaluations.Dispose();
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
        private void BindNullable(sqlite3_stmt statement, int index, double value) => BindNullable(statement.DangerousGetHandle(), index, value);

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

    /// <summary>
    /// The bind calls of the evaluation rows, imported from the e_sqlite3 library that SQLitePCLRaw's bundle loads
    /// (the same library, so the same connection and statements). Binds only copy a value into the statement under
    /// the connection's own mutex, uncontended here: they never block or call back, which is what
    /// <see cref="SuppressGCTransitionAttribute"/> requires.
    /// </summary>
    private static class NativeBinds
    {
        private const string Library = "e_sqlite3";

        /// <summary>SQLITE_TRANSIENT: SQLite copies the value before the call returns.</summary>
        public static readonly nint Transient = -1;

        [DllImport(Library, EntryPoint = "sqlite3_bind_int"), SuppressGCTransition]
        public static extern int Int(nint statement, int index, int value);

        [DllImport(Library, EntryPoint = "sqlite3_bind_double"), SuppressGCTransition]
        public static extern int Double(nint statement, int index, double value);

        [DllImport(Library, EntryPoint = "sqlite3_bind_null"), SuppressGCTransition]
        public static extern int Null(nint statement, int index);

        [DllImport(Library, EntryPoint = "sqlite3_bind_text"), SuppressGCTransition]
        public static extern int Text(nint statement, int index, ref byte utf8, int length, nint destructor);
    }
}
