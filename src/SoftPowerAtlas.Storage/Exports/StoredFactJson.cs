using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Timeline;
using SoftPowerAtlas.Storage.Tracking;

namespace SoftPowerAtlas.Storage.Exports;

/// <summary>
/// The JSON shapes of stored facts (with their keys, marks and sources; extraction's own contract is
/// <c>Analysis/Facts/FactsJson</c>), shared by <c>atlas timeline --json</c>, <c>atlas due --json</c>, the
/// exports and the web API: snake_case names, Thai written as is, every fact with its source
/// (path, URL, document id, UTF-16 offsets into the original text, and the page of the original file
/// they start on, null for a document without pages).
/// </summary>
public static class StoredFactJson
{
    public static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="write"/>'s JSON to a string.</summary>
    public static string ToString(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            write(w);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void WriteSource(Utf8JsonWriter w, SourceRef s)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(s);
        w.WriteStartObject("source");
        w.WriteNumber("document_id", s.DocumentId);
        w.WriteString("path", s.Path);
        w.WriteString("url", s.Url);
        w.WriteString("title", s.Title);
        w.WriteNumber("start", s.Start);
        w.WriteNumber("end", s.End);
        if (s.Page is { } page)
        {
            w.WriteNumber("page", page);
        }
        else
        {
            w.WriteNull("page");
        }

        w.WriteEndObject();
    }

    public static void WriteDate(Utf8JsonWriter w, string name, FactDate? date)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (date is not { } d)
        {
            w.WriteNull(name);
            return;
        }

        // A day and month without a year has no first or last day: only its written form says what it is.
        w.WriteStartObject(name);
        w.WriteString("written", d.Written);
        w.WriteString("start", d.FirstDay?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("end", d.LastDay?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("time", d.Time?.ToString("HH:mm", CultureInfo.InvariantCulture));
        w.WriteString("precision", Snake(d.Precision.ToString()));
        w.WriteEndObject();
    }

    public static void WriteParties(Utf8JsonWriter w, IReadOnlyList<PartyRef> parties)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(parties);
        w.WriteStartArray("parties");
        foreach (var p in parties)
        {
            w.WriteStartObject();
            w.WriteString("key", p.Key);
            w.WriteString("name", p.Name);
            w.WriteString("side", p.Side);
            w.WriteString("country", p.Country);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(values);
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    /// <summary>
    /// One engagement; with <paramref name="reports"/> (issue 25), also <c>engagement</c>, the key of the first stored
    /// report of the same engagement (its own key when no other document reports it), and <c>reports</c>: each report's
    /// key, type, date, place and source, where reports may disagree.
    /// </summary>
    public static void WriteEngagement(Utf8JsonWriter w, EngagementFact e, IReadOnlyList<EngagementFact>? reports = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(e);
        w.WriteStartObject();
        w.WriteNumber("id", e.Id);
        w.WriteString("key", e.Key);
        if (reports is { Count: > 0 })
        {
            w.WriteString("engagement", reports[0].Key);
        }

        w.WriteString("type", e.Type);
        WriteDate(w, "date", e.Date);
        w.WriteString("place", e.Place);
        WriteParties(w, e.Parties);
        WriteStrings(w, "countries", e.Countries);
        WriteStrings(w, "sectors", e.Sectors);
        w.WriteString("evidence", e.Evidence);
        WriteSource(w, e.Source);
        if (reports is not null)
        {
            w.WriteStartArray("reports");
            foreach (var r in reports)
            {
                WriteReport(w, r.Key, r.Type, r.Date, r.Place, r.Source);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    public static void WriteCommitment(Utf8JsonWriter w, CommitmentFact c, DueItem? due = null, CommitmentMark? mark = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(c);
        w.WriteStartObject();
        w.WriteString("id", c.Key);
        w.WriteString("who", c.Who);
        w.WriteString("what", c.What);
        w.WriteString("due_written", c.DueWritten);
        w.WriteString("due_by", c.Due?.DueBy?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (due is not null)
        {
            w.WriteString("status", Snake(due.State.ToString()));
            w.WriteNumber("days_left", due.DaysLeft);
        }

        if ((due?.Mark ?? mark) is { } m)
        {
            w.WriteString("done_note", m.Note);
            w.WriteString("done_at", m.ChangedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        WriteParties(w, c.Parties);
        WriteStrings(w, "countries", c.Countries);
        WriteStrings(w, "sectors", c.Sectors);
        w.WriteString("sentence", c.Sentence);
        WriteSource(w, c.Source);
        w.WriteStartArray("outcomes");
        foreach (var outcome in due?.Outcomes ?? [])
        {
            WriteOutcome(w, outcome);
        }

        w.WriteEndArray();
        w.WriteString("restates", due?.Restates?.Key);
        w.WriteStartArray("also_stated_in");
        foreach (var other in due?.AlsoStatedIn ?? [])
        {
            w.WriteStartObject();
            w.WriteString("id", other.Key);
            w.WriteString("sentence", other.Sentence);
            WriteSource(w, other.Source);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>A later report that a commitment was kept (issue 25): its status, the engagement and report it is, the passage and where it is.</summary>
    private static void WriteOutcome(Utf8JsonWriter w, Outcome outcome)
    {
        var r = outcome.Report;
        w.WriteStartObject();
        w.WriteString("status", outcome.Status);
        w.WriteString("engagement", r.Key);
        w.WriteString("type", r.Type);
        WriteDate(w, "date", r.Date);
        w.WriteString("sentence", r.Evidence);
        WriteSource(w, r.Source);
        w.WriteEndObject();
    }

    /// <summary>One report of an engagement (issue 25): what it says of the type, date and place, and where it says it.</summary>
    private static void WriteReport(Utf8JsonWriter w, string? key, string type, FactDate? date, string? place, SourceRef source)
    {
        w.WriteStartObject();
        if (key is not null)
        {
            w.WriteString("key", key);
        }

        w.WriteString("type", type);
        WriteDate(w, "date", date);
        w.WriteString("place", place);
        WriteSource(w, source);
        w.WriteEndObject();
    }

    public static void WriteTimelineEntry(Utf8JsonWriter w, TimelineEntry e)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(e);
        w.WriteStartObject();
        w.WriteString("kind", e.Kind);
        w.WriteString("id", e.Id);
        w.WriteString("type", e.Type);
        WriteDate(w, "date", e.Date);
        w.WriteString("who", e.Who);
        w.WriteString("place", e.Place);
        WriteParties(w, e.Parties);
        WriteStrings(w, "countries", e.Countries);
        WriteStrings(w, "sectors", e.Sectors);
        w.WriteString("sentence", e.Sentence);
        WriteSource(w, e.Source);
        if (e.AlsoReportedBy.Count > 0)
        {
            w.WriteStartArray("also_reported_by");
            foreach (var other in e.AlsoReportedBy)
            {
                WriteReport(w, null, other.Type, other.Date, other.Place, other.Source);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary>DueSoon → due_soon; FiscalYear → fiscal_year.</summary>
    public static string Snake(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var b = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                b.Append('_');
            }

            b.Append(char.ToLowerInvariant(name[i]));
        }

        return b.ToString();
    }
}
