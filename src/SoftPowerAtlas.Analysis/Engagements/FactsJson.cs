using System.Text.Encodings.Web;
using System.Text.Json;
using SoftPowerAtlas.Analysis.Dates;
using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Analysis.Pipeline;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Engagements;

/// <summary>
/// Writes a document's facts in the extraction contract of shared/eval/README.md, with every offset
/// mapped back into the file as read (UTF-16 code units, end exclusive).
/// </summary>
public static class FactsJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(AnalyzedDocument document)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            Write(w, document);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Utf8JsonWriter w, AnalyzedDocument document)
    {
        var map = document.Text;
        var dates = document.Get<DocumentDates>();
        var facts = document.Get<DocumentFacts>();
        var entities = facts is null ? null : new EntityJson(facts, map, document.Source.Original);

        w.WriteStartObject();
        w.WriteString("source", document.Source.Source);
        w.WriteString("title", document.Metadata.Title);
        w.WriteString("source_url", document.Metadata.SourceUrl);
        w.WriteString("language", document.LanguageCode);
        w.WriteString("published", dates?.Published is { Error: null } p ? p.Value.WithoutTime().ToString() : null);

        var mentions = dates?.Mentions ?? [];
        w.WriteStartArray("dates");
        foreach (var d in mentions)
        {
            if (d.IsRelative || d.Duration is not null || IsRepeat(d, mentions))
            {
                continue;
            }

            WriteDate(w, d);
        }

        w.WriteEndArray();

        // "ครั้งที่ 1 วันที่ 26 กันยายน" after "วันที่ 26 กันยายน 2566": a day written again without its year
        // points back at a date already given; it is listed here, not as a date of its own.
        w.WriteStartArray("date_references");
        foreach (var d in mentions)
        {
            if (!d.IsRelative && d.Duration is null && IsRepeat(d, mentions))
            {
                WriteDate(w, d);
            }
        }

        w.WriteEndArray();

        // Relative expressions (yesterday, last year) resolved against the publication date.
        w.WriteStartArray("relative_dates");
        foreach (var d in dates?.Mentions ?? [])
        {
            if (d.IsRelative || d.Duration is not null)
            {
                WriteDate(w, d);
            }
        }

        w.WriteEndArray();

        w.WriteStartArray("events");
        foreach (var e in facts?.Engagements ?? [])
        {
            w.WriteStartObject();
            w.WriteString("type", e.Type.ToContract());
            w.WriteString("date", e.Date is null ? null : e.Date.Value.ToString());
            w.WriteString("end_date", e.Date?.End?.ToString());
            w.WriteString("place", e.Place);
            WriteStrings(w, "partner_countries", e.Countries);
            WriteEntities(w, "thai_orgs", e.ThaiSide, entities!);
            WriteEntities(w, "foreign_orgs", e.ForeignSide, entities!);
            WriteEntities(w, "people", e.People, entities!); // engagements exist only with facts
            WriteStrings(w, "sectors", e.Sectors);
            WriteSpan(w, "evidence", e.Evidence, map);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("commitments");
        foreach (var c in facts?.Commitments ?? [])
        {
            w.WriteStartObject();
            w.WriteString("what", c.What);
            w.WriteString("who", c.Who);
            // A range is due when it starts; a fiscal year keeps its FY form.
            w.WriteString("due", c.Due is null ? null : c.Due.IsFiscalYear ? c.Due.Normalized : c.Due.Value.ToString());
            w.WriteString("text", map.Text[c.Sentence.Start..c.Sentence.End]);
            var o = map.ToOriginal(c.Sentence);
            w.WriteNumber("start", o.Start);
            w.WriteNumber("end", o.End);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        entities?.WriteAll(w);

        // Countries and Thai provinces the text names as places, engaged or not (the document page marks
        // them; the store keeps them as mentions of country/province entities).
        w.WriteStartArray("places");
        foreach (var m in facts?.Mentions ?? [])
        {
            if (m.Kind is EntityKind.Country or EntityKind.Province)
            {
                w.WriteStartObject();
                w.WriteString("kind", m.Kind == EntityKind.Country ? "country" : "province");
                w.WriteString("code", m.Key[(m.Key.IndexOf(':', StringComparison.Ordinal) + 1)..]);
                w.WriteString("text", m.Text);
                var o = map.ToOriginal(m.Span);
                w.WriteNumber("start", o.Start);
                w.WriteNumber("end", o.End);
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static bool IsRepeat(DateMention d, IReadOnlyList<DateMention> all)
    {
        if (d.Error is not null || d.Value.Granularity != DateGranularity.Day || d.End is not null || CountDigitRuns(d.Text) != 1)
        {
            return false;
        }

        return all.Any(e => e.Span.End <= d.Span.Start && e.Error is null && e.Role != DateRole.Publication
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

    private static void WriteDate(Utf8JsonWriter w, DateMention d)
    {
        w.WriteStartObject();
        w.WriteString("text", d.Text);
        w.WriteNumber("start", d.Span.Start);
        w.WriteNumber("end", d.Span.End);
        w.WriteString("normalized", d.Error is null ? d.Normalized : null);
        w.WriteString("role", d.Role.ToString().ToLowerInvariant());
        if (d.Error is not null)
        {
            w.WriteString("error", d.Error);
        }

        if (d.ResolvedAgainst is { } anchor)
        {
            w.WriteString("resolved_against", anchor.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        w.WriteEndObject();
    }

    private static void WriteEntities(Utf8JsonWriter w, string name, IReadOnlyList<ResolvedEntity> list, EntityJson entities)
    {
        w.WriteStartArray(name);
        foreach (var e in list)
        {
            w.WriteStartObject();
            w.WriteString("id", e.Key);
            w.WriteString("name", e.Name);
            if (e.Country is not null)
            {
                w.WriteString("country", e.Country);
            }

            WriteStrings(w, "aliases", e.Aliases);
            entities.WriteMentions(w, e.Mentions);
            entities.WriteSpans(w, e.Mentions);
            if (e.Kind == Entities.EntityKind.Person)
            {
                entities.WriteRoles(w, e.Roles);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteSpan(Utf8JsonWriter w, string name, TextSpan span, MappedText map)
    {
        var o = map.ToOriginal(span);
        w.WriteStartObject(name);
        w.WriteNumber("start", o.Start);
        w.WriteNumber("end", o.End);
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
