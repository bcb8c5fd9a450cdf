using System.Collections.Frozen;
using System.Text.RegularExpressions;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>
/// The position a text gives a person: the role phrase as written (<c>ผู้อำนวยการ</c>, <c>Cultural
/// Attaché</c>) with its span, the row of roles.tsv it is (so a Thai and an English form of one role
/// compare equal; -1 when unknown), and the body, country or province the role belongs to, if named.
/// </summary>
public sealed record PersonRole(string Role, TextSpan Span, int RoleId, EntityMention? Organization);

/// <summary>
/// Reads what the sentence says about each person found: the role and body written after the name
/// (<c>นายทวีพงษ์ วิชัยดิษฐ ผู้อำนวยการ อพท.</c>, <c>Mr. Julien Lacorne, Cultural Attaché of the French
/// Embassy</c>) or before it (<c>Ambassador of Japan to Thailand, H.E. Mr. …</c>, <c>Thai pianist …</c>);
/// then joins a person's two spellings (<see cref="PersonSpellings"/>) and lets places and bodies take
/// part through their people (<see cref="ActingBodies"/>).
/// </summary>
internal sealed partial class PersonRoles
{
    private const int MaxClauseLength = 90;
    private static readonly string[] EnglishModifiers = ["Deputy ", "Acting ", "Vice ", "Assistant ", "Senior ", "Executive ", "Former "];
    private static readonly string[] EnglishConnectors = [" of the ", " of ", " at the ", " at ", " for the ", " for ", " to the ", " to ", ", "];

    private readonly (string Form, int Id)[] _thai;
    private readonly (string Form, int Id)[] _english;
    private readonly RoleLevel[] _levels;
    private readonly FrozenSet<string> _personNouns;
    private readonly GazetteerEntry?[] _bodies;

    public PersonRoles(IReadOnlyList<Role> roles, IEnumerable<string> personNouns, IReadOnlyList<GazetteerEntry> entries)
    {
        _personNouns = personNouns.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _bodies = [.. roles.Select(r => r.BodyId is { } id ? entries.FirstOrDefault(e => e.Key == "agency:" + id) : null)];
        var thai = new List<(string, int)>();
        var english = new List<(string, int)>();
        for (var i = 0; i < roles.Count; i++)
        {
            thai.AddRange(roles[i].Thai.Where(f => f.Length > 1).Select(f => (f, i)));
            english.AddRange(roles[i].English.Where(f => f.Length > 1).Select(f => (f, i)));
        }

        _levels = [.. roles.Select(r => r.Level)];
        _thai = [.. thai.OrderByDescending(f => f.Item1.Length)];
        _english = [.. english.OrderByDescending(f => f.Item1.Length)];
    }

    /// <summary>The mentions with people's roles attached and linked spellings under one key.</summary>
    public List<EntityMention> Apply(TextBoundaries b, List<EntityMention> mentions)
    {
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = new List<EntityMention>(mentions.Count + 4);
        result.AddRange(mentions);
        PersonSpellings.LinkBracketed(b.Text, result, links, IsBareThaiName);

        var at = new BodiesAt(result);
        var claimed = new List<TextSpan>();
        var roles = new Dictionary<int, PersonRole>();
        for (var i = 0; i < result.Count; i++)
        {
            if (result[i].Kind == EntityKind.Person && RoleAfter(b, result, i, at) is { } r && !IntroducesTheNext(b.Text, result, i, r))
            {
                roles[i] = r;
                claimed.Add(r.Span);
            }
        }

        for (var i = 0; i < result.Count; i++)
        {
            if (result[i].Kind == EntityKind.Person && !roles.ContainsKey(i) && RoleBefore(b, result, i, claimed, at) is { } r)
            {
                roles[i] = r;
                claimed.Add(r.Span);
            }
        }

        foreach (var (i, r) in roles)
        {
            result[i] = result[i] with { Position = r.Organization is null && ActingBodies.BodyNamedByRole(b.Text, r, _bodies) is { } body ? r with { Organization = body } : r };
            if (result[i].Position!.Organization is { Source: MentionSource.Reference } o && r.Organization is null && !result.Contains(o))
            {
                result.Add(o);
            }
        }

        PersonSpellings.LinkSameRole(result, links);
        ActingBodies.MarkActingPlaces(b.Text, result, _levels);
        if (links.Count > 0)
        {
            for (var i = 0; i < result.Count; i++)
            {
                if (links.ContainsKey(result[i].Key))
                {
                    result[i] = result[i] with { Key = PersonSpellings.Root(links, result[i].Key) };
                }
            }
        }

        result.Sort((x, y) => x.Span.Start != y.Span.Start ? x.Span.Start.CompareTo(y.Span.Start) : x.Span.End.CompareTo(y.Span.End));
        return result;
    }

    private PersonRole? RoleAfter(TextBoundaries b, List<EntityMention> mentions, int index, BodiesAt at)
    {
        var text = b.Text;
        var pos = mentions[index].Span.End;
        if (PersonSpellings.Bracket(text, pos) is { } inner)
        {
            pos = inner.End + 1;
        }

        while (pos < text.Length && text[pos] == ' ')
        {
            pos++;
        }

        if (pos >= text.Length)
        {
            return null;
        }

        if (Gazetteer.IsThaiLetter(text[pos]))
        {
            return ThaiRoleAt(b, pos, at);
        }

        if (text[pos] == ',' && pos + 2 < text.Length && text[pos + 1] == ' ')
        {
            // "Somsak Wongchai, the Ambassador of Thailand to Qatar, said": the article before a post.
            var role = pos + 2;
            if (text.AsSpan(role).StartsWith("the ", StringComparison.Ordinal) && role + 4 < text.Length && char.IsAsciiLetterUpper(text[role + 4]))
            {
                role += 4;
            }

            // "Wiraka Moodhitaporn, the Thai consul-general in HCM City": the nationality before a post names no body.
            if (text.AsSpan(role).StartsWith("Thai ", StringComparison.Ordinal)
                && EnglishRoleAt(text, role + 5, requireWhole: false, at, lowerCase: true) is { } thai)
            {
                return thai with { Span = new TextSpan(role, thai.Span.End) };
            }

            // "Malee Wongsiri, chairperson of the festival subcommittee, added": a post after the name, in lower case too.
            return EnglishRoleAt(text, role, requireWhole: false, at, lowerCase: true);
        }

        return null;
    }

    /// <summary>
    /// "the Minister of Tourism and Sports, Phiphat R., Minister of Natural Resources and Environment, Warawut S., and …": in a list
    /// that writes each post before its holder, the post after one name belongs to the next.
    /// </summary>
    private bool IntroducesTheNext(string text, List<EntityMention> mentions, int index, PersonRole after)
    {
        var next = mentions.Skip(index + 1).FirstOrDefault(m => m.Kind == EntityKind.Person && m.Span.Start >= after.Span.End);
        return next is not null && next.Span.Start - after.Span.Start <= MaxPostLength
            && PostBeforeName().Match(text, after.Span.Start, next.Span.Start - after.Span.Start) is { Success: true } post && post.Index == after.Span.Start
            && PostBefore(text, mentions[index].Span.Start) is not null;
    }

    /// <summary>"Minister of Higher Education, Science, Research and Innovation Anek …": a post and its portfolio just before a name, no body named.</summary>
    private PersonRole? PostBefore(string text, int nameStart)
    {
        var from = Math.Max(0, nameStart - MaxPostLength);
        if (PostBeforeName().Match(text, from, nameStart - from) is not { Success: true } post)
        {
            return null;
        }

        var role = EnglishRole(text, post.Index);
        return new PersonRole(post.Groups["post"].Value, new TextSpan(post.Index, post.Index + post.Groups["post"].Length), role?.Id ?? -1, null);
    }

    private const int MaxPostLength = 120;

    [GeneratedRegex(@"(?<post>(?:(?:Deputy|Vice|Acting)\s+)?(?:Minister|Secretary|Governor|Mayor|Ambassador|Director-General|Director|President|Chairman|Chairperson)\s+(?:of|for)\s+(?:the\s+)?(?:State\s+for\s+(?:the\s+)?)?\p{Lu}[\p{L}'-]*(?:(?:\s*,\s*|\s+(?:and|&)\s+|\s+)\p{Lu}[\p{L}'-]*)*)\s*,?\s*$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PostBeforeName();

    private PersonRole? RoleBefore(TextBoundaries b, List<EntityMention> mentions, int index, List<TextSpan> claimed, BodiesAt at)
    {
        var text = b.Text;
        var p = mentions[index];

        // "Spokesperson Anucha Burapachaisri": the role is the first word of the mention itself.
        if (!p.Text.StartsWith(p.Name, StringComparison.Ordinal) && char.IsAsciiLetterUpper(p.Text[0]))
        {
            if (EnglishRole(text, p.Span.Start) is { } own)
            {
                return new PersonRole(text[p.Span.Start..own.End], new TextSpan(p.Span.Start, own.End), own.Id, null);
            }

            // A short form of a listed role (Spokesperson for Government Spokesperson).
            var word = p.Text[..Math.Max(0, p.Text.IndexOf(' ', StringComparison.Ordinal))];
            var shortForm = Array.FindIndex(_english, f => f.Form.EndsWith(" " + word, StringComparison.Ordinal));
            if (word.Length > 2 && !word.Contains('.', StringComparison.Ordinal) && shortForm >= 0)
            {
                return new PersonRole(word, new TextSpan(p.Span.Start, p.Span.Start + word.Length), _english[shortForm].Id, null);
            }
        }

        var end = p.Span.Start;
        while (end > 0 && text[end - 1] == ' ')
        {
            end--;
        }

        var comma = end > 0 && text[end - 1] == ',';
        if (comma || (end > 0 && char.IsAsciiLetter(text[end - 1])))
        {
            // "Ambassador of Japan to Thailand, H.E. Mr. …", "Acting Government Spokesperson Anucha …": a clause
            // before the name that is only a role and its body.
            var clauseEnd = comma ? end - 1 : end;
            var start = clauseEnd;
            while (start > 0 && clauseEnd - start < MaxClauseLength && text[start - 1] is not ('.' or ',' or ';' or ':' or '\n' or '(' or ')' or '"' or '“' or '”'))
            {
                start--;
            }

            while (start < clauseEnd && text[start] == ' ')
            {
                start++;
            }

            // "met the Ambassador of Japan to Thailand, H.E. Mr. …": the role may start at any word of the clause.
            // A view, not a copy: the text up to the clause was copied for every name, the length of the text over.
            var clause = text.AsSpan(0, clauseEnd);
            for (var w = start; w < clauseEnd; w++)
            {
                if ((w == start || text[w - 1] == ' ') && char.IsAsciiLetterUpper(text[w])
                    && EnglishRoleAt(clause, w, requireWhole: true, at) is { } r)
                {
                    return claimed.Any(c => c.Overlaps(r.Span)) ? null : r;
                }
            }

            if (PostBefore(text, p.Span.Start) is { } post)
            {
                return claimed.Any(c => c.Overlaps(post.Span)) ? null : post;
            }

            // "Thai pianist Poom …", "Pavilion manager …": a noun for what the person is, just before the name.
            var wordStart = clauseEnd;
            while (wordStart > start && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '-'))
            {
                wordStart--;
            }

            var word = text[wordStart..clauseEnd];
            if (!comma && word.Length > 1 && _personNouns.Contains(word))
            {
                var span = new TextSpan(wordStart, clauseEnd);
                var shortForm = Array.FindIndex(_english, f => f.Form.EndsWith(" " + word, StringComparison.OrdinalIgnoreCase) || f.Form.Equals(word, StringComparison.OrdinalIgnoreCase));
                return claimed.Any(c => c.Overlaps(span)) ? null : new PersonRole(word, span, shortForm >= 0 ? _english[shortForm].Id : -1, null);
            }

            return null;
        }

        // "อธิบดีกรมส่งเสริมวัฒนธรรม นายชัยพล …": a Thai role, maybe with its body, just before the name.
        var org = at.EndingAt(end);
        var roleEnd = org?.Span.Start ?? end;
        while (roleEnd > 0 && text[roleEnd - 1] == ' ')
        {
            roleEnd--;
        }

        foreach (var (form, id) in _thai)
        {
            var s = roleEnd - form.Length;
            if (s >= 0 && text.AsSpan(s).StartsWith(form, StringComparison.Ordinal) && b.IsBoundary(s))
            {
                var span = new TextSpan(s, org?.Span.End ?? roleEnd);
                return claimed.Any(c => c.Overlaps(span)) ? null : new PersonRole(form, span, id, org);
            }
        }

        return null;
    }

    /// <summary>"ผู้อำนวยการ อพท.", "อธิบดีกรมส่งเสริมวัฒนธรรม", "หัวหน้าสำนักงานจังหวัดคุมาโมโตะ".</summary>
    private PersonRole? ThaiRoleAt(TextBoundaries b, int pos, BodiesAt at)
    {
        var text = b.Text;
        if (!b.IsBoundary(pos))
        {
            return null;
        }

        // "รอง" written before a role: รองผู้อำนวยการ is listed, รองอธิบดี too; other forms keep the prefix.
        foreach (var (form, id) in _thai)
        {
            if (!text.AsSpan(pos).StartsWith(form, StringComparison.Ordinal) || !b.IsBoundary(pos + form.Length))
            {
                continue;
            }

            var roleEnd = pos + form.Length;
            var roleId = id;

            // The body may begin inside the longest role form (หัวหน้าสำนักงาน + สำนักงานจังหวัดคุมาโมโตะ):
            // cut the role there when what is left is a role of its own.
            var org = at.StartingWithin(pos + 1, roleEnd);
            if (org is not null)
            {
                var cut = text[pos..org.Span.Start];
                var shorter = Array.FindIndex(_thai, f => f.Form == cut);
                if (shorter >= 0)
                {
                    roleEnd = org.Span.Start;
                    roleId = _thai[shorter].Id;
                }
            }
            else
            {
                // "ผู้อำนวยการ อพท.", "ผู้แทนจากสถานทูตฝรั่งเศส…": the body right after, or after จาก / ของ.
                var next = roleEnd < text.Length && text[roleEnd] == ' ' ? roleEnd + 1 : roleEnd;
                foreach (var linkWord in (string[])["จาก", "ของ"])
                {
                    if (text.AsSpan(next).StartsWith(linkWord, StringComparison.Ordinal))
                    {
                        next += linkWord.Length;
                        break;
                    }
                }

                org = at.StartingAt(next);
            }

            var end = org is null ? roleEnd : Math.Max(roleEnd, org.Span.End);
            return new PersonRole(text[pos..roleEnd], new TextSpan(pos, end), roleId, org);
        }

        return null;
    }

    /// <summary>"Cultural Attaché of the French Embassy", "Director-General of the DITP", "Chief Executive Officer of X".</summary>
    private PersonRole? EnglishRoleAt(ReadOnlySpan<char> text, int pos, bool requireWhole, BodiesAt at, bool lowerCase = false)
    {
        // "TAT Governor", "Chiang Mai Governor", "Vietnamese Ambassador": the body or place written before the role.
        var before = at.StartingAt(pos) is { } m0 && m0.Span.End < text.Length - 1 && text[m0.Span.End] == ' ' ? m0 : null;
        if (before is not null && EnglishRoleAt(text, before.Span.End + 1, requireWhole, at, lowerCase) is { } after)
        {
            return after with { Span = new TextSpan(pos, after.Span.End), Organization = after.Organization ?? before };
        }

        var start = pos;
        foreach (var m in EnglishModifiers)
        {
            if (text[pos..].StartsWith(m, StringComparison.Ordinal) && EnglishRole(text, pos + m.Length, lowerCase) is not null)
            {
                pos += m.Length;
                break;
            }
        }

        if (EnglishRole(text, pos, lowerCase) is not { } role)
        {
            return null;
        }

        var roleText = text[start..role.End].ToString();
        EntityMention? org = null;
        var end = role.End;
        foreach (var c in EnglishConnectors)
        {
            if (!text[role.End..].StartsWith(c, StringComparison.Ordinal))
            {
                continue;
            }

            org = at.StartingAt(role.End + c.Length);
            if (org is not null)
            {
                end = org.Span.End;
            }

            break;
        }

        // Before a name the clause must be the role and its body only ("Ambassador of Japan to Thailand").
        if (requireWhole && end < text.Length && !RestIsPlaces(text, end, at))
        {
            return null;
        }

        return new PersonRole(roleText, new TextSpan(start, end), role.Id, org);
    }

    /// <summary>" to Thailand", " in Bangkok": what may follow a role's body in a clause before a name.</summary>
    private static bool RestIsPlaces(ReadOnlySpan<char> text, int pos, BodiesAt at)
    {
        var rest = text[pos..].Trim();
        if (rest.IsEmpty)
        {
            return true;
        }

        foreach (var c in new[] { "to ", "in " })
        {
            if (rest.StartsWith(c, StringComparison.Ordinal))
            {
                return at.StartingAt(text.Length - rest.Length + c.Length) is { Kind: EntityKind.Country or EntityKind.ForeignPlace or EntityKind.Province } place
                    && place.Span.End == text.TrimEnd().Length;
            }
        }

        return false;
    }

    /// <summary>
    /// The listed English role written at <paramref name="pos"/>; with <paramref name="lowerCase"/> its first letter may be
    /// written small ("chairperson of …" after a name), for forms of five letters or more (never "pm" or "mp").
    /// </summary>
    private (int End, int Id)? EnglishRole(ReadOnlySpan<char> text, int pos, bool lowerCase = false)
    {
        foreach (var (form, id) in _english)
        {
            var end = pos + form.Length;
            var written = text[pos..].StartsWith(form, StringComparison.Ordinal)
                || (lowerCase && form.Length >= 5 && pos < text.Length && char.IsLower(text[pos]) && text[pos..].StartsWith(form, StringComparison.OrdinalIgnoreCase));
            if (written && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return (end, id);
            }
        }

        return null;
    }

    /// <summary>"จูเลียน ลากอร์น": two or three Thai words, the first not a role (ผู้อำนวยการ อพท. is not a name).</summary>
    private bool IsBareThaiName(string s)
    {
        var words = s.Split(' ');
        return words.Length is 2 or 3 && words.All(w => w.Length >= 2 && w.All(Gazetteer.IsThaiLetter))
            && !_thai.Any(f => s.StartsWith(f.Form, StringComparison.Ordinal));
    }

    /// <summary>The mentions of one text other than people, by where they start and end: a role's body is looked up, not searched for.</summary>
    private sealed class BodiesAt
    {
        private readonly Dictionary<int, EntityMention> _byStart = [];
        private readonly Dictionary<int, EntityMention> _byEnd = [];

        public BodiesAt(List<EntityMention> mentions)
        {
            foreach (var m in mentions)
            {
                if (m.Kind != EntityKind.Person)
                {
                    _byStart.TryAdd(m.Span.Start, m);
                    _byEnd[m.Span.End] = m;
                }
            }
        }

        public EntityMention? StartingAt(int position) => _byStart.GetValueOrDefault(position);

        public EntityMention? EndingAt(int position) => _byEnd.GetValueOrDefault(position);

        /// <summary>The first mention starting in [<paramref name="from"/>, <paramref name="to"/>).</summary>
        public EntityMention? StartingWithin(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                if (_byStart.TryGetValue(i, out var m))
                {
                    return m;
                }
            }

            return null;
        }
    }
}
