using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;

namespace SoftPowerAtlas.Storage.Search.Sqlite;

/// <summary>
/// The tokenizer of the <c>document_text</c> index (migration 0005: <c>porter</c> over <c>unicode61</c>
/// with its options), created through the connection's <c>fts5_api</c>, so that the
/// <see cref="TermIndex"/> sees exactly the terms FTS5 stores (folded, Porter-stemmed) and a query's
/// words become the terms FTS5 would look up. Valid while its connection is open; one thread at a time.
/// </summary>
internal sealed unsafe class Fts5Tokenizer : IDisposable
{
    /// <summary>The tokenizer's arguments as <c>CREATE VIRTUAL TABLE document_text</c> names them (after <c>porter</c>).</summary>
    internal static readonly string[] Arguments = ["unicode61", "remove_diacritics", "2", "categories", "L* N* Co M*"];

    private const int QueryFlag = 0x0001;
    private const int DocumentFlag = 0x0004;

    // fts5_api: an int version (padded), xCreateTokenizer, xFindTokenizer, ...
    private const int FindTokenizerOffset = 2 * 8;

    [ThreadStatic]
    private static List<string>? _sink;

    private readonly IntPtr _tokenizer;
    private readonly delegate* unmanaged<IntPtr, void> _delete;
    private readonly delegate* unmanaged<IntPtr, IntPtr, int, byte*, int, delegate* unmanaged<IntPtr, int, byte*, int, int, int, int>, int> _tokenize;
    private bool _disposed;

    private Fts5Tokenizer(
        IntPtr tokenizer, delegate* unmanaged<IntPtr, void> delete,
        delegate* unmanaged<IntPtr, IntPtr, int, byte*, int, delegate* unmanaged<IntPtr, int, byte*, int, int, int, int>, int> tokenize)
    {
        _tokenizer = tokenizer;
        _delete = delete;
        _tokenize = tokenize;
    }

    /// <summary>The index's tokenizer on <paramref name="connection"/>, or null where FTS5 cannot be reached.</summary>
    public static Fts5Tokenizer? Open(SqliteConnection connection)
    {
        var api = Fts5Native.Api(connection);
        if (api == IntPtr.Zero)
        {
            return null;
        }

        var find = (delegate* unmanaged<IntPtr, byte*, IntPtr*, IntPtr*, int>)*(IntPtr*)((byte*)api + FindTokenizerOffset);
        IntPtr userData;
        var functions = stackalloc IntPtr[3]; // fts5_tokenizer: xCreate, xDelete, xTokenize
        fixed (byte* name = "porter\0"u8)
        {
            if (find(api, name, &userData, functions) != 0)
            {
                return null;
            }
        }

        var arguments = Arguments.Select(a => Marshal.StringToCoTaskMemUTF8(a)).ToArray();
        try
        {
            var argv = stackalloc byte*[arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                argv[i] = (byte*)arguments[i];
            }

            IntPtr tokenizer;
            var create = (delegate* unmanaged<IntPtr, byte**, int, IntPtr*, int>)functions[0];
            return create(userData, argv, arguments.Length, &tokenizer) == 0
                ? new Fts5Tokenizer(
                    tokenizer,
                    (delegate* unmanaged<IntPtr, void>)functions[1],
                    (delegate* unmanaged<IntPtr, IntPtr, int, byte*, int, delegate* unmanaged<IntPtr, int, byte*, int, int, int, int>, int>)functions[2])
                : null;
        }
        finally
        {
            foreach (var argument in arguments)
            {
                Marshal.FreeCoTaskMem(argument);
            }
        }
    }

    /// <summary>The terms FTS5 stores for <paramref name="text"/> in a document, in order.</summary>
    public List<string> Document(ReadOnlySpan<char> text) => Run(text, DocumentFlag);

    /// <summary>The terms FTS5 looks up for <paramref name="text"/> inside a quoted query string, in order.</summary>
    public List<string> Query(ReadOnlySpan<char> text) => Run(text, QueryFlag);

    private List<string> Run(ReadOnlySpan<char> text, int flags)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var tokens = new List<string>();
        var bytes = Encoding.UTF8.GetBytes(text.ToArray());
        var previous = _sink;
        _sink = tokens;
        try
        {
            fixed (byte* utf8 = bytes)
            {
                var rc = _tokenize(_tokenizer, IntPtr.Zero, flags, utf8, bytes.Length, &Token);
                if (rc != 0)
                {
                    throw new SqliteException($"FTS5's tokenizer failed (SQLite code {rc})", rc);
                }
            }
        }
        finally
        {
            _sink = previous;
        }

        return tokens;
    }

    [UnmanagedCallersOnly]
    private static int Token(IntPtr context, int flags, byte* token, int length, int start, int end)
    {
        _sink?.Add(Encoding.UTF8.GetString(token, length));
        return 0;
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _delete(_tokenizer);
        }
    }
}
