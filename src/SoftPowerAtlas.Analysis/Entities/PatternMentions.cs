using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>
/// What a name found by pattern is: an internal unit, a venue, a branch, or a body, Thai or foreign and
/// of which country, read from the known names inside it (an embassy belongs to the country it
/// represents, not the one it is in).
/// </summary>
internal static class PatternMentions
{
    private static readonly string[] PlaceWords = ["ประเทศ", "กรุง", "นคร", "เมือง", "รัฐ", "จังหวัด", "the"];
    private static readonly string[] BranchHeads = ["สำนักงาน", "สนง."];

    /// <summary>
    /// Many countries have a "Ministry of Culture, Sports and Tourism": a known body written with another
    /// country's name ("Việt Nam's Ministry of …") is that country's body, not the one the lexicon knows.
    /// </summary>
    private static bool SameCountry(GazetteerEntry country, GazetteerEntry body) =>
        (body.Country ?? (body.Kind == EntityKind.ThaiOrganization ? "TH" : null)) is not { } home || home == country.Country;

    /// <summary>Only " of " (แห่ง, ของ, or nothing in Thai) and a country's name stand between <paramref name="bodyEnd"/> and <paramref name="end"/>.</summary>
    public static bool IsCountrySuffix(string text, int bodyEnd, int end, List<(TextSpan Span, GazetteerEntry Entry)> inner, GazetteerEntry body)
    {
        var country = inner.FirstOrDefault(k => k.Entry.Kind == EntityKind.Country && k.Span.End == end);
        if (country.Entry is null || !SameCountry(country.Entry, body))
        {
            return false;
        }

        var between = text.AsSpan(bodyEnd, country.Span.Start - bodyEnd);
        return between is " of " or " of the " || between.Trim() is "แห่ง" or "ของ" || (between.IsEmpty && bodyEnd > 0 && Gazetteer.IsThaiLetter(text[bodyEnd - 1]));
    }

    /// <summary>Only a country's name, its possessive or its demonym stands between <paramref name="start"/> and <paramref name="bodyStart"/>.</summary>
    public static bool IsCountryPrefix(string text, int start, int bodyStart, List<(TextSpan Span, GazetteerEntry Entry)> inner, GazetteerEntry body)
    {
        var country = inner.FirstOrDefault(k => k.Entry.Kind == EntityKind.Country && k.Span.Start == start);
        if (country.Entry is null || !SameCountry(country.Entry, body))
        {
            return false;
        }

        var between = text.AsSpan(country.Span.End, bodyStart - country.Span.End).Trim();
        return between.IsEmpty || between is "'s" or "’s";
    }

    public static EntityMention Create(string text, TextSpan span, PatternKind kind, List<(TextSpan Span, GazetteerEntry Entry)> inner)
    {
        var name = text[span.Start..span.End];
        var key = "org:" + EntityFinder.NameKey(name);
        // "ศูนย์วัฒนธรรมอาเซียน ณ กรุงเทพฯ" and "… ณ กรุงเทพมหานคร": one branch, whichever way its city is written
        // (embassies keep the keys they were stored under: the resolver joins them by country).
        if (kind != PatternKind.Embassy && inner.FirstOrDefault(k => k.Entry.Kind is EntityKind.Province or EntityKind.ForeignPlace && k.Span.End == span.End
            && text.AsSpan(span.Start, k.Span.Start - span.Start).EndsWith(" ณ ", StringComparison.Ordinal)) is { Entry: { } city } branch)
        {
            key = "org:" + EntityFinder.NameKey(text[span.Start..(branch.Span.Start - 3)]) + "@" + city.Key;
        }

        if (kind == PatternKind.Division)
        {
            return new EntityMention(span, name, EntityKind.Division, key, name, null, MentionSource.Pattern);
        }

        if (kind == PatternKind.Institution)
        {
            kind = PlaceBodies.IsLocative(text, span) ? PatternKind.Venue : PatternKind.Organization;
        }

        if (kind == PatternKind.Venue)
        {
            return new EntityMention(span, name, EntityKind.Venue, "venue:" + EntityFinder.NameKey(name), name, null, MentionSource.Pattern);
        }

        // "ททท. สำนักงานสุโขทัย", "…สำนักงานกรุงสตอกโฮล์ม": an office named only by its town is a branch of the body written before it.
        // Only heads the name starts with: a name shorter than the head ("สมาคมที" cut at "ที-ป็อป") is read no further.
        foreach (var head in BranchHeads.Where(h => name.StartsWith(h, StringComparison.Ordinal)))
        {
            var town = span.Start + head.Length + (PlaceWords.FirstOrDefault(w => name.AsSpan(head.Length).StartsWith(w, StringComparison.Ordinal))?.Length ?? 0);
            if (inner.Any(k => k.Entry.Kind is EntityKind.Province or EntityKind.ForeignPlace
                && (k.Span.Start == span.Start + head.Length || k.Span.Start == town) && k.Span.End == span.End))
            {
                return new EntityMention(span, name, EntityKind.Division, key, name, null, MentionSource.Pattern);
            }
        }

        // Whose body is it? An embassy belongs to the country it represents, not the host country
        // after ประจำ / ณ / in; other names belong to the Thai agency or the foreign place inside them.
        string? country = null;
        var thai = false;

        // "กระทรวงการต่างประเทศแคนาดา", "กรมการท่องเที่ยวแห่งราชอาณาจักรภูฏาน", "กรมการท่องเที่ยวและวัฒนธรรมมณฑลยูนนาน": a
        // Thai body's name going on to another country or its province is that country's body (not "… in Dubai": an office abroad).
        if (inner.FirstOrDefault(k => k.Entry.Kind == EntityKind.ThaiOrganization && k.Span.Start == span.Start) is { Entry: not null } body
            && inner.FirstOrDefault(k => k.Entry.Kind is EntityKind.Country or EntityKind.ForeignPlace && k.Span.End == span.End) is { Entry.Country: { } abroad } place
            && abroad != "TH" && place.Span.Start >= body.Span.End && text.AsSpan(body.Span.End, place.Span.Start - body.Span.End).Trim() is var between
            && (between is "" or "แห่ง" or "of" or "of the" || between.StartsWith("และ", StringComparison.Ordinal)))
        {
            return new EntityMention(span, name, EntityKind.ForeignOrganization, key, name, abroad, MentionSource.Pattern);
        }

        foreach (var (s, e) in inner)
        {
            var before = StripPlaceWords(text[span.Start..s.Start]);
            var isHost = before.EndsWith("ประจำ", StringComparison.Ordinal) || before.EndsWith("ณ", StringComparison.Ordinal)
                || before.EndsWith(" in", StringComparison.Ordinal) || before.EndsWith(" to", StringComparison.Ordinal);
            if (e.Kind == EntityKind.ThaiOrganization)
            {
                thai = true;
                break;
            }

            if (isHost && kind == PatternKind.Embassy)
            {
                if (country is null)
                {
                    // สถานเอกอัครราชทูต ณ กรุงโตเกียว: a Thai embassy abroad.
                    thai = true;
                }

                continue;
            }

            if (e.Country is { } c && e.Kind is EntityKind.Country or EntityKind.ForeignPlace or EntityKind.ForeignOrganization)
            {
                if (c == "TH")
                {
                    thai = true;
                    break;
                }

                country ??= c;
                break;
            }
        }

        if (!thai && country is null && !Gazetteer.IsThaiLetter(name[0]) && (name.Contains("Thai", StringComparison.Ordinal)))
        {
            thai = true;
        }

        var isThaiScriptOrg = Gazetteer.IsThaiLetter(name[0]);

        // "สถานเอกอัครราชทูต ณ กรุงวอชิงตัน", "สถานกงสุลใหญ่ ณ นครแวนคูเวอร์": a mission named by the city it
        // sits in and no country of its own is Thailand's abroad, wherever the city is (a foreign one names
        // its country: สถานเอกอัครราชทูตญี่ปุ่น ณ กรุงเทพฯ).
        if (!thai && country is null && kind == PatternKind.Embassy && isThaiScriptOrg && NamedByItsCity(name))
        {
            thai = true;
        }

        var entityKind = thai || (country is null && isThaiScriptOrg && kind != PatternKind.Embassy)
            ? EntityKind.ThaiOrganization
            : EntityKind.ForeignOrganization;
        return new EntityMention(span, name, entityKind, key, name, thai ? "TH" : country, MentionSource.Pattern)
        {
            HostCountry = thai && kind == PatternKind.Embassy ? HostOf(text, span, inner) : null,
        };
    }

    /// <summary>The country of the place a Thai mission is named by: "… ณ กรุงเม็กซิโก", "…ประจำกรุงโซล", "… in Canberra".</summary>
    private static string? HostOf(string text, TextSpan span, List<(TextSpan Span, GazetteerEntry Entry)> inner)
    {
        foreach (var (s, e) in inner)
        {
            var before = StripPlaceWords(text[span.Start..s.Start]);
            var posted = before.EndsWith("ประจำ", StringComparison.Ordinal) || before.EndsWith("ณ", StringComparison.Ordinal)
                || before.EndsWith(" in", StringComparison.Ordinal) || before.EndsWith(" to", StringComparison.Ordinal);
            if (posted && e.Kind is EntityKind.Country or EntityKind.ForeignPlace && e.Country is { } c && c != "TH")
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>The head word (with ไทย at most) then ณ: "สถานกงสุลใหญ่ ณ นคร…", "สถานเอกอัครราชทูตไทย ณ กรุง…".</summary>
    private static bool NamedByItsCity(string name)
    {
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && name.AsSpan(space).TrimStart().StartsWith("ณ ", StringComparison.Ordinal);
    }

    /// <summary>"…ประจำประเทศ", "…ณ กรุง": drop the words for country, capital and city before a place name.</summary>
    private static string StripPlaceWords(string before)
    {
        var s = before.TrimEnd();
        foreach (var w in PlaceWords)
        {
            if (s.EndsWith(w, StringComparison.Ordinal))
            {
                s = s[..^w.Length].TrimEnd();
                break;
            }
        }

        return s;
    }
}
