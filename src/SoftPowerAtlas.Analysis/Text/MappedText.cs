namespace SoftPowerAtlas.Analysis.Text;

/// <summary>
/// Text derived from an original (a file as read) that remembers, for every character, the original
/// range it came from, so a fact found in cleaned text can point back into the file.
/// </summary>
public sealed class MappedText
{
    private readonly int[] _starts;
    private readonly int[] _ends;

    private MappedText(string text, int[] starts, int[] ends, int originalLength)
    {
        Text = text;
        _starts = starts;
        _ends = ends;
        OriginalLength = originalLength;
    }

    /// <summary>The derived text.</summary>
    public string Text { get; }

    /// <summary>Length of the original text the offsets point into.</summary>
    public int OriginalLength { get; }

    public int Length => Text.Length;

    /// <summary>Text that is its own original: every offset maps to itself.</summary>
    public static MappedText Identity(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var starts = new int[text.Length];
        var ends = new int[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            starts[i] = i;
            ends[i] = i + 1;
        }

        return new MappedText(text, starts, ends, text.Length);
    }

    /// <summary>Original range of the derived character at <paramref name="index"/>.</summary>
    public TextSpan OriginalOf(int index) => new(_starts[index], _ends[index]);

    /// <summary>Maps a span of the derived text to the smallest original span covering it.</summary>
    public TextSpan ToOriginal(TextSpan span)
    {
        if (span.Start < 0 || span.End > Text.Length || span.End < span.Start)
        {
            throw new ArgumentOutOfRangeException(nameof(span), span, $"outside text of length {Text.Length}");
        }

        if (span.IsEmpty)
        {
            var at = span.Start < Text.Length ? _starts[span.Start] : OriginalLength;
            return new TextSpan(at, at);
        }

        int first = _starts[span.Start], last = _ends[span.End - 1];
        if (first > last)
        {
            // Characters out of the original's order (markup that moved text, such as a heading read
            // first): the span covers them all rather than running backwards.
            for (var i = span.Start; i < span.End; i++)
            {
                first = Math.Min(first, _starts[i]);
                last = Math.Max(last, _ends[i]);
            }
        }

        return new TextSpan(first, last);
    }

    public TextSpan ToOriginal(int start, int end) => ToOriginal(new TextSpan(start, end));

    /// <summary>Maps a span of the original back to the derived text (characters whose origin lies inside it).</summary>
    public TextSpan FromOriginal(TextSpan original)
    {
        var start = LowerBound(original.Start);
        var end = start;
        while (end < Text.Length && _starts[end] < original.End)
        {
            end++;
        }

        return new TextSpan(start, end);
    }

    private int LowerBound(int originalOffset)
    {
        int lo = 0, hi = Text.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_starts[mid] < originalOffset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    public override string ToString() => Text;

    /// <summary>Builds derived text piece by piece, each piece tagged with its original range.</summary>
    public sealed class Builder
    {
        private readonly System.Text.StringBuilder _text;
        private readonly List<int> _starts;
        private readonly List<int> _ends;
        private readonly int _originalLength;

        public Builder(int originalLength, int capacity = 256)
        {
            _originalLength = originalLength;
            _text = new System.Text.StringBuilder(capacity);
            _starts = new List<int>(capacity);
            _ends = new List<int>(capacity);
        }

        public int Length => _text.Length;

        /// <summary>Last character appended, or '\0' when empty.</summary>
        public char LastChar => _text.Length == 0 ? '\0' : _text[^1];

        /// <summary>Appends one character that stands for original range [start, end).</summary>
        public Builder Append(char c, int originalStart, int originalEnd)
        {
            _text.Append(c);
            _starts.Add(originalStart);
            _ends.Add(originalEnd);
            return this;
        }

        /// <summary>Appends characters copied one-to-one from the original starting at <paramref name="originalStart"/>.</summary>
        public Builder AppendCopied(ReadOnlySpan<char> chars, int originalStart)
        {
            for (var i = 0; i < chars.Length; i++)
            {
                Append(chars[i], originalStart + i, originalStart + i + 1);
            }

            return this;
        }

        /// <summary>Appends replacement text; every character of it maps to the whole original range.</summary>
        public Builder AppendReplacement(ReadOnlySpan<char> chars, int originalStart, int originalEnd)
        {
            foreach (var c in chars)
            {
                Append(c, originalStart, originalEnd);
            }

            return this;
        }

        /// <summary>Appends a range of another mapped text (of the same original), keeping its mapping.</summary>
        public Builder AppendFrom(MappedText source, int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                Append(source.Text[i], source._starts[i], source._ends[i]);
            }

            return this;
        }

        /// <summary>Removes trailing characters matching <paramref name="predicate"/>.</summary>
        public void TrimEnd(Func<char, bool> predicate)
        {
            var n = _text.Length;
            while (n > 0 && predicate(_text[n - 1]))
            {
                n--;
            }

            if (n < _text.Length)
            {
                _text.Length = n;
                _starts.RemoveRange(n, _starts.Count - n);
                _ends.RemoveRange(n, _ends.Count - n);
            }
        }

        public MappedText Build() => new(_text.ToString(), [.. _starts], [.. _ends], _originalLength);
    }
}
