using System.Text.RegularExpressions;
using SoftPowerAtlas.Analysis.Dates;

namespace SoftPowerAtlas.Analysis.Cleaning;

/// <summary>The headline's text inside its line: after a dateline or a lead's opening date, cut to one sentence when long.</summary>
public sealed partial class ClutterCleaner
{
    /// <summary>
    /// The headline's range in a line: after a dateline or the date a lead opens with (Bangkok, March 20 (IANS);
    /// วันนี้ (23 ก.พ. 68); เมื่อวันที่ 18 สิงหาคม), before a run of asterisks; cut to its first sentence when long.
    /// </summary>
    private static (int Start, int End) Headline(string text, int start, int end, bool lead)
    {
        (start, end) = Trimmed(text, start, end);
        var line = text.AsSpan(start, end - start);
        if (line.Length > MaxTitleLength || lead)
        {
            var skip = Dateline().Match(line.ToString()) is { Success: true } dateline ? dateline.Length : LeadDateLength(line);

            (start, end) = Trimmed(text, start + skip, end);
            line = text.AsSpan(start, end - start);
        }

        var stars = line.IndexOf("***", StringComparison.Ordinal);
        if (stars > 0)
        {
            (start, end) = Trimmed(text, start, start + stars);
            line = text.AsSpan(start, end - start);
        }

        // A lead titles the page by its first sentence, however short the line ("… in Lima. It is organised by …,").
        if (line.Length <= MaxTitleLength)
        {
            return lead && SentenceEnd(line) is > 0 and var cut ? Trimmed(text, start, start + cut) : (start, end);
        }

        return Trimmed(text, start, start + FirstSentence(line));
    }

    /// <summary>Length of the date (and time) a Thai lead opens with: วันพุธที่ 26 เมษายน 2566 เวลา 10.00 น., วันนี้ (5 ต.ค.), เมื่อวันที่ 7 พ.ค.</summary>
    private static int LeadDateLength(ReadOnlySpan<char> line)
    {
        // A headline may open with its date (6 สิงหาคมนี้ ไทย-เวียดนาม ฉลอง…); a lead opens with เมื่อ or วัน….
        if (!line.StartsWith("เมื่อ", StringComparison.Ordinal) && !line.StartsWith("วัน", StringComparison.Ordinal))
        {
            return 0;
        }

        var head = line[..Math.Min(line.Length, 90)].ToString();
        var end = 0;
        foreach (var date in DateReader.Default.Find(head))
        {
            // The first date opens the line (after เมื่อ at most); one right after it (วันนี้ (28 ก.พ.)) goes with it.
            if (date.Span.Start > (end == 0 ? 12 : end + 3) || (date.IsRelative && !date.Text.StartsWith("วันนี้", StringComparison.Ordinal)))
            {
                break;
            }

            end = date.Span.End;
        }

        if (end == 0)
        {
            return 0;
        }

        var rest = LeadResidue().Match(head, end);
        return rest.Index + rest.Length;
    }

    /// <summary>Where the first sentence ends: at ". " before a capital, before a Thai lead (เมื่อวันที่, วันนี้), or at a space near the limit.</summary>
    private static int FirstSentence(ReadOnlySpan<char> line)
    {
        if (SentenceEnd(line) is > 0 and var end)
        {
            return end;
        }

        foreach (var opener in (string[])["เมื่อวันที่", "วันนี้ (", "วันที่"])
        {
            var at = line[..Math.Min(line.Length, MaxTitleLength)].IndexOf(opener, StringComparison.Ordinal);
            if (at >= MinHeadlineLength * 2)
            {
                return at;
            }
        }

        var space = line[..MaxTitleLength].LastIndexOf(' ');
        return space > MaxTitleLength / 2 ? space : MaxTitleLength;
    }

    /// <summary>Where an English sentence ends: ". " after a lower-case letter, past the first 40 characters; -1 when none does.</summary>
    private static int SentenceEnd(ReadOnlySpan<char> line)
    {
        for (var i = 40; i < Math.Min(line.Length - 1, MaxTitleLength); i++)
        {
            if (line[i] == '.' && line[i + 1] == ' ' && char.IsLower(line[i - 1]))
            {
                return i + 1;
            }
        }

        return -1;
    }

    // "Bangkok, March 20 (IANS) ", "Mumbai: ", "Bangkok (VNA) — ", "BANGKOK, Nov 11 (TNA) – ", "HÀ NỘI — ",
    // "BANGKOK (The Daily Courier/Asia Media Network): ", "PARIS, May 31, 2024 (GLOBE NEWSWIRE) -- ", "BANGKOK, Thailand – ".
    [GeneratedRegex(@"^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}(?:,\s*\p{Lu}\p{L}+(?=\s*[—–]))?(?:,\s*\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:(?:\(\p{Lu}[\p{L}]{1,10}\)|\(\p{Lu}[\p{L}]*(?:[ /&][\p{L}]+){1,6}\))\s*(?:(?:--|[—–:-])\s*)?|[—–:]\s*)", RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();

    // What may follow a lead's date before its first word: a closing bracket, a time range's end, a dash.
    [GeneratedRegex(@"\G[\s)]*(?:[–-]\s*\d{1,2}[.:]\d{2}\s*(?:น\.|hrs?\.?)?)?[\s)–,:-]*", RegexOptions.CultureInvariant)]
    private static partial Regex LeadResidue();
}
