using SoftPowerAtlas.Analysis.Dates;
using SoftPowerAtlas.Analysis.Engagements;
using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Analysis.Pipeline;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Facts;

/// <summary>
/// The one mapping from an analysed document to <see cref="ExtractedFacts"/>: which date mentions are
/// listed where, how engagements, commitments, entities and places are named, and every span mapped
/// from the cleaned text back into the file as read. A new field of the model is filled here.
/// </summary>
internal static class FactsMapping
{
    public static ExtractedFacts Map(AnalyzedDocument document)
    {
        var map = document.Text;
        var dates = document.Get<DocumentDates>();
        var facts = document.Get<DocumentFacts>();
        var entities = new EntityMapping(facts, map, document.Source.Original);

        // Date spans already point into the file as read.
        var mentions = dates?.Mentions ?? [];
        var listed = ListedDates(document.Source.Original, mentions);
        var own = mentions.Where(listed.Contains).Select(Date).ToList();

        // "ครั้งที่ 1 วันที่ 26 กันยายน" after "วันที่ 26 กันยายน 2566", or a stamp written twice: a date written
        // again points back at one already given; it is listed here, not as a date of its own.
        var references = mentions.Where(d => !d.IsRelative && d.Duration is null && !listed.Contains(d)).Select(Date).ToList();

        // Relative expressions not listed as dates: unresolved ones, durations counted from an event, and a
        // word standing before the date it names (วันนี้ (23 ก.พ. 68)).
        var relative = mentions.Where(d => (d.IsRelative || d.Duration is not null) && !listed.Contains(d)).Select(Date).ToList();

        return new ExtractedFacts
        {
            Source = document.Source.Source,
            Title = document.Metadata.Title,
            SourceUrl = document.Metadata.SourceUrl,
            Language = document.LanguageCode,
            Published = dates?.Published is { Error: null } p ? p.Value.WithoutTime().ToString() : null,
            Dates = own,
            DateReferences = references,
            RelativeDates = relative,
            Events = [.. (facts?.Engagements ?? []).Select(e => Event(e, map, entities))],
            Commitments = [.. (facts?.Commitments ?? []).Select(c => Commitment(c, map))],
            Entities = entities.All(),
            Places = [.. (facts?.Mentions ?? []).Where(m => m.Kind is EntityKind.Country or EntityKind.Province).Select(m => Place(m, map))],
        };
    }

    /// <summary>
    /// The contract's dates: every date written in the text once, relative ones when they could be resolved;
    /// not a repeat (the same text and value again, or a day written again without its year), not a duration
    /// counted from an event, not a relative word standing before its own date in brackets.
    /// </summary>
    private static HashSet<DateMention> ListedDates(string original, IReadOnlyList<DateMention> mentions)
    {
        var listed = new HashSet<DateMention>(ReferenceEqualityComparer.Instance);
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < mentions.Count; i++)
        {
            var d = mentions[i];
            // A duration counted back (45 years ago) says how long ago, not which date; one from an event has no value.
            if (d.Duration is not null && (!d.HasValue || d.CountsBack))
            {
                continue;
            }

            if (d.IsRelative && (!d.HasValue || IsToday(d, i + 1 < mentions.Count ? mentions[i + 1] : null, original)))
            {
                continue;
            }

            if (IsRepeat(d, mentions) || (d.Error is null && !seen.Add((string.Join(' ', d.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), d.Normalized))))
            {
                continue;
            }

            listed.Add(d);
        }

        return listed;
    }

    /// <summary>
    /// Not a date of its own: "today" (English writers mean "nowadays" by it as often as the day), and a Thai
    /// day word before the date it names in brackets (วันนี้ (23 ก.พ. 68), เมื่อวานนี้ (29 พ.ค. 67)): the report's formula.
    /// </summary>
    private static bool IsToday(DateMention d, DateMention? next, string original)
    {
        if (d.Text.Equals("today", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (d.Text.Length == 0 || d.Text[0] is < '\u0E00' or > '\u0E7F' || next is null || next.IsRelative || next.Span.Start < d.Span.End || next.Span.Start - d.Span.End > 4)
        {
            return false;
        }

        return original.AsSpan(d.Span.End, next.Span.Start - d.Span.End).Trim() is "(";
    }

    private static bool IsRepeat(DateMention d, IReadOnlyList<DateMention> all)
    {
        if (d.Error is not null || d.Value.Granularity != DateGranularity.Day || d.End is not null || CountDigitRuns(d.Text) != 1)
        {
            return false;
        }

        return all.Any(e => e.Span.End <= d.Span.Start && e.Error is null && e.Role != DateRole.Publication && e.End is null
            && e.Value.WithoutTime() == d.Value && CountDigitRuns(e.Text) >= 2);
    }

    private static int CountDigitRuns(string s)
    {
        var runs = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsDigit(s[i]) && (i == 0 || !char.IsDigit(s[i - 1])))
            {
                runs++;
            }
        }

        return runs;
    }

    private static ExtractedDate Date(DateMention d) => new()
    {
        Text = d.Text,
        Start = d.Span.Start,
        End = d.Span.End,
        Normalized = d.Error is null ? d.Normalized : null,
        Role = d.Role.ToString().ToLowerInvariant(),
        Error = d.Error,
        ResolvedAgainst = d.ResolvedAgainst,
    };

    private static ExtractedEvent Event(Engagement e, MappedText map, EntityMapping entities)
    {
        var evidence = map.ToOriginal(e.Evidence);
        return new ExtractedEvent
        {
            Type = e.Type.ToContract(),
            Date = e.Date?.Value.ToString(),
            EndDate = e.Date?.End?.ToString(),
            Place = e.Place,
            PlaceSpan = e.PlaceSpan is { } place && map.ToOriginal(place) is var p ? new OriginalSpan(p.Start, p.End) : null,
            PartnerCountries = e.Countries,
            ThaiOrgs = entities.Participants(e.ThaiSide),
            ForeignOrgs = entities.Participants(e.ForeignSide),
            People = entities.Participants(e.People),
            Sectors = e.Sectors,
            Evidence = new OriginalSpan(evidence.Start, evidence.End),
        };
    }

    private static ExtractedCommitment Commitment(Commitment c, MappedText map)
    {
        var o = map.ToOriginal(c.Passage);
        return new ExtractedCommitment
        {
            What = c.What,
            Who = c.Who,
            Due = c.DueValue,
            Text = map.Text[c.Passage.Start..c.Passage.End],
            Start = o.Start,
            End = o.End,
        };
    }

    private static ExtractedPlace Place(EntityMention m, MappedText map)
    {
        var o = map.ToOriginal(m.Span);
        return new ExtractedPlace
        {
            Kind = m.Kind == EntityKind.Country ? "country" : "province",
            Code = m.Key[(m.Key.IndexOf(':', StringComparison.Ordinal) + 1)..],
            Text = m.Text,
            Start = o.Start,
            End = o.End,
        };
    }

    /// <summary>
    /// The entity parts: engagement participants, the document's whole list of entities (every mention,
    /// not only participants) with a kind, and people's roles with the body they hold them in.
    /// </summary>
    private sealed class EntityMapping
    {
        private readonly MappedText _map;
        private readonly DocumentFacts? _facts;
        private readonly string _original;
        private readonly Dictionary<string, (string Key, string Name)> _resolved = new(StringComparer.Ordinal);

        public EntityMapping(DocumentFacts? facts, MappedText map, string original)
        {
            _facts = facts;
            _map = map;
            _original = original;
            foreach (var e in facts?.Entities ?? [])
            {
                foreach (var m in e.Mentions)
                {
                    _resolved.TryAdd(m.Key, (e.Key, e.Name));
                }
            }
        }

        /// <summary>An engagement's side: no kind, roles only for people.</summary>
        public List<ExtractedEntity> Participants(IReadOnlyList<ResolvedEntity> side) =>
            [.. side.Select(e => Entity(e.Key, e.Name, kind: null, e.Country, e.Aliases, e.Mentions, e.Kind == EntityKind.Person ? e.Roles : []))];

        /// <summary>Every entity of the document with its kind, aliases and every span where it is mentioned.</summary>
        public List<ExtractedEntity> All()
        {
            if (_facts is null)
            {
                return [];
            }

            var all = _facts.Entities
                .Select(e => Entity(e.Key, e.Name, KindOf(e.Key, e.Kind), e.Country, e.Aliases, e.Mentions, e.Kind == EntityKind.Person ? e.Roles : []))
                .ToList();

            // Places, countries, provinces, divisions and venues are not resolved entities: one per key. A given
            // name or surname alone that joined no full name ("Hung" beside two Hungs) names no one for sure.
            foreach (var g in _facts.Mentions.Where(m => !_resolved.ContainsKey(m.Key) && !(m.Kind == EntityKind.Person && m.GivenNameOnly)).GroupBy(m => m.Key, StringComparer.Ordinal))
            {
                var list = g.ToList();
                var first = list[0];
                var aliases = list.Select(m => m.Name).Append(first.Name).Concat(list.Select(m => m.NameEn).OfType<string>()).Distinct(StringComparer.Ordinal).ToList();
                all.Add(Entity(g.Key, first.Name, KindOf(g.Key, first.Kind), first.Country, aliases, list, []));
            }

            return all;
        }

        /// <summary>agency, foreign_body, organisation, division, venue, person, country, province, place.</summary>
        private static string KindOf(string key, EntityKind kind)
        {
            var byKey = ExtractedEntity.KindOfKey(key);
            return byKey != "organisation" ? byKey : kind switch
            {
                EntityKind.Division => "division",
                EntityKind.Venue => "venue",
                _ => byKey,
            };
        }

        private ExtractedEntity Entity(string key, string name, string? kind, string? country, IReadOnlyList<string> aliases, IReadOnlyList<EntityMention> mentions, IReadOnlyList<PersonRole> roles) => new()
        {
            Id = key,
            Name = name,
            Kind = kind,
            Country = country,
            Aliases = aliases,
            Mentions = Written(mentions),
            Spans = [.. mentions.Select(m => Original(m.Span))],
            Roles = [.. roles.Select(Role)],
            // An internal unit names the body it belongs to.
            Parent = kind == "division" && mentions.Select(m => m.Parent).FirstOrDefault(p => p is not null) is { } parent ? Ref(parent) : null,
        };

        /// <summary>
        /// Each distinct form as the normalised text has it and, where normalisation changed it (สํานัก with a
        /// decomposed sara am, a zero-width space), as the file writes it.
        /// </summary>
        private List<string> Written(IReadOnlyList<EntityMention> mentions)
        {
            var forms = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var m in mentions)
            {
                if (seen.Add(m.Text))
                {
                    forms.Add(m.Text);
                }

                if (AsWritten(m) is { } written && seen.Add(written))
                {
                    forms.Add(written);
                }
            }

            return forms;
        }

        private string? AsWritten(EntityMention m)
        {
            var o = _map.ToOriginal(m.Span);
            if (o.End > _original.Length || o.Length == 0 || o.Length > m.Text.Length * 2)
            {
                return null;
            }

            var written = _original[o.Start..o.End];
            return written.AsSpan().IndexOfAny('<', '&', '\n') >= 0 ? null : written;
        }

        private EntityRef Ref(EntityMention m)
        {
            var (key, name) = _resolved.TryGetValue(m.Key, out var r) ? r : (m.Key, m.Name);
            return new EntityRef { Id = key, Name = name };
        }

        private ExtractedRole Role(PersonRole r)
        {
            var span = Original(r.Span);
            return new ExtractedRole
            {
                Role = r.Role,
                Start = span.Start,
                End = span.End,
                Organization = r.Organization is { } org ? Body(org) : null,
            };
        }

        private RoleBody Body(EntityMention org)
        {
            var (key, name) = _resolved.TryGetValue(org.Key, out var r) ? r : (org.Key, org.Name);
            var span = Original(org.Span);
            return new RoleBody { Id = key, Name = name, AsWritten = org.Text, Start = span.Start, End = span.End };
        }

        private OriginalSpan Original(TextSpan span)
        {
            var o = _map.ToOriginal(span);
            return new OriginalSpan(o.Start, o.End);
        }
    }
}
