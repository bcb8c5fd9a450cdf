using System.Text;

namespace SoftPowerAtlas.Analysis.Formats;

/// <summary>
/// Text read out of a paged file (PDF, Word, a scan): paragraphs one per line, and where each page starts, as UTF-16 offsets into <see cref="Text"/> (the text atlas stores,
/// so a fact's offsets tell its page through <see cref="PageAt"/>).
/// </summary>
public sealed record PagedText(string Text, IReadOnlyList<int> PageStarts)
{
    /// <summary>The 1-based page holding <paramref name="offset"/>; 1 when the file has no pages marked.</summary>
    public static int PageAt(IReadOnlyList<int> pageStarts, int offset)
    {
        ArgumentNullException.ThrowIfNull(pageStarts);
        var page = 1;
        for (var i = 1; i < pageStarts.Count && pageStarts[i] <= offset; i++)
        {
            page = i + 1;
        }

        return page;
    }

    /// <summary>Builds a <see cref="PagedText"/> paragraph by paragraph; stops growing past a character cap.</summary>
    internal sealed class Builder(long maxChars)
    {
        private readonly StringBuilder _text = new();
        private readonly List<int> _starts = [];
        private bool _lineOpen;
        private int _pending;

        /// <summary>True once the text has reached the cap: the caller stops reading and reports the file as too long.</summary>
        public bool Full => _text.Length > maxChars;

        public int Length => _text.Length;

        public int Pages => _starts.Count + _pending;

        /// <summary>True when a page has been started and no text has come since (Word marks one page turn twice).</summary>
        public bool PagePending => _pending > 0;

        /// <summary>
        /// Starts a page: it begins at the next character appended, mid-paragraph or not, and no line is
        /// added, so the text reads as the same text would without pages. An empty page begins where the
        /// next one does, so page numbers stay the file's.
        /// </summary>
        public void StartPage() => _pending++;

        /// <summary>Appends text to the current paragraph; line breaks inside it become spaces.</summary>
        public void Append(string text)
        {
            if (_pending > 0 && !string.IsNullOrWhiteSpace(text))
            {
                for (; _pending > 0; _pending--)
                {
                    _starts.Add(_text.Length);
                }
            }

            foreach (var c in text)
            {
                _text.Append(c is '\r' or '\n' or '\f' or '\v' ? ' ' : c);
            }

            _lineOpen |= text.Length > 0;
        }

        /// <summary>Ends the paragraph: a line break, unless it is empty.</summary>
        public void EndParagraph()
        {
            if (!_lineOpen)
            {
                return;
            }

            // Trailing spaces are not text; they only shift offsets.
            var end = _text.Length;
            while (end > 0 && _text[end - 1] is ' ' or '\t')
            {
                end--;
            }

            _text.Length = end;
            _text.Append('\n');
            _lineOpen = false;
        }

        public PagedText Build()
        {
            EndParagraph();
            for (; _pending > 0; _pending--)
            {
                _starts.Add(_text.Length);
            }

            var text = _text.ToString();
            return new PagedText(text, _starts.Count == 0 ? [0] : _starts.ToArray());
        }
    }
}
