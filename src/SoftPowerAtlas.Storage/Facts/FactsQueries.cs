using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Data.Common;

namespace SoftPowerAtlas.Storage.Facts;

/// <summary>
/// The SQL behind <see cref="FactReader"/>, one text for SQLite and PostgreSQL. Filters on country,
/// sector, party and type narrow rows in SQL; dates are compared exactly in C# (a partial or fiscal-year date is a span of days, which
/// text comparison gets wrong), after a coarse year test in SQL.
/// </summary>
[SuppressMessage(
    "Security",
    "CA2100:Review SQL queries for security vulnerabilities",
    Justification = "The SQL is built from constant fragments and numbered @p parameters; every value from input is bound, never spliced.")]
internal sealed partial class FactsQueries(DbTransaction transaction)
{
    private readonly Dictionary<long, DocumentText> _documents = [];

    /// <summary>Engagements passing the filter's SQL part (all of it but the exact date test), in row order.</summary>
    public List<EngagementFact> Engagements(FactFilter filter)
    {
        var where = new SqlWhere();
        AddEngagementConditions(where, filter, withDates: true, withTypes: true);
        return LoadEngagements(where);
    }

    /// <summary>Every stored report of the given engagements (clusters), each engagement's own row among them, in row order.</summary>
    public List<EngagementFact> Reports(IReadOnlyCollection<long> clusters)
    {
        var where = new SqlWhere();
        var list = where.In(clusters);
        where.Add($"(e.id IN ({list}) OR e.id IN (SELECT x.engagement_id FROM engagement_links x WHERE x.cluster_id IN ({list})))");
        return LoadEngagements(where);
    }

    /// <summary>The publication date each document gives (as stored: a day, a month or a year), for those that give one.</summary>
    public Dictionary<long, string> Published(IReadOnlyCollection<long> documents)
    {
        var where = new SqlWhere();
        where.Add($"id IN ({where.In(documents)}) AND published IS NOT NULL");
        var published = new Dictionary<long, string>();
        using var command = Command("SELECT id, published FROM documents WHERE " + where.Sql, where);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            published[reader.GetInt64(0)] = reader.GetString(1);
        }

        return published;
    }

    /// <summary>
    /// The original each of these documents is a version of (issue 25): the document a translation or an edited
    /// copy points to (<c>document_versions</c>), or the one a near duplicate nearly repeats; with its kind.
    /// </summary>
    public Dictionary<long, (long Original, string Kind)> Originals(IReadOnlyCollection<long> documents)
    {
        var where = new SqlWhere();
        var list = where.In(documents);
        var originals = new Dictionary<long, (long, string)>();
        using var command = Command(
            $"""
            SELECT document_id, original_id, kind FROM document_versions WHERE document_id IN ({list})
            UNION ALL SELECT id, near_duplicate_of, 'near_duplicate' FROM documents WHERE id IN ({list}) AND near_duplicate_of IS NOT NULL
            """,
            where);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            originals[reader.GetInt64(0)] = (reader.GetInt64(1), reader.GetString(2));
        }

        return originals;
    }

    /// <summary>The documents linked to these as another version of one release, either way (translations, copies, near duplicates).</summary>
    public List<long> Related(IReadOnlyCollection<long> documents)
    {
        var where = new SqlWhere();
        var list = where.In(documents);
        var related = new List<long>();
        using var command = Command(
            $"""
            SELECT original_id FROM document_versions WHERE document_id IN ({list})
            UNION SELECT document_id FROM document_versions WHERE original_id IN ({list})
            UNION SELECT near_duplicate_of FROM documents WHERE id IN ({list}) AND near_duplicate_of IS NOT NULL
            UNION SELECT id FROM documents WHERE near_duplicate_of IN ({list})
            """,
            where);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            related.Add(reader.GetInt64(0));
        }

        return related;
    }

    /// <summary>Commitments whose document could match the filter, with their context attached; the caller tests them exactly.</summary>
    public List<CommitmentFact> Commitments(FactFilter filter)
    {
        var where = CommitmentWhere(filter);
        var rows = new List<(long Id, long Doc, int Ordinal, string What, string? Who, string? Due, int Start, int End, string? Key)>();
        using (var command = Command("SELECT c.id, c.document_id, c.ordinal, c.what, c.who, c.due, c.start, c.\"end\", c.fact_key FROM commitments c WHERE " + where.Sql + " ORDER BY c.document_id, c.ordinal", where))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetString(3), reader.GetNullableString(4), reader.GetNullableString(5), reader.GetInt32(6), reader.GetInt32(7), reader.GetNullableString(8)));
            }
        }

        if (rows.Count == 0)
        {
            return [];
        }

        // Context: every engagement of those documents, unfiltered.
        var context = new SqlWhere(where);
        context.Add("e.document_id IN (SELECT c.document_id FROM commitments c WHERE " + where.Sql + ")");
        var byDoc = LoadEngagements(context).ToLookup(e => e.Source.DocumentId);

        var result = new List<CommitmentFact>(rows.Count);
        var seen = new Dictionary<(long, string, string?), int>();
        foreach (var r in rows)
        {
            var doc = Document(r.Doc);
            var sentence = doc.Slice(r.Start, r.End);
            var normalized = CommitmentKey.Normalize(sentence);
            var occurrence = seen.TryGetValue((r.Doc, normalized, r.Due), out var n) ? n + 1 : 0;
            seen[(r.Doc, normalized, r.Due)] = occurrence;

            var engagements = byDoc[r.Doc].ToList();
            var overlapping = engagements.Where(e => e.Source.Start < r.End && e.Source.End > r.Start).ToList();
            var around = overlapping.Count > 0 ? overlapping : engagements;
            var due = r.Due is null ? null : FactDate.Parse(r.Due) is { Error: null } d ? d.Value : (FactDate?)null;
            result.Add(new CommitmentFact(
                r.Id,
                r.Key ?? CommitmentKey.Compute(doc.ContentHash, sentence, r.Due, occurrence), // stored keys survive a corrected due date
                r.What,
                r.Who,
                r.Due,
                due,
                [.. around.SelectMany(e => e.Parties).DistinctBy(p => p.Key)],
                [.. around.SelectMany(e => e.Countries).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                [.. around.SelectMany(e => e.Sectors).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                sentence,
                doc.Source(r.Start, r.End)));
        }

        return result;
    }

    /// <summary>The SQL part of a commitment filter: documents that could match (the exact test is the caller's).</summary>
    private static SqlWhere CommitmentWhere(FactFilter filter)
    {
        var where = new SqlWhere();
        if (filter.HasDates)
        {
            where.Add("c.due IS NOT NULL");
        }

        if (filter.Documents.Count > 0)
        {
            where.Add($"c.document_id IN ({where.In(filter.Documents)})");
        }

        if (filter.Countries.Count > 0 || filter.Sectors.Count > 0 || filter.Entities.Count > 0)
        {
            var inner = new SqlWhere(where);
            AddEngagementConditions(inner, filter, withDates: false, withTypes: false);
            var byDocument = "c.document_id IN (SELECT e.document_id FROM engagements e WHERE " + inner.Sql + ")";
            if (filter.Entities.Count > 0 && filter.Countries.Count == 0 && filter.Sectors.Count == 0)
            {
                var keys = where.In(filter.Entities);
                byDocument = $"({byDocument} OR c.who IN (SELECT a.alias FROM entity_aliases a JOIN entities n ON n.id = a.entity_id WHERE n.key IN ({keys}))"
                    + $" OR c.who IN (SELECT n.name FROM entities n WHERE n.key IN ({keys})))";
            }

            where.Add(byDocument);
        }

        return where;
    }

    /// <summary>Every alias and the name of the entities with these keys, for matching a commitment's "who".</summary>
    public HashSet<string> NamesOf(IReadOnlyList<string> keys)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return names;
        }

        var where = new SqlWhere();
        var list = where.In(keys);
        using var command = Command($"SELECT n.name FROM entities n WHERE n.key IN ({list}) UNION SELECT a.alias FROM entity_aliases a JOIN entities n ON n.id = a.entity_id WHERE n.key IN ({list})", where);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    public DbCommand Command(string sql, SqlWhere? parameters = null) =>
        transaction.Command(sql, [.. (parameters?.Parameters ?? []).Select(p => (p.Name, (object?)p.Value))]);

    private static void AddEngagementConditions(SqlWhere where, FactFilter filter, bool withDates, bool withTypes)
    {
        if (filter.Documents.Count > 0)
        {
            where.Add($"e.document_id IN ({where.In(filter.Documents)})");
        }

        var types = filter.Types.Where(t => t != FactTypes.Commitment).ToList();
        if (withTypes && types.Count > 0)
        {
            where.Add($"e.type IN ({where.In(types)})");
        }

        if (filter.Countries.Count > 0)
        {
            where.Add($"e.id IN (SELECT x.engagement_id FROM engagement_countries x WHERE x.country IN ({where.In(filter.Countries)}))");
        }

        if (filter.Sectors.Count > 0)
        {
            where.Add($"e.id IN (SELECT x.engagement_id FROM engagement_sectors x WHERE x.sector IN ({where.In(filter.Sectors)}))");
        }

        if (filter.Entities.Count > 0)
        {
            where.Add($"e.id IN (SELECT p.engagement_id FROM engagement_parties p JOIN entities n ON n.id = p.entity_id WHERE n.key IN ({where.In(filter.Entities)}))");
        }

        if (withDates && filter.HasDates)
        {
            // Coarse: the year of the first day and of the last; FactDate.Overlaps decides exactly.
            where.Add("e.date IS NOT NULL");
            if (filter.From is { } from)
            {
                where.Add($"substr(coalesce(e.end_date, e.date), 1, 4) >= {where.Value(from.Year.ToString("D4", CultureInfo.InvariantCulture))}");
            }

            if (filter.To is { } to)
            {
                where.Add($"substr(e.date, 1, 4) <= {where.Value(to.Year.ToString("D4", CultureInfo.InvariantCulture))}");
            }
        }
    }

    private List<EngagementFact> LoadEngagements(SqlWhere where)
    {
        var rows = new List<(long Id, long Doc, string Type, string? Date, string? End, string? Place, int Start, int EndOffset, string? Key, long Cluster)>();
        using (var command = Command(
            "SELECT e.id, e.document_id, e.type, e.date, e.end_date, e.place, e.evidence_start, e.evidence_end, e.fact_key, coalesce(l.cluster_id, e.id) FROM engagements e LEFT JOIN engagement_links l ON l.engagement_id = e.id WHERE "
                + where.Sql + " ORDER BY e.id",
            where))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetNullableString(3), reader.GetNullableString(4), reader.GetNullableString(5), reader.GetInt32(6), reader.GetInt32(7), reader.GetNullableString(8), reader.GetInt64(9)));
            }
        }

        if (rows.Count == 0)
        {
            return [];
        }

        var ids = "SELECT e.id FROM engagements e WHERE " + where.Sql;
        var parties = Group(
            "SELECT p.engagement_id, n.key, n.name, p.side, n.country FROM engagement_parties p JOIN entities n ON n.id = p.entity_id WHERE p.engagement_id IN (" + ids + ") ORDER BY p.engagement_id, p.side DESC, n.name",
            where,
            r => new PartyRef(r.GetString(1), r.GetString(2), r.GetString(3), r.GetNullableString(4)));
        var countries = Group("SELECT engagement_id, country FROM engagement_countries WHERE engagement_id IN (" + ids + ") ORDER BY engagement_id, country", where, r => r.GetString(1));
        var sectors = Group("SELECT engagement_id, sector FROM engagement_sectors WHERE engagement_id IN (" + ids + ") ORDER BY engagement_id, sector", where, r => r.GetString(1));

        var result = new List<EngagementFact>(rows.Count);
        foreach (var r in rows)
        {
            var doc = Document(r.Doc);
            result.Add(new EngagementFact(
                r.Id,
                r.Type,
                FactDate.FromColumns(r.Date, r.End),
                r.Place,
                parties.TryGetValue(r.Id, out var p) ? p : [],
                countries.TryGetValue(r.Id, out var c) ? c : [],
                sectors.TryGetValue(r.Id, out var s) ? s : [],
                doc.Slice(r.Start, r.EndOffset),
                doc.Source(r.Start, r.EndOffset)) { Key = r.Key ?? string.Empty, Cluster = r.Cluster });
        }

        return result;
    }

    private Dictionary<long, List<T>> Group<T>(string sql, SqlWhere where, Func<DbDataReader, T> map)
    {
        var groups = new Dictionary<long, List<T>>();
        using var command = Command(sql, where);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            if (!groups.TryGetValue(id, out var list))
            {
                groups[id] = list = [];
            }

            list.Add(map(reader));
        }

        return groups;
    }

    private DocumentText Document(long id)
    {
        if (_documents.TryGetValue(id, out var doc))
        {
            return doc;
        }

        using var command = transaction.Command(
            "SELECT d.source, d.source_url, d.title, d.content_hash, d.original_text, d.format, d.original_packed, f.page_starts FROM documents d LEFT JOIN document_files f ON f.document_id = d.id WHERE d.id = @id",
            ("@id", id));
        using var reader = command.ExecuteReader();
        doc = reader.Read()
            ? new DocumentText(id, reader.GetString(0), reader.GetNullableString(1), reader.GetNullableString(2), reader.GetString(3), PackedText.Read(reader, 6, 4) ?? string.Empty, reader.GetString(5) == "html")
            {
                PageStarts = reader.GetNullableString(7) is { } starts ? Files.DocumentFiles.ParseStarts(starts) : null,
            }
            : new DocumentText(id, "(missing)", null, null, string.Empty, string.Empty, false);
        _documents[id] = doc;
        return doc;
    }


    /// <summary>A document's source and original text, read once per query; its page starts when it was read from a file with pages.</summary>
    private sealed record DocumentText(long Id, string Path, string? Url, string? Title, string ContentHash, string Text, bool IsHtml)
    {
        public IReadOnlyList<int>? PageStarts { get; init; }

        /// <summary>
        /// The passage at [start, end) as a reader sees it: in an HTML page, without tags and with
        /// entities decoded (the offsets still point into the page as stored). Clamped to the text:
        /// stored offsets always fit, but a damaged row should not crash a report.
        /// </summary>
        public string Slice(int start, int end) => Curation.FactKeys.Passage(Text, IsHtml, start, end);

        public SourceRef Source(int start, int end) => new(Id, Path, Url, Title, start, end)
        {
            ContentHash = ContentHash,
            Page = PageStarts is null ? null : Analysis.Formats.PagedText.PageAt(PageStarts, start),
        };
    }
}

/// <summary>AND-ed SQL conditions with numbered parameters; nested conditions share the numbering.</summary>
internal sealed class SqlWhere
{
    private readonly List<string> _conditions = [];
    private readonly List<(string Name, object Value)> _parameters;

    public SqlWhere()
    {
        _parameters = [];
    }

    /// <summary>Conditions of their own that bind into <paramref name="shared"/>'s parameters.</summary>
    public SqlWhere(SqlWhere shared)
    {
        _parameters = shared._parameters;
    }

    public IReadOnlyList<(string Name, object Value)> Parameters => _parameters;

    public string Sql => _conditions.Count == 0 ? "1 = 1" : string.Join(" AND ", _conditions);

    public void Add(string condition) => _conditions.Add(condition);

    /// <summary>Binds one value and returns its placeholder.</summary>
    public string Value(object value)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"@p{_parameters.Count}");
        _parameters.Add((name, value));
        return name;
    }

    /// <summary>Binds a list of ids and returns "@p1, @p2, ...".</summary>
    public string In(IEnumerable<long> values)
    {
        var names = values.Select(v => Value(v)).ToList();
        return names.Count == 0 ? "NULL" : string.Join(", ", names);
    }

    /// <summary>Binds a list and returns "@p1, @p2, ...".</summary>
    public string In(IEnumerable<string> values)
    {
        var b = new StringBuilder();
        foreach (var v in values)
        {
            b.Append(b.Length == 0 ? string.Empty : ", ").Append(Value(v));
        }

        return b.Length == 0 ? "NULL" : b.ToString();
    }
}
