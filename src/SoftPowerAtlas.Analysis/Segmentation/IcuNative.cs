using System.Globalization;
using System.Runtime.InteropServices;

namespace SoftPowerAtlas.Analysis.Segmentation;

/// <summary>
/// The system ICU's break-iterator C API (the same libicuuc .NET loads for globalisation), found at
/// run time: the library name and the version suffix of its exported symbols (ubrk_open_72) differ
/// from one machine to the next.
/// </summary>
internal static unsafe class IcuNative
{
    /// <summary>UBRK_WORD in the UBreakIteratorType enum.</summary>
    public const int WordBreak = 1;

    /// <summary>UBRK_DONE: no more boundaries.</summary>
    public const int Done = -1;

    private const int HighestVersion = 120;
    private const int LowestVersion = 50;

    private static readonly Lazy<IcuBreakApi> LazyApi = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The bound API; the first use loads ICU and throws <see cref="InvalidOperationException"/> if it is missing.</summary>
    public static IcuBreakApi Api => LazyApi.Value;

    /// <summary>ICU reports failure with a positive UErrorCode; negative values are warnings.</summary>
    public static bool Failed(int status) => status > 0;

    private static IcuBreakApi Load()
    {
        var tried = new List<string>();
        foreach (var (name, version) in Candidates())
        {
            tried.Add(name);
            if (!NativeLibrary.TryLoad(name, typeof(IcuNative).Assembly, null, out var handle))
            {
                continue;
            }

            foreach (var suffix in Suffixes(version))
            {
                if (NativeLibrary.TryGetExport(handle, "ubrk_open" + suffix, out _))
                {
                    return Bind(handle, name, suffix);
                }
            }

            tried[^1] = name + " (loaded, but no ubrk_open symbol)";
        }

        throw new InvalidOperationException(
            "ICU (libicuuc) was not found, so Thai word segmentation cannot run. Install the system ICU package " +
            "(libicu on Debian/Ubuntu, icu on Alpine) and do not run with InvariantGlobalization. Tried: " +
            string.Join(", ", tried));
    }

    /// <summary>Library names to try, newest version first, with the version their symbols are expected to carry.</summary>
    private static IEnumerable<(string Name, int? Version)> Candidates()
    {
        if (OperatingSystem.IsWindows())
        {
            // Windows 10 1903+ ships ICU with unversioned exports.
            yield return ("icuuc.dll", null);
            yield return ("icu.dll", null);
            yield break;
        }

        if (OperatingSystem.IsMacOS())
        {
            yield return ("libicucore.dylib", null);
        }

        for (var v = HighestVersion; v >= LowestVersion; v--)
        {
            yield return ($"libicuuc.so.{v.ToString(CultureInfo.InvariantCulture)}", v);
        }

        yield return ("libicuuc.so", null);
    }

    private static IEnumerable<string> Suffixes(int? version)
    {
        if (version is { } v)
        {
            yield return "_" + v.ToString(CultureInfo.InvariantCulture);
            yield return string.Empty;
            yield break;
        }

        yield return string.Empty;
        for (var n = HighestVersion; n >= LowestVersion; n--)
        {
            yield return "_" + n.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static IcuBreakApi Bind(IntPtr handle, string library, string suffix)
    {
        IntPtr Required(string function) =>
            NativeLibrary.TryGetExport(handle, function + suffix, out var address)
                ? address
                : throw new InvalidOperationException($"ICU library {library} has no export {function}{suffix}.");

        IntPtr Optional(string function) =>
            NativeLibrary.TryGetExport(handle, function + suffix, out var address) ? address : IntPtr.Zero;

        var clone = Optional("ubrk_clone");
        var safeClone = clone == IntPtr.Zero ? Required("ubrk_safeClone") : IntPtr.Zero;
        return new IcuBreakApi(
            library,
            suffix,
            (delegate* unmanaged[Cdecl]<int, byte*, char*, int, int*, IntPtr>)Required("ubrk_open"),
            (delegate* unmanaged[Cdecl]<IntPtr, void>)Required("ubrk_close"),
            (delegate* unmanaged[Cdecl]<IntPtr, char*, int, int*, void>)Required("ubrk_setText"),
            (delegate* unmanaged[Cdecl]<IntPtr, int>)Required("ubrk_first"),
            (delegate* unmanaged[Cdecl]<IntPtr, int>)Required("ubrk_next"),
            (delegate* unmanaged[Cdecl]<IntPtr, int>)Required("ubrk_getRuleStatus"),
            (delegate* unmanaged[Cdecl]<IntPtr, int*, IntPtr>)clone,
            (delegate* unmanaged[Cdecl]<IntPtr, void*, int*, int*, IntPtr>)safeClone,
            (delegate* unmanaged[Cdecl]<int, byte*>)Optional("u_errorName"));
    }
}

/// <summary>
/// Function pointers into one loaded ICU. Field names follow the C functions; see ICU's ubrk.h for
/// the contracts (UErrorCode is passed as int*, UChar* as char*).
/// </summary>
internal sealed unsafe class IcuBreakApi(
    string library,
    string suffix,
    delegate* unmanaged[Cdecl]<int, byte*, char*, int, int*, IntPtr> open,
    delegate* unmanaged[Cdecl]<IntPtr, void> close,
    delegate* unmanaged[Cdecl]<IntPtr, char*, int, int*, void> setText,
    delegate* unmanaged[Cdecl]<IntPtr, int> first,
    delegate* unmanaged[Cdecl]<IntPtr, int> next,
    delegate* unmanaged[Cdecl]<IntPtr, int> getRuleStatus,
    delegate* unmanaged[Cdecl]<IntPtr, int*, IntPtr> clone,
    delegate* unmanaged[Cdecl]<IntPtr, void*, int*, int*, IntPtr> safeClone,
    delegate* unmanaged[Cdecl]<int, byte*> errorName)
{
    /// <summary>The library file that was loaded, e.g. libicuuc.so.72.</summary>
    public string Library { get; } = library;

    /// <summary>The symbol version suffix, e.g. "_72", or empty for unversioned exports.</summary>
    public string Suffix { get; } = suffix;

    public readonly delegate* unmanaged[Cdecl]<int, byte*, char*, int, int*, IntPtr> Open = open;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> Close = close;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, char*, int, int*, void> SetText = setText;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, int> First = first;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, int> Next = next;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, int> GetRuleStatus = getRuleStatus;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, int*, IntPtr> _clone = clone;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, void*, int*, int*, IntPtr> _safeClone = safeClone;
    private readonly delegate* unmanaged[Cdecl]<int, byte*> _errorName = errorName;

    /// <summary>ICU's name for a UErrorCode (U_MEMORY_ALLOCATION_ERROR...), with its number.</summary>
    public string ErrorName(int status)
    {
        var number = status.ToString(CultureInfo.InvariantCulture);
        return _errorName is null ? number : $"{Marshal.PtrToStringAnsi((IntPtr)_errorName(status))} ({number})";
    }

    /// <summary>Opens a word break iterator for <paramref name="locale"/> with no text yet.</summary>
    public IntPtr OpenWordIterator(string locale)
    {
        Span<byte> name = stackalloc byte[32];
        var length = System.Text.Encoding.ASCII.GetBytes(locale, name[..^1]);
        name[length] = 0;
        var status = 0;
        IntPtr iterator;
        fixed (byte* p = name)
        {
            iterator = Open(IcuNative.WordBreak, p, null, 0, &status);
        }

        if (IcuNative.Failed(status) || iterator == IntPtr.Zero)
        {
            throw new InvalidOperationException(
                $"ubrk_open(UBRK_WORD, \"{locale}\") failed in {Library}: {ErrorName(status)}");
        }

        return iterator;
    }

    /// <summary>A new iterator with the same rules as <paramref name="template"/> (which is only read).</summary>
    public IntPtr CloneIterator(IntPtr template)
    {
        var status = 0;
        IntPtr copy;
        if (_clone is not null)
        {
            copy = _clone(template, &status);
        }
        else
        {
            // Before ICU 69: a null stack buffer makes ubrk_safeClone allocate on the heap.
            var size = 1;
            copy = _safeClone(template, null, &size, &status);
        }

        if (IcuNative.Failed(status) || copy == IntPtr.Zero)
        {
            throw new InvalidOperationException($"cloning an ICU break iterator failed in {Library}: {ErrorName(status)}");
        }

        return copy;
    }
}
