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
        var people = mentions.Where(m => m.Kind == EntityKind.Person && !m.GivenNameOnly).OrderBy(m => m.Span.Start).ToList();
        if (people.Count == 0)
        {
            return mentions;
        }

        var references = References(text).ToList();
        if (references.Count == 0)
        {
            return mentions;
        }

        var taken = new bool[text.Length];
        foreach (var m in mentions)
        {
            Array.Fill(taken, true, m.Span.Start, m.Span.Length);
        }

        var isReference = new bool[text.Length];
        foreach (var (span, _) in references)
        {
            Array.Fill(isReference, true, span.Start, span.Length);
        }

        // Who holds a role is read once per role word: the references back do not change it.
        var holders = new Dictionary<string, EntityMention?>(StringComparer.OrdinalIgnoreCase);
        var added = new List<EntityMention>();
        foreach (var (span, word) in references)
        {
            if (Array.IndexOf(taken, true, span.Start, span.Length) >= 0)
            {
                continue;
            }

            if (!holders.TryGetValue(word, out var person))
            {
                person = holders[word] = SingleHolder(text, word, _roleIds[word], people, isReference);
            }

            if (person is null)
            {
                continue;
            }

            Array.Fill(taken, true, span.Start, span.Length);
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

    /// <summary>The one person (by key) who holds the role, or null when none or several do.</summary>
    private static EntityMention? SingleHolder(string text, string word, HashSet<int> ids, List<EntityMention> people, bool[] isReference)
    {
        EntityMention? holder = null;
        for (var k = 0; k < people.Count; k++)
        {
            var previous = k > 0 ? people[k - 1].Span.End : 0;
            var next = k + 1 < people.Count ? people[k + 1].Span.Start : text.Length;
            if (!Holds(text, people[k], word, ids, previous, next, isReference))
            {
                continue;
            }

            if (holder is not null && holder.Key != people[k].Key)
            {
                return null;
            }

            holder ??= people[k];
        }

        return holder;
    }

    /// <summary>The person's role, given in the sentence or just around the name, is this one.</summary>
    private static bool Holds(string text, EntityMention person, string word, HashSet<int> ids, int previous, int next, bool[] isReference)
    {
        if (person.Position is { } p && (ids.Contains(p.RoleId) || p.Role.Contains(word, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        // Otherwise the role written just before the name in its clause ("Vietnamese Ambassador to Thailand
        // Pham …"), or in the clause after it (", ambassador of …"), with no other person in between; a
        // reference back ("the minister") is not a role written beside a name.
        var from = Math.Max(Math.Min(previous, person.Span.Start), person.Span.Start - MaxRoleDistance);
        var before = text.AsSpan(from, person.Span.Start - from);
        var cut = before.LastIndexOfAny(".;\n");
        var beforeStart = cut >= 0 ? from + cut + 1 : from;
        if (ContainsRole(text, beforeStart, person.Span.Start, word, isReference))
        {
            return true;
        }

        if (!text.AsSpan(person.Span.End).StartsWith(", ", StringComparison.Ordinal))
        {
            return false;
        }

        var afterStart = person.Span.End + 2;
        var to = Math.Min(Math.Max(next, afterStart), Math.Min(text.Length, person.Span.End + MaxRoleDistance));
        var after = text.AsSpan(afterStart, Math.Max(0, to - afterStart));
        var end = after.IndexOfAny(".;,\n");
        return ContainsRole(text, afterStart, afterStart + (end >= 0 ? end : after.Length), word, isReference);
    }

    private static bool ContainsRole(string text, int start, int end, string word, bool[] isReference)
    {
        for (var at = text.IndexOf(word, start, Math.Max(0, end - start), StringComparison.OrdinalIgnoreCase); at >= 0 && at + word.Length <= end;
            at = text.IndexOf(word, at + 1, Math.Max(0, end - at - 1), StringComparison.OrdinalIgnoreCase))
        {
            if (!isReference[at])
            {
                return true;
            }
        }

        return false;
    }

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
