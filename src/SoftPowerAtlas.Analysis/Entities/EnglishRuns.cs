using System.Collections.Frozen;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>A word of English text: whether it is capitalised, touches a person, or ends a sentence with its dot.</summary>
internal readonly record struct EnglishWord(int Start, int End, string Text, bool Capital, bool Closed, bool EndsSentence);

/// <summary>Capitalised words <see cref="First"/>..<see cref="Last"/>, joined to the chunk before by <see cref="Connector"/> ("of the", "and", ",").</summary>
internal readonly record struct EnglishChunk(int First, int Last, string? Connector);

/// <summary>
/// Cuts English text into words and runs of capitalised words joined by connectors ("Ministry of
/// Culture, Sports and Tourism", "Royal Thai Embassy in Hà Nội"): what an organisation's name is read from.
/// </summary>
internal static class EnglishRuns
{
    /// <summary>Function words a headline in title case capitalises and running text never does.</summary>
    private static readonly FrozenSet<string> TitleCaseWords = FrozenSet.Create(StringComparer.Ordinal, "Of", "For", "With", "To", "And", "In", "On", "At", "As", "From", "By", "Into", "Over", "After", "Amid", "Against");

    private static readonly FrozenSet<string> Connectors = FrozenSet.Create(StringComparer.Ordinal, "of", "for", "on", "de", "du", "des", "di", "del", "della", "la", "le", "the", "and", "&", "in");
    private static readonly FrozenSet<string> Abbreviations = FrozenSet.Create(StringComparer.Ordinal, "Co.", "Ltd.", "Inc.", "Corp.", "Bhd.", "Pte.", "Sdn.", "Dept.", "Assn.", "St.", "Jr.");

    /// <summary>Chunks of capitalised words joined by connectors, from word <paramref name="first"/>.</summary>
    public static List<EnglishChunk> Run(string text, List<EnglishWord> words, int first)
    {
        var chunks = new List<EnglishChunk>();
        var start = first;
        string? connector = null;
        var i = first;
        while (true)
        {
            var w = words[i];
            var nextIndex = i + 1;
            var joined = nextIndex < words.Count && words[nextIndex].Start == w.End + 1 && text[w.End] == ' ' && !w.EndsSentence;
            // "Department of … The Ministry of Commerce" (a translated page's two bodies): a capitalised article starts a new name.
            if (joined && words[nextIndex].Capital && words[nextIndex].Text != "The")
            {
                i = nextIndex;
                continue;
            }

            chunks.Add(new EnglishChunk(start, i, connector));
            if (!joined)
            {
                // "Ministry of Culture, Sports and Tourism": a list of capitalised items closed by "and".
                if (ListAfter(text, words, i) is { } item)
                {
                    connector = ",";
                    start = item;
                    i = item;
                    continue;
                }

                break;
            }

            // Connectors ("of the", "and the") between two chunks of capitalised words.
            var k = nextIndex;
            var conn = new List<string>();
            while (k < words.Count && Connectors.Contains(words[k].Text) && (conn.Count == 0 || words[k].Start == words[k - 1].End + 1) && conn.Count < 2)
            {
                conn.Add(words[k].Text);
                k++;
            }

            if (conn.Count == 0 || k >= words.Count || !words[k].Capital || words[k].Start != words[k - 1].End + 1 || words[k - 1].EndsSentence)
            {
                break;
            }

            connector = string.Join(' ', conn);
            start = k;
            i = k;
        }

        return chunks;
    }

    /// <summary>", Sports and Tourism": the first item's word when a comma opens a list of capitalised items ending "and X".</summary>
    private static int? ListAfter(string text, List<EnglishWord> words, int last)
    {
        var w = words[last];
        if (last + 1 >= words.Count || !text.AsSpan(w.End).StartsWith(", ", StringComparison.Ordinal) || words[last + 1].Start != w.End + 2 || !words[last + 1].Capital)
        {
            return null;
        }

        // Items of one to three capitalised words, separated by ", ", the last after " and ".
        var k = last + 1;
        for (var items = 0; items < 6 && k < words.Count; items++)
        {
            var n = 0;
            while (k + n < words.Count && words[k + n].Capital && n < 3 && (n == 0 || words[k + n].Start == words[k + n - 1].End + 1))
            {
                n++;
            }

            if (n == 0)
            {
                return null;
            }

            var end = words[k + n - 1].End;
            if (text.AsSpan(end).StartsWith(" and ", StringComparison.Ordinal) && k + n + 1 < words.Count && words[k + n].Text == "and" && words[k + n + 1].Capital)
            {
                return last + 1;
            }

            if (!text.AsSpan(end).StartsWith(", ", StringComparison.Ordinal) || k + n >= words.Count || !words[k + n].Capital)
            {
                return null;
            }

            k += n;
        }

        return null;
    }

    /// <summary>Words of the text (letters, digits, inner . - ' &amp;; a possessive 's left outside), with whether each is capitalised and touches a person.</summary>
    public static List<EnglishWord> Words(string text, bool[] closed)
    {
        var words = new List<EnglishWord>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]) || text[i] is '.' or '-' or '\'' or '’')
            {
                i++;
                continue;
            }

            var end = i;
            while (end < text.Length && IsWordChar(text[end]))
            {
                end++;
            }

            var raw = text[i..end];
            var endsSentence = false;
            if (raw.EndsWith('.') && !Abbreviations.Contains(raw) && !IsInitials(raw))
            {
                raw = raw.TrimEnd('.');
                end = i + raw.Length;
                endsSentence = true;
            }
            else if (raw.Length > 2 && (raw.EndsWith("'s", StringComparison.Ordinal) || raw.EndsWith("’s", StringComparison.Ordinal))
                && !(end + 1 < text.Length && text[end] == ' ' && char.IsUpper(text[end + 1])))
            {
                // "the Ministry of Culture’s project": the possessive is outside the name, and the run ends with it;
                // "Việt Nam's Ministry of Culture" names the country's own body and stays whole.
                raw = raw[..^2];
                end = i + raw.Length;
            }

            var isClosed = false;
            for (var k = i; k < end; k++)
            {
                isClosed |= closed[k];
            }

            if (raw.Length > 0)
            {
                var capital = !isClosed && (char.IsUpper(raw[0]) || (raw[0] == '&' && raw.Length == 1 && false)) && !Gazetteer.IsThaiLetter(raw[0]);
                words.Add(new EnglishWord(i, end, raw, capital, isClosed, endsSentence));
            }

            i = Math.Max(end, i + 1);
            while (i < text.Length && text[i] == '.')
            {
                i++;
            }
        }

        return words;
    }

    private static bool IsWordChar(char c) => (char.IsLetterOrDigit(c) && !Gazetteer.IsThaiLetter(c)) || c is '.' or '-' or '\'' or '’' or '&';

    /// <summary>"U.S.", "H.K.": single letters with dots.</summary>
    private static bool IsInitials(string raw) => raw.Length >= 4 && raw.Length % 2 == 0 && Enumerable.Range(0, raw.Length / 2).All(k => char.IsLetter(raw[2 * k]) && raw[(2 * k) + 1] == '.');

    /// <summary>"AND", "TO" in a headline written in capitals: the function word in capitals.</summary>
    private static bool IsCapitalisedFunctionWord(string word) =>
        word.Length >= 2 && word.All(char.IsAsciiLetterUpper) && TitleCaseWords.Contains(string.Concat(word[..1], word[1..].ToLowerInvariant()));

    /// <summary>Lines in title case or capitals: two or more capitalised function words (With, To, Of, AND…) after the line's first word.</summary>
    public static List<TextSpan> TitleCaseLines(string text, List<EnglishWord> words)
    {
        var lines = new List<TextSpan>();
        var lineStart = -1;
        var lineEnd = -1;
        var count = 0;
        foreach (var w in words)
        {
            if (w.Start >= lineEnd)
            {
                if (count >= 2)
                {
                    lines.Add(new TextSpan(lineStart, lineEnd));
                }

                lineStart = w.Start == 0 ? 0 : text.LastIndexOf('\n', w.Start - 1) + 1;
                lineEnd = text.IndexOf('\n', w.Start);
                lineEnd = lineEnd < 0 ? text.Length : lineEnd;
                count = 0;
            }

            if (w.Start > lineStart && text[w.Start - 1] == ' ' && (TitleCaseWords.Contains(w.Text) || IsCapitalisedFunctionWord(w.Text)))
            {
                count++;
            }
        }

        if (count >= 2)
        {
            lines.Add(new TextSpan(lineStart, lineEnd));
        }

        return lines;
    }
}
