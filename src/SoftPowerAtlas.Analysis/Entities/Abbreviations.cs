using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>
/// An abbreviation a text defines in brackets after a body's name ("Leisure and Cultural Services
/// Department (LCSD)", "สำนักงานขับเคลื่อนการปฏิรูปประเทศ … (สำนักงาน ป.ย.ป.)", "กรมส่งเสริมวัฒนธรรม
/// (สวธ.)") names that body wherever the text writes it again; and a name found by pattern whose
/// bracketed abbreviation is a known body's is that body, spelled another way. A body's name in the
/// other script opening the brackets ("สมาคมคู่สมรสนักการทูต (Diplomatic Spouses Association - DSA)")
/// is the same body too.
/// </summary>
internal static class Abbreviations
{
    private const int MaxAbbreviation = 16;
    private const int MaxTranslation = 120;

    public static List<EntityMention> Link(string text, List<EntityMention> mentions)
    {
        LinkTranslations(text, mentions);
        var added = new List<EntityMention>();
        for (var i = 0; i < mentions.Count; i++)
        {
            var body = mentions[i];
            if (!body.IsOrganization || Bracketed(text, body.Span.End) is not { } inner)
            {
                continue;
            }

            var written = text[inner.Start..inner.End];
            var known = mentions.FirstOrDefault(m => m.Span == inner && m.IsOrganization);
            if (known is not null)
            {
                // "Department of Cultural Promotion (สวธ.)" found by pattern, สวธ. a known body: one body.
                if (body.Source == MentionSource.Pattern && known.Source == MentionSource.Reference)
                {
                    mentions[i] = body with { Key = known.Key, Name = known.Name, Kind = known.Kind, Country = known.Country ?? body.Country, NameEn = known.NameEn };
                }

                continue;
            }

            if (!IsAbbreviation(written) || mentions.Any(m => m.Span.Overlaps(inner)) || added.Any(m => m.Span.Overlaps(inner)))
            {
                continue;
            }

            foreach (var at in Occurrences(text, written))
            {
                var span = new TextSpan(at, at + written.Length);
                if (!mentions.Any(m => m.Span.Overlaps(span)) && !added.Any(m => m.Span.Overlaps(span)))
                {
                    added.Add(body with { Span = span, Text = written, Position = null, Parent = null });
                }
            }
        }

        if (added.Count == 0)
        {
            return mentions;
        }

        mentions.AddRange(added);
        mentions.Sort((x, y) => x.Span.Start.CompareTo(y.Span.Start));
        return mentions;
    }

    private static void LinkTranslations(string text, List<EntityMention> mentions)
    {
        for (var i = 0; i < mentions.Count; i++)
        {
            var body = mentions[i];
            var open = body.Span.End < text.Length && text[body.Span.End] == ' ' ? body.Span.End + 1 : body.Span.End;
            if (!body.IsOrganization || open >= text.Length || text[open] != '(')
            {
                continue;
            }

            var close = text.IndexOf(')', open + 1);
            var j = mentions.FindIndex(m => m.Span.Start == open + 1 && m.IsOrganization);
            if (close < 0 || close - open > MaxTranslation || j < 0 || mentions[j].Span.End > close || mentions[j].Key == body.Key)
            {
                continue;
            }

            var inner = mentions[j];
            if (Gazetteer.IsThaiLetter(body.Text[0]) == Gazetteer.IsThaiLetter(inner.Text[0]))
            {
                continue;
            }

            if (inner.Source == MentionSource.Pattern)
            {
                mentions[j] = inner with { Key = body.Key, Name = body.Name, Kind = body.Kind, Country = body.Country ?? inner.Country, NameEn = body.NameEn ?? inner.Text };
            }
            else if (body.Source == MentionSource.Pattern)
            {
                mentions[i] = body with { Key = inner.Key, Name = inner.Name, Kind = inner.Kind, Country = inner.Country ?? body.Country, NameEn = inner.NameEn };
            }
        }
    }

    /// <summary>"LCSD", "HK Phil", "ป.ย.ป.", "สำนักงาน ป.ย.ป.", "สวธ.": short, with capitals or Thai letters and dots.</summary>
    private static bool IsAbbreviation(string s)
    {
        if (s.Length is < 2 or > MaxAbbreviation)
        {
            return false;
        }

        var latin = s.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is '&' or '-' or '.')
            || (s.Split(' ').Length == 2 && s.Split(' ').All(w => w.Length >= 2 && char.IsAsciiLetterUpper(w[0])) && s.Count(char.IsAsciiLetterUpper) >= 3);
        var thai = s.Contains('.', StringComparison.Ordinal) && s.All(c => Gazetteer.IsThaiLetter(c) || c is '.' or ' ') && s.Count(c => c == '.') >= 1;
        return latin || thai;
    }

    private static TextSpan? Bracketed(string text, int end)
    {
        var open = end < text.Length && text[end] == ' ' ? end + 1 : end;
        if (open >= text.Length || text[open] != '(')
        {
            return null;
        }

        var close = text.IndexOf(')', open + 1);
        return close < 0 || close - open - 1 > MaxAbbreviation || close == open + 1 ? null : new TextSpan(open + 1, close);
    }

    /// <summary>Where <paramref name="abbreviation"/> is written as a word of its own.</summary>
    private static IEnumerable<int> Occurrences(string text, string abbreviation)
    {
        for (var at = text.IndexOf(abbreviation, StringComparison.Ordinal); at >= 0; at = text.IndexOf(abbreviation, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 ? ' ' : text[at - 1];
            var afterIndex = at + abbreviation.Length;
            var after = afterIndex >= text.Length ? ' ' : text[afterIndex];
            // Thai is written without spaces: a Thai abbreviation may touch Thai words on either side.
            var thai = Gazetteer.IsThaiLetter(abbreviation[0]);
            var startsWord = !char.IsLetterOrDigit(before) || (thai && Gazetteer.IsThaiLetter(before));
            var endsWord = !char.IsLetterOrDigit(after) || (Gazetteer.IsThaiLetter(after) && abbreviation.EndsWith('.'));
            if (startsWord && endsWord)
            {
                yield return at;
            }
        }
    }
}
