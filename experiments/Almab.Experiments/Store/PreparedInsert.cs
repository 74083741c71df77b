using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Almab.Experiments.Store;

/// <summary>
/// One insert statement, prepared once on a connection's SQLite handle and bound by index straight into the e_sqlite3
/// library that SQLitePCLRaw's bundle loads (the same library, so the same connection and statement). SQLite keeps
/// bindings across resets, so columns that do not change between rows are bound once. Microsoft.Data.Sqlite's commands
/// re-bind every parameter by name on every row, and SQLitePCLRaw's own binds go through a provider interface, a
/// marshalling stub and a UTF-8 array per string: perf on cheap cells put most of the single writer's time in those
/// layers, time that a second compute thread had to share its core with. Used by the writers of
/// <see cref="ResultStore"/> and the BAI store. Not thread-safe, like the connection.
/// </summary>
internal sealed class PreparedInsert : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;
    private readonly nint _handle;
    private byte[] _utf8 = new byte[256];

    public PreparedInsert(SqliteConnection connection, string sql)
    {
        _connection = connection;
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out _statement));
        _handle = _statement.DangerousGetHandle();
    }

    /// <summary>The rowid SQLite gave the connection's last inserted row.</summary>
    public long LastRowId => raw.sqlite3_last_insert_rowid(_connection.Handle);

    public void Int(int index, int value) => Check(NativeBinds.Int(_handle, index, value));

    public void Long(int index, long value) => Check(NativeBinds.Int64(_handle, index, value));

    public void Double(int index, double value) => Check(NativeBinds.Double(_handle, index, value));

    public void Null(int index) => Check(NativeBinds.Null(_handle, index));

    /// <summary>NaN is stored as NULL (and read back as NaN), as everywhere in Almab's stores.</summary>
    public void Nullable(int index, double value) =>
        Check(double.IsNaN(value) ? NativeBinds.Null(_handle, index) : NativeBinds.Double(_handle, index, value));

    public void Text(int index, string value)
    {
        int length = Encoding.UTF8.GetByteCount(value);
        if (length + 1 > _utf8.Length)
        {
            _utf8 = new byte[Math.Max(length + 1, 2 * _utf8.Length)];
        }

        Encoding.UTF8.GetBytes(value, _utf8);
        _utf8[length] = 0; // SQLite copies the text (SQLITE_TRANSIENT), so the buffer is free again on return
        Check(NativeBinds.Text(_handle, index, ref _utf8[0], length, NativeBinds.Transient));
    }

    /// <summary>Runs the statement with its current bindings and resets it (the bindings stay).</summary>
    public void Step()
    {
        int rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            Fail(rc);
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            Fail(rc);
        }
    }

    private void Fail(int rc) =>
        throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(_connection.Handle).utf8_to_string()}'.", rc);

    /// <summary>
    /// The bind calls, imported from e_sqlite3. Binds only copy a value into the statement under the connection's own
    /// mutex, uncontended here: they never block or call back, which is what <see cref="SuppressGCTransitionAttribute"/>
    /// requires.
    /// </summary>
    private static class NativeBinds
    {
        private const string Library = "e_sqlite3";

        /// <summary>SQLITE_TRANSIENT: SQLite copies the value before the call returns.</summary>
        public static readonly nint Transient = -1;

        [DllImport(Library, EntryPoint = "sqlite3_bind_int"), SuppressGCTransition]
        public static extern int Int(nint statement, int index, int value);

        [DllImport(Library, EntryPoint = "sqlite3_bind_int64"), SuppressGCTransition]
        public static extern int Int64(nint statement, int index, long value);

        [DllImport(Library, EntryPoint = "sqlite3_bind_double"), SuppressGCTransition]
        public static extern int Double(nint statement, int index, double value);

        [DllImport(Library, EntryPoint = "sqlite3_bind_null"), SuppressGCTransition]
        public static extern int Null(nint statement, int index);

        [DllImport(Library, EntryPoint = "sqlite3_bind_text"), SuppressGCTransition]
        public static extern int Text(nint statement, int index, ref byte utf8, int length, nint destructor);
    }
}
