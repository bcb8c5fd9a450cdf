using System.Text.RegularExpressions;

namespace SoftPowerAtlas.Analysis.Dates;

/// <summary>
/// A regular expression that runs interpreted for its first uses and compiled after: a process that
/// reads one page never pays the tens of milliseconds compiling costs, while one that reads thousands
/// scans every page with the compiled form (several times faster on whole texts). Both forms are the
/// same pattern and options, so they find the same matches; the use that crosses the threshold compiles
/// it on its own thread while other threads go on with the interpreted one. Thread-safe.
/// </summary>
internal sealed class TieredRegex
{
    /// <summary>Uses before compiling: a few documents' worth, so single-page commands never compile.</summary>
    public const int DefaultCompileAfter = 64;

    private readonly RegexOptions _options;
    private readonly int _compileAfter;
    private Regex _current;
    private int _uses;

    public TieredRegex(string pattern, RegexOptions options, int compileAfter = DefaultCompileAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(compileAfter);
        _options = options & ~RegexOptions.Compiled;
        _compileAfter = compileAfter;
        _current = new Regex(pattern, _options);
        if (compileAfter == 0)
        {
            _current = Compile();
        }
    }

    /// <summary>Whether the compiled form is the one <see cref="Next"/> returns now.</summary>
    public bool IsCompiled => (Volatile.Read(ref _current).Options & RegexOptions.Compiled) != 0;

    /// <summary>The form to use for one scan; counts the use, and the one that reaches the threshold compiles first.</summary>
    public Regex Next()
    {
        var current = Volatile.Read(ref _current);
        if ((current.Options & RegexOptions.Compiled) != 0)
        {
            return current;
        }

        if (Interlocked.Increment(ref _uses) == _compileAfter)
        {
            current = Compile();
            Volatile.Write(ref _current, current);
        }

        return current;
    }

    public override string ToString() => _current.ToString();

    private Regex Compile() => new(_current.ToString(), _options | RegexOptions.Compiled, _current.MatchTimeout);
}
