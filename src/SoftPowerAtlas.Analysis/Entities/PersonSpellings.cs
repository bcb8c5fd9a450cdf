using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>
/// One person written in two scripts, joined only where the text links them: one spelling in brackets
/// after the other ("นายจูเลียน ลากอร์น (Julien Lacorne)"), or both holding the same role in the same
/// body. Links are a union-find over entity keys. Nothing is guessed across documents.
/// </summary>
internal static class PersonSpellings
{
    private const int MaxBracketLength = 60;

    /// <summary>"นายจูเลียน ลากอร์น (Julien Lacorne)", "Mr. Hiroshi Tanaka (นายฮิโรชิ ทานากะ)": one person, two spellings.</summary>
    public static void LinkBracketed(string text, List<EntityMention> mentions, Dictionary<string, string> links, Func<string, bool> isBareThaiName)
    {
        var count = mentions.Count;
        for (var i = 0; i < count; i++)
        {
            var p = mentions[i];
            if (p.Kind != EntityKind.Person || Bracket(text, p.Span.End) is not { } inner)
            {
                continue;
            }

            var thai = IsThaiName(p.Name);
            var inside = mentions.FirstOrDefault(q => q.Kind == EntityKind.Person && inner.Covers(q.Span));
            if (inside is not null)
            {
                if (IsThaiName(inside.Name) != thai)
                {
                    Link(links, inside.Key, p.Key);
                }

                continue;
            }

            var written = text[inner.Start..inner.End];
            if (mentions.Any(m => m.Span.Overlaps(inner)) || !(thai ? IsLatinName(written) : isBareThaiName(written)))
            {
                continue;
            }

            var key = "person:" + EntityFinder.NameKey(written);
            mentions.Add(new EntityMention(inner, written, EntityKind.Person, key, written, null, MentionSource.Pattern));
            Link(links, key, p.Key);
        }
    }

    /// <summary>Two people with the same role in the same body, one written in Thai and one in Latin letters, are one person.</summary>
    public static void LinkSameRole(List<EntityMention> mentions, Dictionary<string, string> links)
    {
        var groups = mentions
            .Where(m => m.Kind == EntityKind.Person && m.Position is { RoleId: >= 0, Organization: not null })
            .GroupBy(m => (m.Position!.RoleId, m.Position.Organization!.Key));
        foreach (var g in groups)
        {
            var thai = g.Where(m => IsThaiName(m.Name)).Select(m => Root(links, m.Key)).Distinct(StringComparer.Ordinal).ToList();
            var latin = g.Where(m => !IsThaiName(m.Name)).Select(m => Root(links, m.Key)).Distinct(StringComparer.Ordinal).ToList();
            if (thai.Count == 1 && latin.Count == 1)
            {
                Link(links, latin[0], thai[0]);
            }
        }
    }

    /// <summary>The inside of "(…)" right after <paramref name="pos"/> (one space allowed), trimmed.</summary>
    public static TextSpan? Bracket(string text, int pos)
    {
        var open = pos < text.Length && text[pos] == ' ' ? pos + 1 : pos;
        if (open >= text.Length || text[open] != '(')
        {
            return null;
        }

        var close = text.IndexOf(')', open + 1);
        if (close < 0 || close - open > MaxBracketLength)
        {
            return null;
        }

        var s = open + 1;
        var e = close;
        while (s < e && text[s] == ' ')
        {
            s++;
        }

        while (e > s && text[e - 1] == ' ')
        {
            e--;
        }

        return e > s ? new TextSpan(s, e) : null;
    }

    private static bool IsThaiName(string name) => name.Length > 0 && Gazetteer.IsThaiLetter(name[0]);

    /// <summary>Two to four capitalised Latin words: Julien Lacorne, Kim Jong-ho, Ahmad Faizal bin Hassan.</summary>
    private static bool IsLatinName(string s)
    {
        var words = s.Split(' ');
        return words.Length is >= 2 and <= 4
            && char.IsUpper(words[0][0]) && char.IsUpper(words[^1][0])
            && words.All(w => w.Length >= 2 && w.All(c => char.IsLetter(c) && c < '\u0250' || c is '-' or '\'' or '.'));
    }

    private static void Link(Dictionary<string, string> links, string a, string b)
    {
        var ra = Root(links, a);
        var rb = Root(links, b);
        if (ra != rb)
        {
            links[ra] = rb;
            links.TryAdd(rb, rb);
        }
    }

    public static string Root(Dictionary<string, string> links, string key)
    {
        while (links.TryGetValue(key, out var next) && next != key)
        {
            key = next;
        }

        return key;
    }
}
