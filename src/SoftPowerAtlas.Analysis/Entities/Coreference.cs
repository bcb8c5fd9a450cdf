using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>
/// References back to a person by role alone ("the Ambassador", "the envoy", "ท่านทูต",
/// "เอกอัครราชทูตฯ"): when exactly one person of the text holds that role, the reference becomes a
/// mention of that person (<see cref="EntityMention.IsCoreference"/>). A role with its own body
/// ("the Ambassador of Japan") names someone else and is left alone; so is a role two people hold.
/// </summary>
internal sealed class Coreference
{
    private const int MaxRoleDistance = 60;

    /// <summary>Words written for a role in a reference back: English after "the", Thai after ท่าน or before ฯ.</summary>
    private static readonly (string Word, string Role)[] Synonyms = [("envoy", "ambassador"), ("ทูต", "เอกอัครราชทูต"), ("PM", "prime minister")];

    private readonly Dictionary<string, HashSet<int>> _roleIds = new(StringComparer.OrdinalIgnoreCase);
    private readonly string[] _words;

    public Coreference(IReadOnlyList<Role> roles)
    {
        for (var i = 0; i < roles.Count; i++)
        {
            foreach (var form in roles[i].English.Concat(roles[i].Thai).Where(f => f.Length > 1))
            {
                if (!_roleIds.TryGetValue(form, out var ids))
                {
                    _roleIds[form] = ids = [];
                }

                ids.Add(i);
            }
        }

        foreach (var (word, role) in Synonyms)
        {
            if (_roleIds.TryGetValue(role, out var ids))
            {
                _roleIds[word] = ids;
            }
        }

        _words = [.. _roleIds.Keys.OrderByDescending(k => k.Length)];
    }

    public List<EntityMention> Resolve(string text, List<EntityMention> mentions)
    {
        var people = mentions.Where(m => m.Kind == EntityKind.Person && !m.GivenNameOnly).ToList();
        if (people.Count == 0)
        {
            return mentions;
        }

        var added = new List<EntityMention>();
        foreach (var (span, word) in References(text))
        {
            if (mentions.Any(m => m.Span.Overlaps(span)) || added.Any(m => m.Span.Overlaps(span)))
            {
                continue;
            }

            var ids = _roleIds[word];
            var holders = people.Where(p => Holds(text, p, word, ids, people, span)).Select(p => p.Key).Distinct(StringComparer.Ordinal).ToList();
            if (holders.Count != 1)
            {
                continue;
            }

            var person = people.First(p => p.Key == holders[0]);
            added.Add(person with
            {
                Span = span,
                Text = text[span.Start..span.End],
                Position = null,
                IsCoreference = true,
            });
        }

        if (added.Count == 0)
        {
            return mentions;
        }

        var result = new List<EntityMention>(mentions.Count + added.Count);
        result.AddRange(mentions);
        result.AddRange(added);
        result.Sort((x, y) => x.Span.Start != y.Span.Start ? x.Span.Start.CompareTo(y.Span.Start) : x.Span.End.CompareTo(y.Span.End));
        return result;
    }

    /// <summary>The person's role, given in the sentence or just around the name, is this one.</summary>
    private static bool Holds(string text, EntityMention person, string word, HashSet<int> ids, List<EntityMention> people, TextSpan reference)
    {
        if (person.Position is { } p && (ids.Contains(p.RoleId) || p.Role.Contains(word, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        // Otherwise the role written just before the name in its clause ("Vietnamese Ambassador to Thailand
        // Pham …"), or in the clause after it (", ambassador of …"), with no other person in between.
        var previous = people.Where(q => q.Span.End <= person.Span.Start).Select(q => q.Span.End).DefaultIfEmpty(0).Max();
        var from = Math.Max(previous, person.Span.Start - MaxRoleDistance);
        var before = text.AsSpan(from, person.Span.Start - from);
        var cut = before.LastIndexOfAny(".;\n");
        before = cut >= 0 ? before[(cut + 1)..] : before;
        if (!reference.Overlaps(new TextSpan(from, person.Span.Start)) && ContainsRole(before, word))
        {
            return true;
        }

        if (!text.AsSpan(person.Span.End).StartsWith(", ", StringComparison.Ordinal))
        {
            return false;
        }

        var to = Math.Min(text.Length, person.Span.End + MaxRoleDistance);
        var after = text.AsSpan(person.Span.End + 2, Math.Max(0, to - person.Span.End - 2));
        var end = after.IndexOfAny(".;,\n");
        after = end >= 0 ? after[..end] : after;
        return !reference.Overlaps(new TextSpan(person.Span.End, person.Span.End + 2 + after.Length)) && ContainsRole(after, word);
    }

    private static bool ContainsRole(ReadOnlySpan<char> s, string word) => s.Contains(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>"the Ambassador", "the envoy" (not followed by of/to/for or a capitalised word), "ท่านทูต", "เอกอัครราชทูตฯ".</summary>
    private IEnumerable<(TextSpan Span, string Word)> References(string text)
    {
        for (var i = text.IndexOf("the ", StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf("the ", i + 4, StringComparison.OrdinalIgnoreCase))
        {
            if ((i > 0 && char.IsLetter(text[i - 1])) || LatinRoleAt(text, i + 4) is not { } w)
            {
                continue;
            }

            var end = i + 4 + w.Length;
            var rest = text.AsSpan(end);
            if (rest.StartsWith(" of ", StringComparison.Ordinal) || rest.StartsWith(" to ", StringComparison.Ordinal)
                || rest.StartsWith(" for ", StringComparison.Ordinal) || (rest.Length > 1 && rest[0] == ' ' && char.IsUpper(rest[1])))
            {
                continue;
            }

            yield return (new TextSpan(i, end), w);
        }

        // ท่าน + a role (ท่านทูต), or a role cut short with ฯ (เอกอัครราชทูตฯ, กงสุลใหญ่ฯ).
        for (var i = text.IndexOf("ท่าน", StringComparison.Ordinal); i >= 0; i = text.IndexOf("ท่าน", i + 4, StringComparison.Ordinal))
        {
            if (_words.FirstOrDefault(w => !IsLatin(w) && text.AsSpan(i + 4).StartsWith(w, StringComparison.Ordinal)) is { } w)
            {
                var end = i + 4 + w.Length;
                yield return (new TextSpan(i, end < text.Length && text[end] == 'ฯ' ? end + 1 : end), w);
            }
        }

        for (var i = text.IndexOf('ฯ', StringComparison.Ordinal); i >= 0; i = text.IndexOf('ฯ', i + 1))
        {
            if (_words.FirstOrDefault(w => !IsLatin(w) && text.AsSpan(0, i).EndsWith(w, StringComparison.Ordinal)) is { } w
                && (i - w.Length == 0 || !Gazetteer.IsThaiLetter(text[i - w.Length - 1]) || text.AsSpan(0, i - w.Length).EndsWith("ท่าน", StringComparison.Ordinal)))
            {
                var start = i - w.Length;
                yield return (new TextSpan(start >= 4 && text.AsSpan(0, start).EndsWith("ท่าน", StringComparison.Ordinal) ? start - 4 : start, i + 1), w);
            }
        }
    }

    private string? LatinRoleAt(string text, int at)
    {
        foreach (var w in _words)
        {
            if (IsLatin(w) && text.AsSpan(at).StartsWith(w, StringComparison.OrdinalIgnoreCase)
                && (at + w.Length >= text.Length || !(char.IsLetterOrDigit(text[at + w.Length]) || text[at + w.Length] == '-')))
            {
                return w;
            }
        }

        return null;
    }

    private static bool IsLatin(string w) => w.Length > 0 && w[0] < '\u0250';
}
