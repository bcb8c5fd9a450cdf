using System.Text.RegularExpressions;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>
/// Stretches of a text that credit rather than report: web addresses and handles, picture and
/// source credits ("ภาพ: …", "ที่มา : …", "Photo courtesy of …", "(Post Today photo)"), bylines
/// ("By Sanjay Kumar" on a line of its own) and source lines ("National News Bureau : http…").
/// A name inside one is not an entity of the story; a news outlet credited beside the story (in
/// brackets, after "reported", in a dateline) is not one either.
/// </summary>
internal sealed partial class CreditRegions
{
    private const int MaxBylineWords = 6;
    private static readonly string[] ReportWordsBefore = ["reported", "reports", "according to", "told", "speaking to", "interview with", "via", "citing", "cited", "quoted", "source", "ที่มา", "อ้างอิง", "รายงาน", "ข่าวจาก", "ให้สัมภาษณ์"];
    private static readonly string[] ReportWordsAfter = ["reported", "reports", "said", "quotes", "quoted", "รายงาน"];
    private static readonly string[] OutletEndings = [" News Agency", " News Service", " Press Agency", " News Network"];

    /// <summary>A name that says it is a news outlet: "Kazinform News Agency", "สำนักข่าวซินหัว".</summary>
    public static bool IsNewsOutletName(ReadOnlySpan<char> name)
    {
        foreach (var e in OutletEndings)
        {
            if (name.EndsWith(e, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return name.StartsWith("สำนักข่าว", StringComparison.Ordinal);
    }


    // "posted on Facebook", "ผ่านเพจเฟซบุ๊ก", "its YouTube channel": a platform named as the channel.
    private static readonly string[] ChannelWordsBefore = [" on", " via", " through", "ผ่าน", "ทาง", "เพจ", "บน"];
    private static readonly string[] ChannelWordsAfter = ["page", "platform", "account", "post", "live", "channel", "เพจ", "ไลฟ์"];

    private readonly (string Marker, bool LineOnly)[] _markers;

    public CreditRegions()
    {
        _markers = [.. EmbeddedWordList.Rows("Entities/Data/credit-markers.tsv")
            .Where(r => r.Length >= 2)
            .Select(r => (r[0], r[1] == "line"))
            .OrderByDescending(m => m.Item1.Length)];
    }

    /// <summary>Every credit region of <paramref name="text"/>, in no particular order.</summary>
    public List<TextSpan> Find(string text)
    {
        var regions = new List<TextSpan>();
        AddAddresses(text, regions);
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            AddLineCredits(text, lineStart, lineEnd, regions);
            lineStart = lineEnd + 1;
        }

        return regions;
    }

    /// <summary>
    /// A news outlet's mention that credits the story's source: alone in brackets ("(VNA)", "(Photo:
    /// VNA)"), after or before a reporting word ("reported Bangkok Post", "Xinhua reported"), or opening
    /// a dateline ("Bangkok (VNA) –" is in brackets; "VNA — Hanoi"); a platform named as the channel
    /// ("on Facebook", "her Facebook platform", "ผ่านเพจเฟซบุ๊ก").
    /// </summary>
    public static bool IsCreditedSource(string text, TextSpan mention)
    {
        var (before, lineBefore) = LineBefore(text, mention.Start);
        var (after, lineAfter) = LineAfter(text, mention.End);
        before = before.TrimEnd();
        after = after.TrimStart();
        if ((before.EndsWith('(') || before.EndsWith('/') || before.EndsWith(':')) && (after.StartsWith(')') || after.StartsWith('/')))
        {
            return true;
        }

        foreach (var w in ReportWordsBefore)
        {
            var at = before.LastIndexOf(w, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && before.Length - at - w.Length <= 6)
            {
                return true;
            }
        }

        foreach (var w in ReportWordsAfter.Concat(ChannelWordsAfter))
        {
            if (after.StartsWith(w, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        var trimmed = before.TrimEnd();
        if (ChannelWordsBefore.Any(w => trimmed.EndsWith(w, StringComparison.OrdinalIgnoreCase) || trimmed.EndsWith(w + " the", StringComparison.OrdinalIgnoreCase)
            || trimmed.EndsWith(w + " its", StringComparison.OrdinalIgnoreCase) || trimmed.EndsWith(w + " her", StringComparison.OrdinalIgnoreCase) || trimmed.EndsWith(w + " his", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        // A line that is only the outlet, or a paragraph that ends "— VNA", "(NNT)" or, the dash glued to its last sentence, "school.-VNA".
        var nothingBefore = lineBefore && before.Trim().Length == 0;
        var nothingAfter = lineAfter && after.Length == 0;
        return nothingBefore && (nothingAfter || after.StartsWith('—') || after.StartsWith('–') || after.StartsWith("- ", StringComparison.Ordinal))
            || (nothingAfter && (before.EndsWith('—') || before.EndsWith('–') || before.EndsWith(" -", StringComparison.Ordinal)
                || (before.Length >= 2 && before[^1] == '-' && before[^2] is '.' or '"' or '”')));
    }

    private void AddLineCredits(string text, int lineStart, int lineEnd, List<TextSpan> regions)
    {
        var line = text.AsSpan(lineStart, lineEnd - lineStart);
        var lead = 0;
        while (lead < line.Length && (char.IsWhiteSpace(line[lead]) || line[lead] is '(' or '[' or '*' or '-' or '—' or '–'))
        {
            lead++;
        }

        foreach (var (marker, lineOnly) in _markers)
        {
            var at = lineOnly ? (line[lead..].StartsWith(marker, StringComparison.Ordinal) ? lead : -1) : line.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var rest = line[(at + marker.Length)..];
            if (lineOnly && !OpensCredit(marker, rest))
            {
                continue;
            }

            var start = lineStart + at;
            regions.Add(new TextSpan(start, RegionEnd(text, start, lineEnd)));
            return;
        }

        // "(Post Today photo)", "(with photos)": a bracket that ends with the word photo.
        for (var open = line.IndexOf('('); open >= 0; open = NextOpen(line, open))
        {
            var close = line[open..].IndexOf(')');
            if (close < 0)
            {
                break;
            }

            var inner = line.Slice(open + 1, close - 1).Trim();
            if (inner.EndsWith("photo", StringComparison.OrdinalIgnoreCase) || inner.EndsWith("photos", StringComparison.OrdinalIgnoreCase))
            {
                regions.Add(new TextSpan(lineStart + open, lineStart + open + close + 1));
            }
        }

        // "BANGKOK (The Nation/Asia News Network):", "HANOI, May 3 (VNA) –": a wire dateline's bracket names
        // the agencies the story came through, whatever they are called.
        if (WireDateline().Match(text, lineStart, lineEnd - lineStart) is { Success: true } dateline)
        {
            var bracket = dateline.Groups["credit"];
            regions.Add(new TextSpan(bracket.Index - 1, bracket.Index + bracket.Length + 1));
        }

        // "National News Bureau & Public Relations : http://…": a line that names where it came from.
        var colon = line.IndexOf(" : http", StringComparison.Ordinal);
        if (colon > 0 && line.Length <= MaxCreditLength)
        {
            regions.Add(new TextSpan(lineStart, lineEnd));
        }
    }

    private static int NextOpen(ReadOnlySpan<char> line, int open)
    {
        var next = line[(open + 1)..].IndexOf('(');
        return next < 0 ? -1 : open + 1 + next;
    }

    /// <summary>"ภาพ : …", "Photo: …", "Source - …", "Photo by …", and a byline "By Jane Doe" alone on its line.</summary>
    private static bool OpensCredit(string marker, ReadOnlySpan<char> rest)
    {
        if (marker == "By")
        {
            var words = rest.Trim();
            if (words.IsEmpty || !char.IsUpper(words[0]) || words.Contains('.') || words.Contains(','))
            {
                return false;
            }

            return words.Count(' ') + 1 <= MaxBylineWords;
        }

        var r = rest.TrimStart();
        return r.StartsWith(':') || r.StartsWith('：') || r.StartsWith('-') || r.StartsWith('–')
            || r.StartsWith("by ", StringComparison.Ordinal) || r.StartsWith("โดย", StringComparison.Ordinal)
            || r.StartsWith("courtesy", StringComparison.OrdinalIgnoreCase) || (marker.EndsWith(" by", StringComparison.Ordinal) && r.Length > 0);
    }

    /// <summary>To the end of the line, or of the bracket the credit is written in.</summary>
    /// <summary>
    /// A credit is a line's worth of names ("ภาพ: …, ข่าว: …"); a "line" longer than this is a page pasted
    /// without breaks, and its credit ends here rather than taking every name of the page with it.
    /// </summary>
    private const int MaxCreditLength = 240;

    private static int RegionEnd(string text, int start, int lineEnd)
    {
        lineEnd = Math.Min(lineEnd, start + MaxCreditLength);
        var open = text.LastIndexOf('(', Math.Max(0, start - 1), Math.Min(start, 3));
        if (open >= 0)
        {
            var close = text.IndexOf(')', start, lineEnd - start);
            if (close >= 0)
            {
                return close + 1;
            }
        }

        return lineEnd;
    }

    /// <summary>http(s)://…, www.…, name@host, @handle: no entity is named inside an address.</summary>
    private static void AddAddresses(string text, List<TextSpan> regions)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var starts = text.AsSpan(i).StartsWith("http", StringComparison.OrdinalIgnoreCase)
                || text.AsSpan(i).StartsWith("www.", StringComparison.OrdinalIgnoreCase)
                || (text[i] == '@' && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]));
            if (!starts || (i > 0 && char.IsAsciiLetterOrDigit(text[i - 1]) && text[i] != '@'))
            {
                continue;
            }

            var start = i;
            if (text[i] == '@')
            {
                // name@host.tld: the address starts with the name.
                while (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] is '.' or '_' or '-'))
                {
                    start--;
                }
            }

            var end = i + 1;
            while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('"' or '“' or '”' or '<' or '>'))
            {
                end++;
            }

            if (text.AsSpan(i).StartsWith("http", StringComparison.OrdinalIgnoreCase) && !text.AsSpan(i, end - i).Contains("://", StringComparison.Ordinal))
            {
                continue;
            }

            regions.Add(new TextSpan(start, end));
            i = end;
        }
    }

    /// <summary>How far along its line a credit's words are looked for: every cue sits right beside the outlet's name.</summary>
    private const int Reach = 200;

    /// <summary>The line before <paramref name="pos"/>, at most <see cref="Reach"/> characters of it, and whether that is all of it (a page of one long line made reading the whole line per name quadratic).</summary>
    private static (string Text, bool Whole) LineBefore(string text, int pos)
    {
        var from = Math.Max(0, pos - Reach);
        var newline = pos == 0 ? -1 : text.LastIndexOf('\n', pos - 1, pos - from);
        return newline >= 0 ? (text[(newline + 1)..pos], true) : (text[from..pos], from == 0);
    }

    /// <summary>The line after <paramref name="pos"/>, at most <see cref="Reach"/> characters of it, and whether that is all of it.</summary>
    private static (string Text, bool Whole) LineAfter(string text, int pos)
    {
        var to = Math.Min(text.Length, pos + Reach);
        var newline = text.IndexOf('\n', pos, to - pos);
        return newline >= 0 ? (text[pos..newline], true) : (text[pos..to], to == text.Length);
    }

    /// <summary>A line that opens with a city in capitals (and a date), then the credited agencies in brackets, then a dash or colon.</summary>
    [GeneratedRegex(@"\G\s*[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*\((?<credit>[^()\n]{2,80})\)\s*[:–—-]", RegexOptions.CultureInvariant)]
    private static partial Regex WireDateline();
}
