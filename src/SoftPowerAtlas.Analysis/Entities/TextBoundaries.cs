using SoftPowerAtlas.Analysis.Segmentation;

namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>Word boundaries of a text from its tokens: where a name may begin or end.</summary>
internal sealed class TextBoundaries
{
    private readonly bool[] _boundary;
    // Token index by start position, -1 where none starts: an array, as a dictionary of every token cost more than the scan.
    private readonly int[] _tokenAt;

    public TextBoundaries(string text, IReadOnlyList<Token> tokens, PrefixWords? anchors = null)
    {
        Text = text;
        Tokens = tokens;
        Roles = anchors;
        _boundary = new bool[text.Length + 1];
        _boundary[0] = true;
        _boundary[text.Length] = true;
        _tokenAt = new int[text.Length + 1];
        Array.Fill(_tokenAt, -1);
        for (var i = 0; i < tokens.Count; i++)
        {
            _boundary[tokens[i].Start] = true;
            _boundary[tokens[i].End] = true;
            _tokenAt[tokens[i].Start] = i;
        }

        // Script changes and non-letters are boundaries even where the segmenter glued them. Thai vowel
        // and tone marks are part of their word (ส่ง, เป็น): no boundary on either side of one.
        // Each character's class is read once and carried to the next position.
        var previousWord = text.Length > 0 && IsWordChar(text[0]);
        var previousThai = text.Length > 0 && Gazetteer.IsThaiLetter(text[0]);
        for (var i = 1; i < text.Length; i++)
        {
            var word = IsWordChar(text[i]);
            var thai = Gazetteer.IsThaiLetter(text[i]);
            if ((!previousWord || !word || previousThai != thai) && !IsThaiMark(text[i]))
            {
                _boundary[i] = true;
            }

            previousWord = word;
            previousThai = thai;
        }

        if (anchors is not null)
        {
            RepairAfterAnchors(text, anchors);
        }
    }

    public string Text { get; }

    /// <summary>The Thai role phrases (รัฐมนตรี…, ผู้อำนวยการ…) whose starts are word boundaries, when given.</summary>
    public PrefixWords? Roles { get; }

    /// <summary>
    /// ICU glues the next word's first letter to some Thai words it does not know whole
    /// (ผู้|อำนวย|การก|รม…): where an anchor word (a role) starts on a boundary, its end is one too.
    /// </summary>
    private void RepairAfterAnchors(string text, PrefixWords anchors)
    {
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (_boundary[i] && Gazetteer.IsThaiLetter(text[i]) && anchors.LongestAt(text, i) is var length and >= 4)
            {
                var end = i + length;
                if (end < text.Length && !IsThaiMark(text[end]))
                {
                    _boundary[end] = true;
                }
            }
        }
    }

    public IReadOnlyList<Token> Tokens { get; }

    public bool IsBoundary(int index) => index >= 0 && index <= Text.Length && _boundary[index];

    /// <summary>Index of the token starting at <paramref name="position"/>, or -1.</summary>
    public int TokenStartingAt(int position) => position >= 0 && position < _tokenAt.Length ? _tokenAt[position] : -1;

    /// <summary>Letters, digits and Thai marks; ฯ and ๆ (abbreviation and repetition marks) end a word like a full stop.</summary>
    private static bool IsWordChar(char c) => (char.IsLetterOrDigit(c) || IsThaiMark(c)) && c is not ('ฯ' or 'ๆ');

    private static bool IsThaiMark(char c) => c is '\u0E31' or (>= '\u0E34' and <= '\u0E3A') or (>= '\u0E47' and <= '\u0E4E');
}
