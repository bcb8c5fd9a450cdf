using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>
/// Places named as the bodies that govern them (สำนักงานวัฒนธรรมจังหวัดสุโขทัย, "Sendai City") and
/// where a name is used as a place (ณ ทำเนียบรัฐบาล, "at the Command Building, Government House").
/// </summary>
internal static class PlaceBodies
{
    private static readonly string[] CityBodySuffixes = [" Metropolitan City", " City", " Prefecture", " Prefectural Government", " Metropolitan Government", " Municipal Government", " Municipality", " City Hall"];

    /// <summary>"ณ ทำเนียบรัฐบาล", "ที่ห้องสีงาช้าง ตึกไทยคู่ฟ้า ทำเนียบรัฐบาล", "at the Command Building I, Government House": the venue as a place.</summary>
    public static bool IsLocative(string text, TextSpan span)
    {
        var from = Math.Max(0, span.Start - 40);
        var before = text.AsSpan(from, span.Start - from);
        var cut = before.LastIndexOfAny(";\n!?");
        before = cut >= 0 ? before[(cut + 1)..] : before;
        var end = before.TrimEnd();
        foreach (var w in (string[])["ที่", "ณ", " at", " in", "At", "In", "at the", "in the", "inside", "inside the", "within", "within the", "ภายใน", "บริเวณ"])
        {
            if (end.EndsWith(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var w in (string[])["ที่ห้อง", "ณ ห้อง", "ที่ตึก", "ณ ตึก", "ที่อาคาร", "ณ อาคาร", " at the ", " at ", "At the "])
        {
            if (before.Contains(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "สำนักงานวัฒนธรรมจังหวัด" + "สุโขทัย": a body that exists in every province, followed by the
    /// province, is that province's office — one entity per province, not the generic body.
    /// </summary>
    public static List<EntityMention> JoinProvincialOffices(string text, List<EntityMention> mentions)
    {
        var joined = new List<EntityMention>(mentions.Count);
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (i + 1 < mentions.Count && m.IsOrganization && m.Text.EndsWith("จังหวัด", StringComparison.Ordinal)
                && mentions[i + 1] is { Kind: EntityKind.Province } p && p.Span.Start == m.Span.End)
            {
                var span = new TextSpan(m.Span.Start, p.Span.End);
                var name = text[span.Start..span.End];
                joined.Add(m with { Span = span, Text = name, Name = name, Key = m.Key + ":" + p.Key, NameEn = m.NameEn is null ? null : $"{m.NameEn}, {p.NameEn}" });
                i++;
                continue;
            }

            joined.Add(m);
        }

        return joined;
    }

    /// <summary>
    /// "Sendai City", "City of Sendai", "Fukuoka Prefecture": a foreign place written as its local
    /// government is that government, unless the text says something happens in, at or from it.
    /// </summary>
    public static List<EntityMention> JoinCityGovernments(string text, List<EntityMention> mentions)
    {
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Kind != EntityKind.ForeignPlace || !char.IsAsciiLetterUpper(m.Text[0]))
            {
                continue;
            }

            var start = m.Span.Start;
            var end = m.Span.End;
            var suffix = CityBodySuffixes.FirstOrDefault(x => text.AsSpan(end).StartsWith(x, StringComparison.Ordinal) && (end + x.Length == text.Length || !char.IsLetter(text[end + x.Length])));
            if (suffix is not null && !m.Text.EndsWith(suffix.Trim(), StringComparison.Ordinal))
            {
                end += suffix.Length;
            }
            else if (start >= 8 && text.AsSpan(start - 8, 8).SequenceEqual("City of "))
            {
                start -= 8;
            }
            else if (!CityBodySuffixes.Any(x => m.Text.EndsWith(x.Trim(), StringComparison.Ordinal)))
            {
                continue;
            }

            var before = text.AsSpan(0, start).TrimEnd(' ');
            if (before.EndsWith(" the", StringComparison.Ordinal))
            {
                before = before[..^4];
            }

            if (before.EndsWith(" in", StringComparison.Ordinal) || before.EndsWith(" at", StringComparison.Ordinal)
                || before.EndsWith(" from", StringComparison.Ordinal) || before.EndsWith(" to", StringComparison.Ordinal))
            {
                continue;
            }

            var span = new TextSpan(start, end);
            var name = text[start..end];
            mentions[i] = m with { Span = span, Text = name, Kind = EntityKind.ForeignOrganization, Key = "org:" + EntityFinder.NameKey(name), Name = name, NameEn = null };
        }

        return mentions;
    }
}
