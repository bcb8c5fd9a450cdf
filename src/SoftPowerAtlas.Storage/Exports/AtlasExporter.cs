using System.Globalization;
using System.Text.Json;
using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Sqlite;
using SoftPowerAtlas.Storage.Tracking;

namespace SoftPowerAtlas.Storage.Exports;

/// <summary>What <c>atlas export</c> can write.</summary>
public enum ExportKind
{
    Documents,
    Entities,
    Engagements,
    Commitments,
    Calendar,
    Network,
}

/// <summary>File formats of exports.</summary>
public enum ExportFormat
{
    Json,
    Csv,
    ICalendar,
    GraphML,
}

/// <summary>
/// Writes the store's documents, entities, engagements and commitments as JSON or CSV, the dated
/// ones as an iCalendar file and the partner network as GraphML. Every engagement and commitment
/// row carries its source (document id, path, URL, offsets into the original text, and the 1-based page
/// of the original file they start on, empty or null for a document without pages).
/// </summary>
public sealed class AtlasExporter(FactReader reader, TimeProvider clock)
{
    /// <summary>The formats each kind can be written in, the first being its default.</summary>
    public static IReadOnlyList<ExportFormat> FormatsOf(ExportKind kind) => kind switch
    {
        ExportKind.Calendar => [ExportFormat.ICalendar],
        ExportKind.Network => [ExportFormat.GraphML],
        _ => [ExportFormat.Json, ExportFormat.Csv],
    };

    public string Export(ExportKind kind, ExportFormat format, FactFilter? filter = null)
    {
        if (!FormatsOf(kind).Contains(format))
        {
            throw new ArgumentException($"{kind} cannot be written as {format}", nameof(format));
        }

        filter ??= FactFilter.All;
        return kind switch
        {
            ExportKind.Documents => format == ExportFormat.Csv ? CsvWriter.Write(Documents()) : TableJson(Documents()),
            ExportKind.Entities => format == ExportFormat.Csv ? CsvWriter.Write(Entities()) : TableJson(Entities()),
            ExportKind.Engagements => Engagements(format, filter),
            ExportKind.Commitments => Commitments(format, filter),
            ExportKind.Calendar => new ICalendarWriter(clock).Write(reader.Engagements(filter), Tracked(filter)),
            _ => GraphMLWriter.Write(PartnerNetwork.Build(reader.Engagements(filter))),
        };
    }

    public ExportTable Documents() => reader.Store.Read((connection, transaction) =>
    {
        var rows = new List<object?[]>();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            SELECT d.id, d.source, d.source_url, d.title, d.published, d.published_as_written, d.language, d.format, d.encoding,
                   d.content_hash, d.near_duplicate_of, d.ingested_at,
                   (SELECT {reader.Store.Dialect.StringAgg("s.source", '\n', "s.id")} FROM document_sources s WHERE s.document_id = d.id),
                   (SELECT count(*) FROM engagements e WHERE e.document_id = d.id),
                   (SELECT count(*) FROM commitments c WHERE c.document_id = d.id)
            FROM documents d ORDER BY d.id
            """;
        using var r = command.ExecuteReader();
        while (r.Read())
        {
            rows.Add([r.GetInt64(0), r.GetString(1), r.GetNullableString(2), r.GetNullableString(3), r.GetNullableString(4), r.GetNullableString(5), r.GetString(6), r.GetString(7), r.GetString(8),
                r.GetString(9), r.IsDBNull(10) ? null : r.GetInt64(10), SqliteValues.FormatTimestamp(StoreDialect.ReadTimestamp(r, 11)), Sources(r.GetNullableString(12)), r.GetInt64(13), r.GetInt64(14)]);
        }

        return new ExportTable(
            ["id", "source", "source_url", "title", "published", "published_as_written", "language", "format", "encoding", "content_hash", "near_duplicate_of", "ingested_at", "sources", "engagements", "commitments"],
            rows);
    });

    public ExportTable Entities() => reader.Store.Read((connection, transaction) =>
    {
        var rows = new List<object?[]>();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            SELECT n.id, n.key, n.name, n.country,
                   (SELECT {reader.Store.Dialect.StringAgg("a.alias", '\n')} FROM entity_aliases a WHERE a.entity_id = n.id),
                   (SELECT count(*) FROM mentions m WHERE m.entity_id = n.id),
                   (SELECT count(DISTINCT m.document_id) FROM mentions m WHERE m.entity_id = n.id),
                   (SELECT count(*) FROM engagement_parties p WHERE p.entity_id = n.id)
            FROM entities n ORDER BY n.key
            """;
        using var r = command.ExecuteReader();
        while (r.Read())
        {
            var key = r.GetString(1);
            var kind = key.IndexOf(':', StringComparison.Ordinal) is var i and > 0 ? key[..i] : "entity";
            rows.Add([r.GetInt64(0), key, kind, r.GetString(2), r.GetNullableString(3), (r.GetNullableString(4) ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray(),
                r.GetInt64(5), r.GetInt64(6), r.GetInt64(7)]);
        }

        return new ExportTable(["id", "key", "kind", "name", "country", "aliases", "mentions", "documents", "engagements"], rows);
    });

    private string Engagements(ExportFormat format, FactFilter filter)
    {
        var engagements = reader.Engagements(filter);
        if (format == ExportFormat.Json)
        {
            var reports = reader.Reports(engagements);
            return StoredFactJson.ToString(w =>
            {
                w.WriteStartArray();
                foreach (var e in engagements)
                {
                    StoredFactJson.WriteEngagement(w, e, reports.GetValueOrDefault(e.Cluster) ?? [e]);
                }

                w.WriteEndArray();
            }) + "\n";
        }

        var rows = engagements.Select(e => new object?[]
        {
            e.Id, e.Type, e.Date?.Written, Day(e.Date?.FirstDay), Day(e.Date?.LastDay), e.Date?.Time?.ToString("HH:mm", CultureInfo.InvariantCulture), e.Place,
            Names(e.Parties, "thai"), Names(e.Parties, "foreign"), Names(e.Parties, "person"), e.Countries, e.Sectors, e.Evidence,
            e.Source.DocumentId, e.Source.Path, e.Source.Url, e.Source.Start, e.Source.End, e.Source.Page,
        }).ToList();
        return CsvWriter.Write(new ExportTable(
            ["id", "type", "date", "start", "end", "time", "place", "thai_side", "foreign_side", "people", "countries", "sectors", "evidence", "document_id", "source", "source_url", "offset_start", "offset_end", "page"],
            rows));
    }

    /// <summary>A due list (<see cref="CommitmentTracker.Due"/>, as the web's Due page filtered it) as JSON, CSV or iCalendar, in its order.</summary>
    public string Due(IEnumerable<DueItem> items, ExportFormat format)
    {
        ArgumentNullException.ThrowIfNull(items);
        var tracked = items.Select(i => (i.Commitment, (DueItem?)i)).ToList();
        return format switch
        {
            ExportFormat.ICalendar => new ICalendarWriter(clock).Write([], tracked),
            ExportFormat.Json or ExportFormat.Csv => Commitments(format, tracked),
            _ => throw new ArgumentException($"a due list cannot be written as {format}", nameof(format)),
        };
    }

    private string Commitments(ExportFormat format, FactFilter filter) => Commitments(format, Tracked(filter));

    private static string Commitments(ExportFormat format, List<(CommitmentFact Commitment, DueItem? Due)> items)
    {
        if (format == ExportFormat.Json)
        {
            return StoredFactJson.ToString(w =>
            {
                w.WriteStartArray();
                foreach (var (c, due) in items)
                {
                    StoredFactJson.WriteCommitment(w, c, due);
                }

                w.WriteEndArray();
            }) + "\n";
        }

        var rows = items.Select(x => new object?[]
        {
            x.Commitment.Key, x.Commitment.Who, x.Commitment.What, x.Commitment.DueWritten, Day(x.Due?.DueBy),
            x.Due is null ? null : StoredFactJson.Snake(x.Due.State.ToString()), x.Due?.Mark?.Note, x.Commitment.Countries, x.Commitment.Sectors,
            x.Commitment.Sentence, x.Commitment.Source.DocumentId, x.Commitment.Source.Path, x.Commitment.Source.Url, x.Commitment.Source.Start, x.Commitment.Source.End, x.Commitment.Source.Page,
            x.Due?.Outcomes.Select(o => o.Report.Source.Location).ToList() ?? [],
        }).ToList();
        return CsvWriter.Write(new ExportTable(
            ["id", "who", "what", "due_written", "due_by", "status", "done_note", "countries", "sectors", "sentence", "document_id", "source", "source_url", "offset_start", "offset_end", "page", "reported_by"],
            rows));
    }

    /// <summary>Commitments with their state as of today (Bangkok), undated ones with none.</summary>
    private List<(CommitmentFact Commitment, DueItem? Due)> Tracked(FactFilter filter)
    {
        var commitments = reader.Commitments(filter);
        var tracker = new CommitmentTracker(reader, clock);
        var states = tracker.States(commitments, tracker.Today, 30).ToDictionary(i => i.Commitment.Id);
        return [.. commitments.Select(c => (c, states.GetValueOrDefault(c.Id)))];
    }

    private static string TableJson(ExportTable table) => StoredFactJson.ToString(w =>
    {
        w.WriteStartArray();
        foreach (var row in table.Rows)
        {
            w.WriteStartObject();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                WriteValue(w, table.Columns[i], row[i]);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }) + "\n";

    private static void WriteValue(Utf8JsonWriter w, string name, object? value)
    {
        switch (value)
        {
            case null:
                w.WriteNull(name);
                break;
            case long l:
                w.WriteNumber(name, l);
                break;
            case int i:
                w.WriteNumber(name, i);
                break;
            case IEnumerable<string> list:
                StoredFactJson.WriteStrings(w, name, list);
                break;
            default:
                w.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }


    private static string[] Sources(string? joined) => (joined ?? string.Empty).Split('\n');

    private static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string[] Names(IReadOnlyList<PartyRef> parties, string side) => [.. parties.Where(p => p.Side == side).Select(p => p.Name)];
}
