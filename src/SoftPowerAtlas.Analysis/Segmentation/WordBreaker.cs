namespace SoftPowerAtlas.Analysis.Segmentation;

/// <summary>
/// Splits text into words, numbers, spaces and punctuation with the system ICU's word break rules and
/// its Thai dictionary, then (optionally) glues known names back together. Tokens cover the text
/// without gaps. One instance is meant to be shared: it is thread-safe and holds no per-call state.
/// </summary>
public sealed unsafe class WordBreaker
{
    /// <summary>ICU's word break rules are the same for every locale; "th" documents intent.</summary>
    private const string Locale = "th";

    // ICU rule status ranges (ubrk.h, UWordBreak): none, number, letter, kana, ideographic.
    private const int StatusNumber = 100;
    private const int StatusLetter = 200;
    private const int StatusKana = 300;
    private const int StatusIdeo = 400;
    private const int StatusIdeoLimit = 500;

    /// <summary>ไปยาลน้อย, the mark that shortens a long name ("กรุงเทพฯ").</summary>
    private const char Paiyannoi = '\u0E2F';

    /// <summary>Opened once per process; never iterated, only cloned, so sharing it across threads is safe.</summary>
    private static readonly Lazy<IntPtr> Template =
        new(() => IcuNative.Api.OpenWordIterator(Locale), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// This thread's iterator, reused across calls. It lives as long as the thread; pool threads are few
    /// and long-lived, and an iterator is a few kilobytes.
    /// </summary>
    [ThreadStatic]
    private static IntPtr _threadIterator;

    private readonly IcuBreakApi _api;
    private readonly IntPtr _template;

    /// <summary>Creates a breaker; throws <see cref="InvalidOperationException"/> if the system ICU cannot be loaded.</summary>
    /// <param name="phrases">Names to keep whole (see <see cref="PhraseMerger"/>), or null for ICU's words as they are.</param>
    public WordBreaker(PhraseMerger? phrases = null)
    {
        _api = IcuNative.Api;
        _template = Template.Value;
        Phrases = phrases;
    }

    public PhraseMerger? Phrases { get; }

    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="output"/>; offsets are relative to the span.</summary>
    public void Segment(ReadOnlySpan<char> text, List<Token> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (text.IsEmpty)
        {
            return;
        }

        // ไปยาลน้อย (ฯ) shortens the word before it ("การสัมมนาฯ", "สถานเอกอัครราชทูตฯ"); ICU's dictionary
        // reads it as a letter and cuts the whole run wrongly ("กา|รสัม|มนาฯ"). The run before it is
        // segmented alone, and ฯ joins the word it ends ("การ|สัมมนาฯ").
        var first = output.Count;
        var from = 0;
        int at;
        while ((at = text[from..].IndexOf(Paiyannoi)) >= 0)
        {
            at += from;
            SegmentRun(text[from..at], from, output);
            var length = text[at..].StartsWith("ฯลฯ", StringComparison.Ordinal) ? 3 : 1;   // ฯลฯ, "and so on", is one word
            if (length == 1 && output.Count > first && output[^1] is { Kind: TokenKind.Word } word && word.End == at)
            {
                output[^1] = new Token(word.Start, at + 1, TokenKind.Word);
            }
            else
            {
                output.Add(new Token(at, at + length, TokenKind.Word));
            }

            from = at + length;
        }

        SegmentRun(text[from..], from, output);
        Phrases?.Merge(text, output, first);
    }

    /// <summary>ICU's tokens of one run of text, offsets shifted by <paramref name="offset"/>.</summary>
    private void SegmentRun(ReadOnlySpan<char> text, int offset, List<Token> output)
    {
        if (text.IsEmpty)
        {
            return;
        }

        var first = output.Count;
        var iterator = RentIterator();
        try
        {
            var status = 0;
            fixed (char* chars = text)
            {
                _api.SetText(iterator, chars, text.Length, &status);
                if (IcuNative.Failed(status))
                {
                    throw new InvalidOperationException($"ubrk_setText failed: {_api.ErrorName(status)}");
                }

                var start = _api.First(iterator);
                int end;
                while ((end = _api.Next(iterator)) != IcuNative.Done)
                {
                    var kind = Classify(_api.GetRuleStatus(iterator), text[start..end]);
                    if (kind == TokenKind.Number || (kind == TokenKind.Word && ContainsDigit(text[start..end])))
                    {
                        AddSplittingDigitsFromThai(text, start, end, kind, output);
                    }
                    else
                    {
                        output.Add(new Token(start, end, kind));
                    }

                    start = end;
                }

                // Leave no pointer into memory that is about to be unpinned.
                _api.SetText(iterator, null, 0, &status);
            }
        }
        finally
        {
            ReturnIterator(iterator);
        }

        if (offset != 0)
        {
            for (var i = first; i < output.Count; i++)
            {
                var t = output[i];
                output[i] = new Token(t.Start + offset, t.End + offset, t.Kind);
            }
        }
    }

    /// <summary>Tokens of <paramref name="text"/>, in order, covering it without gaps.</summary>
    public IReadOnlyList<Token> Segment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>(text.Length / 4 + 1);
        Segment(text.AsSpan(), tokens);
        return tokens;
    }

    private static TokenKind Classify(int ruleStatus, ReadOnlySpan<char> chars)
    {
        if (ruleStatus >= StatusIdeo && ruleStatus < StatusIdeoLimit)
        {
            return TokenKind.Ideographic;
        }

        if (ruleStatus >= StatusLetter && ruleStatus < StatusIdeo)
        {
            // Letters (Thai dictionary words included) and kana [StatusKana, StatusIdeo) are both words.
            return TokenKind.Word;
        }

        if (ruleStatus >= StatusNumber && ruleStatus < StatusLetter)
        {
            return TokenKind.Number;
        }

        // "None": ICU groups whitespace runs together and gives each other symbol its own segment.
        foreach (var c in chars)
        {
            if (!char.IsWhiteSpace(c))
            {
                return TokenKind.Punctuation;
            }
        }

        return TokenKind.Space;
    }

    /// <summary>
    /// ICU glues digits to adjacent Thai letters ("5001ชั้น" is one word, "ครั้งที่1" one number, and the
    /// dictionary words it cuts from such a run all inherit the run's number status), which would make
    /// "ชั้น 5" and "ชั้น5" different words to search. Such a token is cut where Thai letters and digits
    /// meet, and a piece that starts with a Thai letter is a word, one that starts with a digit a
    /// number. Digits next to Latin letters ("COVID19") stay as ICU has them.
    /// </summary>
    private static void AddSplittingDigitsFromThai(ReadOnlySpan<char> text, int start, int end, TokenKind kind, List<Token> output)
    {
        var pieceStart = start;
        for (var i = start + 1; i < end; i++)
        {
            var (before, c) = (text[i - 1], text[i]);
            if ((IsDigit(before) && LanguageDetector.IsThai(c)) || (LanguageDetector.IsThai(before) && IsDigit(c)))
            {
                output.Add(new Token(pieceStart, i, PieceKind(text[pieceStart], kind)));
                pieceStart = i;
            }
        }

        output.Add(new Token(pieceStart, end, PieceKind(text[pieceStart], kind)));
    }

    /// <summary>ASCII or Thai digits (other scripts' digits are converted or rare here); vectorised.</summary>
    private static bool ContainsDigit(ReadOnlySpan<char> chars) =>
        chars.IndexOfAnyInRange('0', '9') >= 0 || chars.IndexOfAnyInRange('\u0E50', '\u0E59') >= 0;

    private static TokenKind PieceKind(char first, TokenKind icuKind) =>
        LanguageDetector.IsThai(first) ? TokenKind.Word : IsDigit(first) ? TokenKind.Number : icuKind;

    private static bool IsDigit(char c) => char.IsAsciiDigit(c) || c is >= '\u0E50' and <= '\u0E59';

    private IntPtr RentIterator()
    {
        var iterator = _threadIterator;
        if (iterator != IntPtr.Zero)
        {
            // Taken, not borrowed: a nested call on this thread (none today) would clone its own.
            _threadIterator = IntPtr.Zero;
            return iterator;
        }

        return _api.CloneIterator(_template);
    }

    private void ReturnIterator(IntPtr iterator)
    {
        if (_threadIterator == IntPtr.Zero)
        {
            _threadIterator = iterator;
        }
        else
        {
            _api.Close(iterator);
        }
    }
}
