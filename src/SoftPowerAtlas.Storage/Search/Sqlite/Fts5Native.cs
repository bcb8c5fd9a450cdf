using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace SoftPowerAtlas.Storage.Search.Sqlite;

/// <summary>
/// The FTS5 auxiliary function <c>atlas_bm25_inputs(document_text)</c>, written in C# and registered
/// on a connection through the <c>fts5_api</c> of the SQLite library Microsoft.Data.Sqlite loaded
/// (<c>e_sqlite3</c>, found at run time like ICU is). Called once per matching row, it hands what
/// BM25 needs of that row to the <see cref="Bm25Inputs"/> of the calling thread: the rowid, the
/// row's size in tokens and, per phrase of the query, its instances weighted by column. It returns
/// nothing to SQL. Where the library or its FTS5 cannot be bound, <see cref="TryRegister"/> says
/// no and search scores with SQL's bm25() instead.
/// </summary>
internal static unsafe class Fts5Native
{
    /// <summary>The function's name in SQL.</summary>
    public const string FunctionName = "atlas_bm25_inputs";

    // Fts5ExtensionApi: an int version (padded to a pointer), then function pointers in this order.
    private const int RowCountSlot = 3;
    private const int ColumnTotalSizeSlot = 4;
    private const int PhraseCountSlot = 6;
    private const int RowidSlot = 10;
    private const int ColumnSizeSlot = 12;
    private const int PhraseFirstSlot = 16;
    private const int PhraseNextSlot = 17;

    // fts5_api: an int version (padded), xCreateTokenizer, xFindTokenizer, xCreateFunction.
    private const int CreateFunctionOffset = 3 * 8;

    private static readonly Lazy<SqliteExports?> LazyExports = new(SqliteExports.Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly ConditionalWeakTable<object, object> Registered = [];

    [ThreadStatic]
    private static Bm25Inputs? _current;

    /// <summary>Registers the function on the connection's native handle once; false when it cannot be.</summary>
    public static bool TryRegister(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.Handle is not { } handle)
        {
            return false;
        }

        lock (Registered)
        {
            if (Registered.TryGetValue(handle, out _))
            {
                return true;
            }

            var api = Api(connection);
            if (api == IntPtr.Zero)
            {
                return false;
            }

            var create = (delegate* unmanaged<IntPtr, byte*, IntPtr, delegate* unmanaged<IntPtr, IntPtr, IntPtr, int, IntPtr, void>, IntPtr, int>)
                *(IntPtr*)((byte*)api + CreateFunctionOffset);
            int rc;
            fixed (byte* name = "atlas_bm25_inputs\0"u8)
            {
                rc = create(api, name, IntPtr.Zero, &Collect, IntPtr.Zero);
            }

            if (rc != 0)
            {
                return false;
            }

            Registered.Add(handle, new object());
            return true;
        }
    }

    /// <summary>
    /// The connection's <c>fts5_api</c> (version 2 or later), or zero where the library or its FTS5 cannot
    /// be reached. It lives as long as the connection's native handle.
    /// </summary>
    public static IntPtr Api(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (LazyExports.Value is not { } sqlite || connection.Handle is not { } handle || !Environment.Is64BitProcess)
        {
            return IntPtr.Zero;
        }

        var api = sqlite.Fts5Api(handle.DangerousGetHandle());
        return api != IntPtr.Zero && *(int*)api >= 2 ? api : IntPtr.Zero;
    }

    /// <summary>Makes <paramref name="inputs"/> receive the rows of statements stepped on this thread until disposed.</summary>
    public static Scope Collect(Bm25Inputs inputs) => new(inputs);

    [UnmanagedCallersOnly]
    private static void Collect(IntPtr api, IntPtr fts, IntPtr context, int argumentCount, IntPtr arguments)
    {
        if (_current is not { } inputs || inputs.Failed)
        {
            return;
        }

        try
        {
            var row = new Row(api, fts);
            if (inputs.PhraseCount < 0)
            {
                inputs.Begin(row.PhraseCount(), row.RowCount(), row.TotalTokens());
            }

            inputs.Add(row);
        }
        catch (Exception e)
        {
            inputs.Fail(e); // an exception must not unwind into SQLite
        }
    }

    /// <summary>The current row, as the FTS5 extension API shows it.</summary>
    internal readonly ref struct Row(IntPtr api, IntPtr fts)
    {
        public int PhraseCount() => ((delegate* unmanaged<IntPtr, int>)Slot(PhraseCountSlot))(fts);

        public long RowCount()
        {
            long rows;
            Check(((delegate* unmanaged<IntPtr, long*, int>)Slot(RowCountSlot))(fts, &rows));
            return rows;
        }

        /// <summary>Tokens in every column of every row.</summary>
        public long TotalTokens()
        {
            long tokens;
            Check(((delegate* unmanaged<IntPtr, int, long*, int>)Slot(ColumnTotalSizeSlot))(fts, -1, &tokens));
            return tokens;
        }

        public long Rowid() => ((delegate* unmanaged<IntPtr, long>)Slot(RowidSlot))(fts);

        /// <summary>Tokens in every column of this row (what bm25() reads from the docsize table).</summary>
        public int Tokens()
        {
            int tokens;
            Check(((delegate* unmanaged<IntPtr, int, int*, int>)Slot(ColumnSizeSlot))(fts, -1, &tokens));
            return tokens;
        }

        /// <summary>
        /// Adds each instance of each phrase in this row to <paramref name="weighted"/>: the title's
        /// weight for column 0, 1 for the body. For a NEAR group FTS5 lists only the instances that
        /// are near, as bm25() counts them.
        /// </summary>
        public void CountInstances(Span<double> weighted, double titleWeight)
        {
            var first = (delegate* unmanaged<IntPtr, int, IntPtr*, int*, int*, int>)Slot(PhraseFirstSlot);
            var next = (delegate* unmanaged<IntPtr, IntPtr*, int*, int*, void>)Slot(PhraseNextSlot);
            var iterator = stackalloc IntPtr[2];
            for (var phrase = 0; phrase < weighted.Length; phrase++)
            {
                int column, offset;
                Check(first(fts, phrase, iterator, &column, &offset));
                var sum = 0.0;
                while (column >= 0)
                {
                    sum += column == 0 ? titleWeight : 1.0;
                    next(fts, iterator, &column, &offset);
                }

                weighted[phrase] = sum;
            }
        }

        private IntPtr Slot(int index) => *(IntPtr*)((byte*)api + (8 * index));

        private static void Check(int rc)
        {
            if (rc != 0)
            {
                throw new SqliteException($"FTS5 could not read a matching row (SQLite code {rc})", rc); // e.g. a damaged index: reported like any SQLite error
            }
        }
    }

    /// <summary>While alive, rows stepped on this thread go to one <see cref="Bm25Inputs"/>.</summary>
    internal readonly struct Scope : IDisposable
    {
        private readonly Bm25Inputs? _previous;

        public Scope(Bm25Inputs inputs)
        {
            _previous = _current;
            _current = inputs;
        }

        public void Dispose() => _current = _previous;
    }

    /// <summary>The few SQLite C functions needed to reach <c>fts5_api</c>.</summary>
    private sealed class SqliteExports
    {
        private readonly delegate* unmanaged<IntPtr, byte*, int, IntPtr*, IntPtr, int> _prepare;
        private readonly delegate* unmanaged<IntPtr, int, void*, byte*, IntPtr, int> _bindPointer;
        private readonly delegate* unmanaged<IntPtr, int> _step;
        private readonly delegate* unmanaged<IntPtr, int> _finalize;

        private SqliteExports(IntPtr library)
        {
            _prepare = (delegate* unmanaged<IntPtr, byte*, int, IntPtr*, IntPtr, int>)NativeLibrary.GetExport(library, "sqlite3_prepare_v2");
            _bindPointer = (delegate* unmanaged<IntPtr, int, void*, byte*, IntPtr, int>)NativeLibrary.GetExport(library, "sqlite3_bind_pointer");
            _step = (delegate* unmanaged<IntPtr, int>)NativeLibrary.GetExport(library, "sqlite3_step");
            _finalize = (delegate* unmanaged<IntPtr, int>)NativeLibrary.GetExport(library, "sqlite3_finalize");
        }

        public static SqliteExports? Load()
        {
            try
            {
                return NativeLibrary.TryLoad("e_sqlite3", typeof(Fts5Native).Assembly, null, out var library)
                    ? new SqliteExports(library)
                    : null;
            }
            catch (EntryPointNotFoundException)
            {
                return null;
            }
        }

        /// <summary>The connection's <c>fts5_api</c>, as <c>SELECT fts5(?1)</c> hands it out, or zero.</summary>
        public IntPtr Fts5Api(IntPtr database)
        {
            IntPtr statement;
            fixed (byte* sql = "SELECT fts5(?1)\0"u8)
            {
                if (_prepare(database, sql, -1, &statement, IntPtr.Zero) != 0)
                {
                    return IntPtr.Zero;
                }
            }

            var api = IntPtr.Zero;
            try
            {
                fixed (byte* type = "fts5_api_ptr\0"u8)
                {
                    _ = _bindPointer(statement, 1, &api, type, IntPtr.Zero);
                }

                _ = _step(statement);
            }
            finally
            {
                _ = _finalize(statement);
            }

            return api;
        }
    }
}
