using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Engagements;

/// <summary>A place found for an engagement: as written, and where it is written in the normalised text.</summary>
internal readonly record struct FoundPlace(string Text, TextSpan Span);

/// <summary>
/// Where an engagement took place, as written: the words after ณ (or English "at") up to where the
/// sentence goes on to something else (<c>Data/place-stops.tsv</c>: งาน, เวลา, โดย…, "where", "to"…),
/// at most <see cref="MaxLength"/> characters; a longer run is not a place but half a sentence.
/// </summary>
internal sealed class PlaceFinder
{
    private const int MaxLength = 90;
    private static readonly string[] GluedStops = ["เพื่อ", "ซึ่ง", "เมื่อวันที่", "ในวันที่", "ระหว่างวันที่", "ตั้งแต่วันที่", "ทั้งนี้", "นอกจากนี้", "โดยมี"];
    private readonly string[] _thai;
    private readonly string[] _english;
    private readonly HashSet<string> _roleNouns;

    public PlaceFinder()
    {
        _roleNouns = new HashSet<string>(EmbeddedWordList.Lines("Entities/Data/person-nouns-en.txt"), StringComparer.OrdinalIgnoreCase);
        var rows = EmbeddedWordList.Rows("Engagements/Data/place-stops.tsv");
        _thai = [.. rows.Where(r => r[0] == "th").Select(r => r[1]).OrderByDescending(w => w.Length)];
        _english = [.. rows.Where(r => r[0] == "en").Select(r => r[1]).OrderByDescending(w => w.Length)];
    }

    /// <param name="text">The normalised text.</param>
    /// <param name="sentence">The engagement's sentence, read first.</param>
    /// <param name="paragraph">Its paragraph, read when the sentence gives no place.</param>
    /// <param name="insideName">True inside a name: "สถานเอกอัครราชทูต ณ กรุงเอเธนส์", "… เกษมสันต์ ณ อยุธยา" hold ณ but name no place.</param>
    /// <returns>The place as written and where it is written in <paramref name="text"/>, or null.</returns>
    public FoundPlace? Find(string text, TextSpan sentence, TextSpan paragraph, Func<int, bool> insideName)
    {
        foreach (var span in new[] { sentence, paragraph })
        {
            var s = text.AsSpan(span.Start, span.Length);
            var (at, skip) = Opening(s, i => insideName(span.Start + i));
            if (at < 0)
            {
                continue;
            }

            var rest = s[(at + skip)..];
            var end = End(rest);
            var lead = end - rest[..end].TrimStart().Length;
            var place = TrimDanglingWords(rest[..end].Trim().TrimEnd(".,;:")).ToString();
            var start = span.Start + at + skip + lead;
            return place.Length is > 1 and <= MaxLength ? new FoundPlace(place, new TextSpan(start, start + place.Length)) : null;
        }

        return null;
    }

    /// <summary>Where the place begins: after " ณ ", or after English " at " when a name follows.</summary>
    private (int At, int Skip) Opening(ReadOnlySpan<char> s, Func<int, bool> insideName)
    {
        var from = 0;
        int at;
        while ((at = s[from..].IndexOf(" ณ ", StringComparison.Ordinal)) >= 0)
        {
            at += from;
            // "สธน เกษมสันต์ ณ อยุธยา": ณ อยุธยา ends a royal family's surname.
            // "เอกอัครราชทูต ณ กรุงเอเธนส์": where an envoy is posted is part of the title, not a venue.
            var posted = s[..at].TrimEnd('ฯ').EndsWith("ทูต", StringComparison.Ordinal) || s[..at].TrimEnd('ฯ').EndsWith("กงสุลใหญ่", StringComparison.Ordinal);
            if (!insideName(at + 1) && !posted && !s[(at + 3)..].StartsWith("อยุธยา", StringComparison.Ordinal))
            {
                return (at, 3);
            }

            from = at + 3;
        }

        from = 0;
        while ((at = s[from..].IndexOf(" at ", StringComparison.Ordinal)) >= 0)
        {
            at += from;
            var next = s[(at + 4)..];
            // "Aran Boonchai, permanent secretary at the Ministry of Tourism": where a person works, not a venue.
            if (IsRoleNoun(s[..at]))
            {
                from = at + 4;
                continue;
            }

            if (next.StartsWith("the ", StringComparison.Ordinal) && next.Length > 4 && char.IsUpper(next[4]))
            {
                return (at, 8);
            }

            if (next.Length > 0 && char.IsUpper(next[0]))
            {
                return (at, 4);
            }

            from = at + 4;
        }

        return (-1, 0);
    }

    private bool IsRoleNoun(ReadOnlySpan<char> before)
    {
        var word = before[(before.LastIndexOf(' ') + 1)..].TrimEnd(",");
        return word.Length > 0 && char.IsLower(word[0]) && _roleNouns.Contains(word.ToString());
    }

    private int End(ReadOnlySpan<char> rest)
    {
        var end = rest.IndexOfAny("\n!“\"(");
        end = end < 0 ? rest.Length : end;
        for (var i = 1; i < end; i++)
        {
            if (rest[i - 1] == ' ' && StopsAt(rest[i..end]))
            {
                return i - 1;
            }

            // "ณ ศาลากลางจังหวัดหนองคายเพื่อพบปะ…": Thai writes no space before these, and no venue's name holds them.
            if (Gazetteer.IsThaiLetter(rest[i - 1]) && WordLists.StartsWithAny(rest[i..end], GluedStops))
            {
                return i;
            }

            if (rest[i] == '.' && (i + 1 >= end || rest[i + 1] == ' '))
            {
                return i;
            }

            // "at the Queen Sirikit National Convention Center, 28-30 June": a day after the comma is the when, not the where.
            if (rest[i] == ',' && i + 2 < end && rest[i + 1] == ' ' && char.IsAsciiDigit(rest[i + 2]))
            {
                return i;
            }
        }

        return end;
    }

    /// <summary>"… meeting in the month of" cut before its month: the little words left at the end go too.</summary>
    private static ReadOnlySpan<char> TrimDanglingWords(ReadOnlySpan<char> place)
    {
        string[] dangling = [" in", " of", " the", " at", " on", " a"];
        var trimmed = true;
        while (trimmed)
        {
            trimmed = false;
            foreach (var w in dangling)
            {
                if (place.EndsWith(w, StringComparison.OrdinalIgnoreCase))
                {
                    place = place[..^w.Length].TrimEnd(" ,");
                    trimmed = true;
                }
            }
        }

        return place;
    }

    private bool StopsAt(ReadOnlySpan<char> rest)
    {
        if (Gazetteer.IsThaiLetter(rest[0]))
        {
            foreach (var w in _thai)
            {
                if (rest.StartsWith(w, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var w in _english)
        {
            if (rest.StartsWith(w, StringComparison.Ordinal) && (rest.Length == w.Length || !char.IsLetter(rest[w.Length])))
            {
                return true;
            }
        }

        return false;
    }
}
