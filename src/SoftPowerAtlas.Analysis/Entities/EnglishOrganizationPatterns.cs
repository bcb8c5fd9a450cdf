using System.Collections.Frozen;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>
/// Finds organisation names in English text that are not in the reference data: a run of capitalised
/// words holding a head word (Ministry, Federation, Orchestra…), with what "of", "for", "on" and "in"
/// attach to it ("Tourism Authority of Thailand", "Royal Thai Embassy in Hà Nội"). A run is cut where a
/// second body begins ("Mahidol University and Chiang Mai University"), where a person or a role begins
/// ("Ministry of Culture and Mr. …", "… Party and Chairwoman of …"), and after its last head word
/// ("Fine Arts Department Attended"); an event's name ("16th Session of the …") is not a body; a
/// venue's name is a <see cref="PatternKind.Venue"/>; "CEA Communications Department" is a unit of CEA.
/// </summary>
internal sealed class EnglishOrganizationPatterns
{
    private const int MaxObjectWords = 12;
    private static readonly FrozenSet<string> Attaching = FrozenSet.Create(StringComparer.Ordinal, "of", "for", "on", "de", "du", "des", "di", "del", "della", "la", "le");
    private static readonly FrozenSet<string> LegalSuffixes = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "Co.", "Ltd.", "Ltd", "Inc.", "Inc", "Corp.", "Limited", "PCL", "LLC", "GmbH", "Bhd.", "Pte.");
    private static readonly FrozenSet<string> UnitWords = FrozenSet.Create(StringComparer.Ordinal, "Department", "Division", "Section", "Unit", "Bureau");
    private static readonly FrozenSet<string> EmbassyWords = FrozenSet.Create(StringComparer.Ordinal, "Embassy", "Consulate", "Consulate-General", "Consulate–General");

    /// <summary>Heads whose place is part of the name: "Royal Thai Embassy in Hà Nội", "British Council in Thailand" (not "News Agency in Bangkok").</summary>
    private static readonly FrozenSet<string> TakesIn = FrozenSet.Create(StringComparer.Ordinal, "Embassy", "Consulate", "Consulate-General", "Consulate–General", "Office", "Council", "Centre", "Center", "Institute", "Chamber", "Mission", "Delegation", "Bureau", "Branch");

    /// <summary>Heads that take "on": "Committee on the Promotion of …" (a club "on Saturday" does not).</summary>
    private static readonly FrozenSet<string> TakesOn = FrozenSet.Create(StringComparer.Ordinal, "Committee", "Subcommittee", "Commission", "Council", "Board", "Conference", "Forum", "Panel", "Taskforce");

    /// <summary>Heads written before the rest of the name (Romance and German word order).</summary>
    private static readonly FrozenSet<string> HeadFirst = FrozenSet.Create(StringComparer.Ordinal,
        "Universidad", "Universidade", "Université", "Università", "Instituto", "Istituto", "Institut", "Museo", "Musée", "Fundación", "Fondation", "Fondazione", "Ministerio", "Ministère", "Ministero", "Asociación", "Associazione");

    /// <summary>Kinds of company ("X Entertainment", "X Pictures"): the name needs a word of its own that is not a nationality, a place or a common word.</summary>
    private static readonly FrozenSet<string> CompanyHeads = FrozenSet.Create(StringComparer.Ordinal, "Entertainment", "Holdings", "Pictures", "Records", "Productions", "Resorts", "Studio", "Studios", "Company", "Companies", "Group");

    private readonly FrozenSet<string> _orgWords;
    private readonly NameVocabulary _vocabulary;

    public EnglishOrganizationPatterns(NameVocabulary vocabulary)
    {
        _vocabulary = vocabulary;
        _orgWords = EmbeddedWordList.Lines("Entities/Data/org-words-en.txt").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Names in <paramref name="text"/>; <paramref name="closed"/> marks people, whom no name may hold.</summary>
    public void Find(string text, bool[] closed, IReadOnlyList<(TextSpan Span, GazetteerEntry Entry)> known, List<(TextSpan Span, PatternKind Kind)> found)
    {
        var words = EnglishRuns.Words(text, closed);
        var titleCase = EnglishRuns.TitleCaseLines(text, words);
        var i = 0;
        while (i < words.Count)
        {
            // A headline in title case ("Ministry Of Culture Signs Pact With …") capitalises every word: its
            // runs say nothing about where a name ends, so only known names are read there.
            if (!words[i].Capital || InAny(titleCase, words[i].Start))
            {
                i++;
                continue;
            }

            var run = EnglishRuns.Run(text, words, i);
            Split(text, words, run, known, found);
            i = run[^1].Last + 1;
        }
    }

    private static bool InAny(List<TextSpan> spans, int position)
    {
        foreach (var t in spans)
        {
            if (t.Start <= position && position < t.End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Ministry of Culture, Sports and Tourism": a capitalised item joined by "and" or a comma is one more word of the
    /// name's object. Not when the name has no object yet ("Royal Thai Embassy and Suraya Filem …" are two parties),
    /// when it is already a known body's whole name, when its object is a place ("Tourism Authority of Thailand and …"), nor when the item is a body of its own
    /// (a known name, or an acronym: "Department of Cultural Promotion and THACCA").
    /// </summary>
    private static bool CoordinatesObject(List<EnglishWord> words, EnglishChunk chunk, int start, int end, bool withObject, IReadOnlyList<(TextSpan Span, GazetteerEntry Entry)> known)
    {
        // A known body's whole name is complete: "Tourism Authority of Thailand and Muay Thai-linked organisations".
        if (!withObject || known.Any(k => k.Span.Start == words[start].Start && k.Span.End == words[end].End))
        {
            return false;
        }

        var objectIsPlace = known.Any(k => k.Entry.Kind is EntityKind.Country or EntityKind.ForeignPlace or EntityKind.Province
            && k.Span.Start <= words[end].Start && words[end].End <= k.Span.End);
        var itemIsBody = known.Any(k => k.Span.Start == words[chunk.First].Start
            && k.Entry.Kind is EntityKind.ThaiOrganization or EntityKind.ForeignOrganization or EntityKind.InternationalOrganization);
        var acronym = chunk.First == chunk.Last && words[chunk.First].Text.Length >= 2 && words[chunk.First].Text.All(c => char.IsUpper(c) || char.IsDigit(c));
        return !objectIsPlace && !itemIsBody && !acronym;
    }

    /// <summary>"Pheu Thai Party and Vice Chairperson of …": a post joined by "and" is a person's, not more of the name.</summary>
    private bool HoldsRole(List<EnglishWord> words, EnglishChunk chunk) =>
        Enumerable.Range(chunk.First, chunk.Last - chunk.First + 1).Any(k => _vocabulary.IsPersonNoun(words[k].Text));

    private void Split(string text, List<EnglishWord> words, List<EnglishChunk> run, IReadOnlyList<(TextSpan Span, GazetteerEntry Entry)> known, List<(TextSpan, PatternKind)> found)
    {
        int? start = null;
        var end = -1;
        var head = -1;
        var withObject = false;
        for (var c = 0; c < run.Count; c++)
        {
            var chunk = run[c];
            var chunkHead = LastHead(words, chunk);
            var connector = chunk.Connector ?? string.Empty;
            var coordinate = connector is "and" or "&" or "and the" || (connector == "," && withObject);
            if (start is not null)
            {
                var first = FirstWord(connector);
                var attach = (Attaching.Contains(first) && (first != "on" || TakesOn.Contains(words[head].Text)) && !StartsWithRole(words, chunk))
                    || (coordinate && chunkHead < 0 && !connector.EndsWith("the", StringComparison.Ordinal) && !StartsWithRole(words, chunk) && !HoldsRole(words, chunk)
                        && CoordinatesObject(words, chunk, start.Value, end, withObject, known));
                if (connector.StartsWith("in", StringComparison.Ordinal) && TakesIn.Contains(words[head].Text) && !IsVenueHead(words, head) && IsPlace(words, chunk, known) is { } placeEnd)
                {
                    end = placeEnd;
                    Emit(text, words, start.Value, end, head, true, known, found);
                    start = null;
                    continue;
                }

                if (attach && head >= 0 && chunk.Last - chunk.First < MaxObjectWords)
                {
                    // "Tourism Authority of Thailand Governor …": a role word ends the object and the name.
                    var role = Enumerable.Range(chunk.First, chunk.Last - chunk.First + 1).FirstOrDefault(k => k > chunk.First && _vocabulary.IsPersonNoun(words[k].Text), -1);
                    end = role > 0 ? role - 1 : chunkHead >= 0 && chunkHead < chunk.Last && coordinate ? chunkHead : chunk.Last;
                    head = chunkHead >= 0 && (role < 0 || chunkHead < role) ? Math.Max(head, chunkHead) : head;
                    withObject |= !coordinate;
                    if (role > 0)
                    {
                        Emit(text, words, start.Value, end, head, withObject, known, found);
                        start = null;
                    }

                    continue;
                }

                Emit(text, words, start.Value, end, head, withObject, known, found);
                start = null;
            }

            // "Game Studio Incubation", "Thai Food Festival Committee Week": a programme or an event named after a body.
            if (chunkHead >= 0 && Enumerable.Range(chunkHead + 1, chunk.Last - chunkHead).Any(k => _vocabulary.IsEventWord(words[k].Text)))
            {
                continue;
            }

            if (chunkHead >= 0)
            {
                start = chunk.First;
                head = chunkHead;
                end = chunkHead;
                withObject = false;

                // "Universidad Nacional Autónoma", "Museo Nacional": a Romance head comes first; its name follows it.
                if (chunkHead == chunk.First && HeadFirst.Contains(words[chunkHead].Text))
                {
                    end = chunk.Last;
                    withObject = true;
                    continue;
                }

                var cutAfterHead = chunkHead < chunk.Last;
                if (cutAfterHead)
                {
                    Emit(text, words, start.Value, end, head, false, known, found);
                    start = null;
                }
            }
            else if (c + 1 < run.Count && run[c + 1].Connector is "and" or "&" or "for" && LastHead(words, run[c + 1]) is var nextHead && nextHead == run[c + 1].Last
                && !StartsWithRole(words, chunk) && !IsEvent(words, chunk))
            {
                // "UAE Muay Thai and Kickboxing Federation", "Leisure and Cultural Services Department", "Qatar Sports for
                // All Federation": one name.
                start = chunk.First;
                var next = run[c + 1];
                head = nextHead;
                end = next.Last;
                withObject = false;
                c++;
            }
        }

        if (start is not null)
        {
            Emit(text, words, start.Value, end, head, withObject, known, found);
        }
    }

    private void Emit(string text, List<EnglishWord> words, int first, int last, int head, bool withObject, IReadOnlyList<(TextSpan Span, GazetteerEntry Entry)> known, List<(TextSpan, PatternKind)> found)
    {
        if (head < 0)
        {
            return;
        }

        // Role words at the start ("Chairwoman of the …" is handled by the connector; "Deputy Director General X Office").
        while (first < head && (words[first].Text is "The" || _vocabulary.IsPersonNoun(words[first].Text)))
        {
            first++;
        }

        // "Co., Ltd.": a legal suffix after a comma belongs to the company's name.
        var endChar = words[last].End;
        foreach (var suffix in (string[])[", Ltd.", ", Ltd", ", Limited", ", Inc.", ", Inc"])
        {
            if (LegalSuffixes.Contains(words[last].Text) && text.AsSpan(endChar).StartsWith(suffix, StringComparison.Ordinal))
            {
                endChar += suffix.Length;
                break;
            }
        }

        // A bare head ("the Embassy", "Consulate-General", "the Party and State"), a legal suffix alone
        // ("Ltd."), an event ("Design Week"): a name needs a word of its own before its head, or what "of" gives it.
        var own = Enumerable.Range(first, head - first + 1).Count(k => !IsHead(words[k].Text) && !LegalSuffixes.Contains(words[k].Text) && words[k].Capital);
        // "Thai Entertainment channels", "Korean Group": a nationality and a kind of company name no one.
        var nationalOnly = CompanyHeads.Contains(words[head].Text) && !withObject && Enumerable.Range(first, head - first)
            .All(k => _vocabulary.IsVocabulary(words[k].Text) || known.Any(m => m.Entry.Kind is EntityKind.Country or EntityKind.Province or EntityKind.ForeignPlace
                && m.Span.Start <= words[k].Start && words[k].End <= m.Span.End));
        // "Creative Economy Agency Thailand (Public Organization)": the legal form Thai law gives the body before it.
        var legalForm = head == first + 1 && words[first].Start > 0 && text[words[first].Start - 1] == '('
            && words[first].Text == "Public" && words[head].Text is "Organization" or "Organisation";
        if ((own == 0 && !withObject) || nationalOnly || legalForm || IsEvent(words, new EnglishChunk(first, head, null)))
        {
            return;
        }

        var span = new TextSpan(words[first].Start, endChar);
        var kind = VenueKind(text, words, first, head) ? PatternKind.Venue
            : EmbassyWords.Contains(words[head].Text) ? PatternKind.Embassy
            : PatternKind.Organization;

        // "CEA Communications Department": a unit word after a known body's name is a unit of that body.
        if (kind == PatternKind.Organization && UnitWords.Contains(words[head].Text))
        {
            var inner = known.FirstOrDefault(k => k.Span.Start == span.Start && k.Span.End < words[head].Start && k.Entry.Kind is EntityKind.ThaiOrganization or EntityKind.ForeignOrganization or EntityKind.InternationalOrganization);
            if (inner.Entry is not null)
            {
                var unitStart = words.FindIndex(w => w.Start > inner.Span.End);
                found.Add((new TextSpan(words[unitStart].Start, span.End), PatternKind.Division));
                return;
            }
        }

        found.Add((span, kind));
    }

    private bool IsVenueHead(List<EnglishWord> words, int head) =>
        VenueWords.All.Any(v => v.Always && v.Words.Length == 1 && string.Equals(v.Words[0], words[head].Text, StringComparison.OrdinalIgnoreCase))
        || (head > 0 && VenueWords.All.Any(v => v.Always && v.Words.Length == 2 && string.Equals(v.Words[1], words[head].Text, StringComparison.OrdinalIgnoreCase)
            && string.Equals(v.Words[0], words[head - 1].Text, StringComparison.OrdinalIgnoreCase)));

    /// <summary>A venue: its head is always a place (Convention Centre, Hotel), or a place after "at"/"in" (at the Emirates Golf Club).</summary>
    private bool VenueKind(string text, List<EnglishWord> words, int first, int head)
    {
        foreach (var (venue, always) in VenueWords.All)
        {
            var s = head - venue.Length + 1;
            if (s < first || !venue.Select((v, k) => string.Equals(words[s + k].Text, v, StringComparison.OrdinalIgnoreCase)).All(x => x))
            {
                continue;
            }

            if (always)
            {
                return true;
            }

            var before = text.AsSpan(0, words[first].Start).TrimEnd();
            if (before.EndsWith(" the", StringComparison.OrdinalIgnoreCase))
            {
                before = before[..^4].TrimEnd();
            }

            return before.EndsWith(" at", StringComparison.OrdinalIgnoreCase) || before.EndsWith(" in", StringComparison.OrdinalIgnoreCase)
                || before.EndsWith("At", StringComparison.Ordinal) || before.EndsWith("In", StringComparison.Ordinal);
        }

        return false;
    }

    /// <summary>The chunk, or its first words, is a known place ("in Thailand", "in the UAE"): the index of its last place word.</summary>
    private static int? IsPlace(List<EnglishWord> words, EnglishChunk chunk, IReadOnlyList<(TextSpan Span, GazetteerEntry Entry)> known)
    {
        var place = known.FirstOrDefault(k => k.Span.Start == words[chunk.First].Start && k.Entry.Kind is EntityKind.Country or EntityKind.ForeignPlace or EntityKind.Province);
        if (place.Entry is null)
        {
            return null;
        }

        var last = chunk.First;
        while (last < chunk.Last && words[last + 1].End <= place.Span.End)
        {
            last++;
        }

        return last;
    }

    private int LastHead(List<EnglishWord> words, EnglishChunk chunk)
    {
        for (var k = chunk.Last; k >= chunk.First; k--)
        {
            if (IsHead(words[k].Text))
            {
                return k;
            }
        }

        return -1;
    }

    private bool IsHead(string word) => _orgWords.Contains(word) || _orgWords.Contains(word.TrimEnd('.'));

    private bool IsEvent(List<EnglishWord> words, EnglishChunk chunk)
    {
        // An event word with no head word after it: "Design Week", "Thai Festival" (a "Festival Committee" is a body).
        var lastEvent = -1;
        for (var k = chunk.First; k <= chunk.Last; k++)
        {
            if (_vocabulary.IsEventWord(words[k].Text))
            {
                lastEvent = k;
            }
        }

        return lastEvent >= 0 && !Enumerable.Range(lastEvent + 1, chunk.Last - lastEvent).Any(k => IsHead(words[k].Text));
    }

    private bool StartsWithRole(List<EnglishWord> words, EnglishChunk chunk) =>
        _vocabulary.IsPersonNoun(words[chunk.First].Text) || words[chunk.First].Closed;

    private static string FirstWord(string connector)
    {
        var space = connector.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? connector : connector[..space];
    }
}
