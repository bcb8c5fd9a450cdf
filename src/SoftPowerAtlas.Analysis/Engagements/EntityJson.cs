using System.Text.Json;
using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Engagements;

/// <summary>
/// The entity parts of the facts JSON: people's roles with the body they hold them in, and the
/// document's whole list of entities (every mention, not only engagement participants), each with a
/// queryable kind and its spans in the file as read.
/// </summary>
internal sealed class EntityJson
{
    private readonly MappedText _map;
    private readonly string? _original;
    private readonly Dictionary<string, (string Key, string Name)> _resolved = new(StringComparer.Ordinal);
    private readonly DocumentFacts _facts;

    public EntityJson(DocumentFacts facts, MappedText map, string? original = null)
    {
        _facts = facts;
        _map = map;
        _original = original;
        foreach (var e in facts.Entities)
        {
            foreach (var m in e.Mentions)
            {
                _resolved.TryAdd(m.Key, (e.Key, e.Name));
            }
        }
    }

    /// <summary>agency, foreign_body, organisation, division, venue, person, country, province, place.</summary>
    public static string KindOf(string key, EntityKind kind) => key[..Math.Max(0, key.IndexOf(':', StringComparison.Ordinal))] switch
    {
        "agency" => "agency",
        "body" => "foreign_body",
        "country" => "country",
        "province" => "province",
        "place" => "place",
        "person" => "person",
        "venue" => "venue",
        _ => kind == EntityKind.Division ? "division" : kind == EntityKind.Venue ? "venue" : "organisation",
    };

    /// <summary>"role", "organization", "organization_id" (the first role) and "roles" (all) of a person.</summary>
    public void WriteRoles(Utf8JsonWriter w, IReadOnlyList<PersonRole> roles)
    {
        if (roles.Count == 0)
        {
            return;
        }

        var first = roles[0];
        w.WriteString("role", first.Role);
        w.WriteString("organization", first.Organization is { } o ? Resolve(o).Name : null);
        w.WriteString("organization_id", first.Organization is { } oi ? Resolve(oi).Key : null);
        w.WriteStartArray("roles");
        foreach (var r in roles)
        {
            w.WriteStartObject();
            w.WriteString("role", r.Role);
            var span = _map.ToOriginal(r.Span);
            w.WriteNumber("start", span.Start);
            w.WriteNumber("end", span.End);
            if (r.Organization is { } org)
            {
                var (key, name) = Resolve(org);
                var os = _map.ToOriginal(org.Span);
                w.WriteStartObject("organization");
                w.WriteString("id", key);
                w.WriteString("name", name);
                w.WriteString("as_written", org.Text);
                w.WriteNumber("start", os.Start);
                w.WriteNumber("end", os.End);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("organization");
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>Every entity of the document with its kind, aliases and every span where it is mentioned.</summary>
    public void WriteAll(Utf8JsonWriter w)
    {
        w.WriteStartArray("entities");
        foreach (var e in _facts.Entities)
        {
            Write(w, e.Key, e.Name, e.Kind, e.Country, e.Aliases, e.Mentions, e.Kind == EntityKind.Person ? e.Roles : []);
        }

        // Places, countries, provinces, divisions and venues are not resolved entities: one per key. A given
        // name or surname alone that joined no full name ("Hung" beside two Hungs) names no one for sure.
        foreach (var g in _facts.Mentions.Where(m => !_resolved.ContainsKey(m.Key) && !(m.Kind == EntityKind.Person && m.GivenNameOnly)).GroupBy(m => m.Key, StringComparer.Ordinal))
        {
            var list = g.ToList();
            var first = list[0];
            var aliases = list.Select(m => m.Name).Append(first.Name).Concat(list.Select(m => m.NameEn).OfType<string>()).Distinct(StringComparer.Ordinal).ToList();
            Write(w, g.Key, first.Name, first.Kind, first.Country, aliases, list, []);
        }

        w.WriteEndArray();
    }

    private void Write(Utf8JsonWriter w, string key, string name, EntityKind kind, string? country, IReadOnlyList<string> aliases, IReadOnlyList<EntityMention> mentions, IReadOnlyList<PersonRole> roles)
    {
        w.WriteStartObject();
        w.WriteString("id", key);
        w.WriteString("name", name);
        w.WriteString("kind", KindOf(key, kind));
        if (country is not null)
        {
            w.WriteString("country", country);
        }

        w.WriteStartArray("aliases");
        foreach (var a in aliases)
        {
            w.WriteStringValue(a);
        }

        w.WriteEndArray();
        WriteMentions(w, mentions);
        WriteSpans(w, mentions);
        WriteRoles(w, roles);

        // An internal unit names the body it belongs to.
        if (kind == EntityKind.Division && mentions.Select(m => m.Parent).FirstOrDefault(p => p is not null) is { } parent)
        {
            var (parentKey, parentName) = Resolve(parent);
            w.WriteStartObject("parent");
            w.WriteString("id", parentKey);
            w.WriteString("name", parentName);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// "mentions": each distinct form as the normalised text has it and, where normalisation changed it
    /// (สํานัก with a decomposed sara am, a zero-width space), as the file writes it.
    /// </summary>
    public void WriteMentions(Utf8JsonWriter w, IReadOnlyList<EntityMention> mentions)
    {
        w.WriteStartArray("mentions");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in mentions)
        {
            if (seen.Add(m.Text))
            {
                w.WriteStringValue(m.Text);
            }

            if (AsWritten(m) is { } written && seen.Add(written))
            {
                w.WriteStringValue(written);
            }
        }

        w.WriteEndArray();
    }

    private string? AsWritten(EntityMention m)
    {
        if (_original is null)
        {
            return null;
        }

        var o = _map.ToOriginal(m.Span);
        if (o.End > _original.Length || o.Length == 0 || o.Length > m.Text.Length * 2)
        {
            return null;
        }

        var written = _original[o.Start..o.End];
        return written.AsSpan().IndexOfAny('<', '&', '\n') >= 0 ? null : written;
    }

    public void WriteSpans(Utf8JsonWriter w, IReadOnlyList<EntityMention> mentions)
    {
        w.WriteStartArray("spans");
        foreach (var m in mentions)
        {
            var o = _map.ToOriginal(m.Span);
            w.WriteStartArray();
            w.WriteNumberValue(o.Start);
            w.WriteNumberValue(o.End);
            w.WriteEndArray();
        }

        w.WriteEndArray();
    }

    private (string Key, string Name) Resolve(EntityMention m) => _resolved.TryGetValue(m.Key, out var r) ? r : (m.Key, m.Name);
}
