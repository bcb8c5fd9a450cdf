using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Cleaning;

/// <summary>Recognisers for single lines, driven by the word lists in <c>Cleaning/Data</c>.</summary>
internal sealed class ClutterVocabulary
{
    private const int MaxClutterWords = 8;
    private const int MaxDateLineLength = 60;

    private readonly string[] _phrases;
    private readonly HashSet<string> _tailMarkers;
    private readonly string[] _dateWords;
    private readonly (string Kind, string Label)[] _labels;

    private ClutterVocabulary()
    {
        _phrases = [.. EmbeddedWordList.Lines("Cleaning/Data/clutter-words.txt").Select(p => LineText.WordKey(p)).Where(p => p.Length > 0)
            .Distinct(StringComparer.Ordinal).OrderByDescending(p => p.Length)];
        _tailMarkers = [.. EmbeddedWordList.Lines("Cleaning/Data/tail-markers.txt").Select(p => LineText.WordKey(p))];
        _dateWords = [.. EmbeddedWordList.Lines("Cleaning/Data/date-words.txt").Select(w => w.ToLowerInvariant()).OrderByDescending(w => w.Length)];
        _labels = [.. EmbeddedWordList.Lines("Cleaning/Data/line-labels.tsv")
            .Select(l => l.Split('\t', 2))
            .Where(p => p.Length == 2)
            .Select(p => (p[0].Trim(), p[1].Trim()))
            .OrderByDescending(p => p.Item2.Length)];
        Publishers = [.. EmbeddedWordList.Lines("Cleaning/Data/publishers.txt").OrderByDescending(p => p.Length)];
    }

    public static ClutterVocabulary Shared { get; } = new();

    public IReadOnlyList<string> Publishers { get; }

    /// <summary>
    /// A short line made only of template words ("Home Top Ad", "Post a Comment", "แชร์"), or of no word at all
    /// ("."); a line of parts between bars is clutter when every part is ("Print this page | Send this page").
    /// </summary>
    public bool IsClutter(ReadOnlySpan<char> line)
    {
        if (line.Contains('|'))
        {
            foreach (var range in line.Split('|'))
            {
                var part = line[range];
                if (LineText.WordKey(part).Length == 0)
                {
                    continue;
                }

                if (!IsClutterPart(part))
                {
                    return false;
                }
            }

            return true;
        }

        return IsClutterPart(line);
    }

    private bool IsClutterPart(ReadOnlySpan<char> line)
    {
        var key = LineText.WordKey(line);
        if (key.Length == 0)
        {
            return true;
        }

        return LineText.Words(key) <= MaxClutterWords && Covers(key, 0);
    }

    public bool IsTailMarker(ReadOnlySpan<char> line) => _tailMarkers.Contains(LineText.WordKey(line));

    /// <summary>A line mostly of <c>#tags</c>.</summary>
    public static bool IsHashtags(ReadOnlySpan<char> line)
    {
        int words = 0, tags = 0;
        foreach (var range in line.Split(' '))
        {
            var word = line[range].Trim();
            if (word.IsEmpty)
            {
                continue;
            }

            words++;
            if (word.Length > 1 && word[0] == '#' && word[1] != '#')
            {
                tags++;
            }
        }

        return tags > 0 && tags * 10 >= words * 6;
    }

    /// <summary>
    /// A line that is only a date (and a weekday, a time): "วันพุธที่ 27 กันยายน 2566", "27/09/2566",
    /// "Tuesday, February 6, 2024". Recognises, does not parse.
    /// </summary>
    public bool IsDateLine(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        if (line.IsEmpty || line.Length > MaxDateLineLength)
        {
            return false;
        }

        var rest = InvariantCase.ToLower(line);
        var named = false;
        foreach (var word in _dateWords)
        {
            if (rest.Contains(word, StringComparison.Ordinal))
            {
                named |= word.Length > 3 || word.EndsWith('.') || char.IsAsciiLetter(word[0]);
                rest = rest.Replace(word, " ", StringComparison.Ordinal);
            }
        }

        var groups = 0;
        var inDigits = false;
        var slashes = 0;
        foreach (var c in rest)
        {
            if (char.IsAsciiDigit(c) || c is >= '\u0E50' and <= '\u0E59')
            {
                if (!inDigits)
                {
                    groups++;
                }

                inDigits = true;
                continue;
            }

            inDigits = false;
            if (c is '/' or '-' or '.')
            {
                slashes++;
            }
            else if (!(char.IsWhiteSpace(c) || c is ',' or ':' or '(' or ')' or '|' or '–'))
            {
                return false;
            }
        }

        return named ? groups >= 1 : groups >= 3 && slashes >= 2;
    }

    /// <summary>The label opening a line at <paramref name="at"/> ("ที่มา :", "โดย:"): its kind and where its value starts.</summary>
    public (string Kind, int ValueStart)? LabelAt(ReadOnlySpan<char> line, int at, bool requireColon)
    {
        foreach (var (kind, label) in _labels)
        {
            if (!line[at..].StartsWith(label, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var i = at + label.Length;
            if (i < line.Length && LineText.IsWordChar(line[i]) && !LineText.IsThai(line[i - 1]))
            {
                continue;
            }

            while (i < line.Length && LineText.IsBlank(line[i]))
            {
                i++;
            }

            if (i < line.Length && line[i] is ':' or '：')
            {
                return (kind, i + 1);
            }

            if (!requireColon && i > at + label.Length)
            {
                return (kind, i);
            }
        }

        return null;
    }

    private bool Covers(string key, int at)
    {
        if (at >= key.Length)
        {
            return true;
        }

        foreach (var phrase in _phrases)
        {
            if (string.CompareOrdinal(key, at, phrase, 0, phrase.Length) != 0)
            {
                continue;
            }

            var end = at + phrase.Length;
            if (end == key.Length)
            {
                return true;
            }

            if (key[end] == ' ' && Covers(key, end + 1))
            {
                return true;
            }

            if (LineText.IsThai(key[end]) && LineText.IsThai(key[end - 1]) && Covers(key, end))
            {
                return true;
            }
        }

        return false;
    }
}
