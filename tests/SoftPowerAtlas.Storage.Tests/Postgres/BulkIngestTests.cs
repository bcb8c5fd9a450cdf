using System.Globalization;
using Npgsql;
using SoftPowerAtlas.Analysis.Facts;
using SoftPowerAtlas.Storage.Postgres;

namespace SoftPowerAtlas.Storage.Tests.Postgres;

/// <summary>
/// The PostgreSQL bulk path (<c>IngestAll</c>, issue 20): a batch is stored whole or not at all, two
/// writers with overlapping batches store each text once, and the rows it writes are those the
/// per-row path writes.
/// </summary>
public sealed class BulkIngestTests : IDisposable
{
    private readonly PostgresStoreFixture _fixture = new();
    private readonly IAtlasStore _store;

    public BulkIngestTests() => _store = _fixture.Open(new FixedClock());

    public static TheoryData<string> Faults => new()
    {
        "title",      // a NUL in a document's title (PostgreSQL stores none): fails while the batch holds the claim lock
        "commitment", // a NUL in a commitment's body: fails in the last statement, after every other table
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void IngestAll_OneRowFails_NothingOfTheBatchStoredAndNoLockLeft(string fault)
    {
        var good = Distinct(3);
        var bad = fault == "title"
            ? good[2] with { Title = "เทศกาล\0อาหารไทย" }
            : good[2] with { Facts = Samples.Facts() with { Commitments = [new ExtractedCommitment { What = "จัดงาน", Who = "กระทรวง\0วัฒนธรรม", Text = "จะจัดงานอีกครั้ง", Start = 40, End = 90 }] } };

        using (var batch = _store.BeginBatch())
        {
            Assert.Throws<StoreException>(() => batch.IngestAll([good[0], good[1], bad]));
        }

        foreach (var table in new[] { "documents", "document_sources", "document_bands", "entities", "entity_aliases", "mentions", "engagements", "commitments", "document_search", "document_facets" })
        {
            Assert.Equal(0, _fixture.Scalar($"SELECT count(*) FROM {table}"));
        }

        Assert.Equal(0, _fixture.Scalar("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"));
        using (var again = _store.BeginBatch())
        {
            Assert.Equal([IngestStatus.Added, IngestStatus.Added, IngestStatus.Added], again.IngestAll(good).Select(o => o.Status));
            again.Commit();
        }

        Assert.Equal(3, _fixture.Scalar("SELECT count(*) FROM documents"));
        Assert.Equal(1, _fixture.Scalar($"SELECT count(*) FROM commitments WHERE document_id = (SELECT id FROM documents WHERE source = '{good[2].Source}')"));
    }

    [Fact]
    public async Task IngestAll_TwoWritersOverlappingBatches_EachTextStoredOnce()
    {
        var docs = Distinct(5);
        using var second = PostgresAtlasStore.Open(_fixture.ConnectionString, TestText.Shared, new FixedClock());
        using var a = _store.BeginBatch();
        var first = a.IngestAll([docs[0], docs[1], docs[2]]);

        // The second writer sees none of the first's texts (not committed); its insert waits for them.
        var copies = new[] { docs[1] with { Source = "mirror/2.html" }, docs[3], docs[2] with { Source = "mirror/3.html" }, docs[4] };
        var b = second.BeginBatch();
        var late = Task.Run(() => b.IngestAll(copies));
        await Task.Delay(700);
        Assert.False(late.IsCompleted);
        a.Commit();
        var outcomes = await late;
        b.Commit();
        b.Dispose();

        Assert.Equal([IngestStatus.ExactDuplicate, IngestStatus.Added, IngestStatus.ExactDuplicate, IngestStatus.Added], outcomes.Select(o => o.Status));
        Assert.Equal(first[1].DocumentId, outcomes[0].DocumentId);
        Assert.Equal(first[2].DocumentId, outcomes[2].DocumentId);
        Assert.Equal(5, _fixture.Scalar("SELECT count(*) FROM documents"));
        Assert.Equal(5, _fixture.Scalar("SELECT count(DISTINCT content_hash) FROM documents"));
        Assert.Equal(7, _fixture.Scalar("SELECT count(*) FROM document_sources"));
        Assert.Equal(5, _fixture.Scalar("SELECT count(*) FROM engagements")); // one each: the skipped texts' facts are not written twice
        Assert.Equal(5, _fixture.Scalar("SELECT count(*) FROM document_search"));
    }

    [Fact]
    public void IngestAll_SameTextTwiceInOneBatch_StoredOnceBothSourcesKept()
    {
        var doc = Distinct(1)[0];
        IReadOnlyList<IngestOutcome> outcomes;
        using (var batch = _store.BeginBatch())
        {
            outcomes = batch.IngestAll([doc, doc with { Source = "copy/of/it.md" }, doc]);
            batch.Commit();
        }

        Assert.Equal([IngestStatus.Added, IngestStatus.ExactDuplicate, IngestStatus.AlreadyStored], outcomes.Select(o => o.Status));
        Assert.All(outcomes, o => Assert.Equal(outcomes[0].DocumentId, o.DocumentId));
        Assert.Equal(1, _fixture.Scalar("SELECT count(*) FROM documents"));
        Assert.Equal(2, _fixture.Scalar("SELECT count(*) FROM document_sources"));
    }

    [Fact]
    public void IngestAll_SameDocumentsAsRowByRow_SameRows()
    {
        var docs = Distinct(3).Select((d, i) => d with { Facts = Samples.Facts(i == 1 ? "CEA" : "สศส.") }).ToList();
        docs.Add(docs[0] with { Source = "again/1.md" });
        docs.Add(Samples.Document(Samples.EnglishRelease, "en/release.md", "en") with { Facts = Samples.Facts(), Title = "Ministry's \"Café\" week: C:\\films Ünder Jérémy's Ōsaka" });
        docs.Add(Samples.Document(Samples.EnglishRelease.Replace("June", "July", StringComparison.Ordinal), "en/edited.md", "en"));
        using var rowFixture = new PostgresStoreFixture();
        using var rowStore = rowFixture.Open(new FixedClock());

        IReadOnlyList<IngestOutcome> bulk;
        using (var batch = _store.BeginBatch())
        {
            bulk = batch.IngestAll(docs);
            batch.Commit();
        }

        List<IngestOutcome> rows;
        using (var batch = rowStore.BeginBatch())
        {
            rows = [.. docs.Select(batch.Ingest)];
            batch.Commit();
        }

        Assert.Equal(rows, bulk);
        Assert.Equal(IngestStatus.AddedNearDuplicate, bulk[^1].Status);
        foreach (var sql in Canonical)
        {
            Assert.Equal(Dump(rowFixture, sql), Dump(_fixture, sql));
        }
    }

    public void Dispose()
    {
        _store.Dispose();
        _fixture.Dispose();
    }

    /// <summary>Each table as text, by keys rather than row ids where ids may differ.</summary>
    private static readonly string[] Canonical =
    [
        "SELECT id, source, format, title, language, content_hash, sim_hash, near_duplicate_of, ingested_at, search_title, md5(original_packed), md5(clean_packed), md5(facts_packed) FROM documents ORDER BY id",
        "SELECT document_id, band, value FROM document_bands ORDER BY 1, 2",
        "SELECT document_id, source, added_at FROM document_sources ORDER BY 1, 2",
        "SELECT key, name, country, kind FROM entities ORDER BY key",
        "SELECT e.key, a.alias FROM entity_aliases a JOIN entities e ON e.id = a.entity_id ORDER BY 1, 2",
        "SELECT m.document_id, e.key, m.start, m.\"end\" FROM mentions m JOIN entities e ON e.id = m.entity_id ORDER BY 1, 2, 3",
        "SELECT r.document_id, p.key, r.role, o.key, r.start, r.\"end\" FROM person_roles r JOIN entities p ON p.id = r.person_id LEFT JOIN entities o ON o.id = r.organization_id ORDER BY 1, 2, 5",
        "SELECT document_id, ordinal, type, date, end_date, place, evidence_start, evidence_end, fact_key FROM engagements ORDER BY 1, 2",
        "SELECT g.document_id, g.ordinal, e.key, p.side FROM engagement_parties p JOIN engagements g ON g.id = p.engagement_id JOIN entities e ON e.id = p.entity_id ORDER BY 1, 2, 3",
        "SELECT g.document_id, g.ordinal, c.country FROM engagement_countries c JOIN engagements g ON g.id = c.engagement_id ORDER BY 1, 2, 3",
        "SELECT g.document_id, g.ordinal, s.sector FROM engagement_sectors s JOIN engagements g ON g.id = s.engagement_id ORDER BY 1, 2, 3",
        "SELECT document_id, ordinal, what, who, due, start, \"end\", fact_key FROM commitments ORDER BY 1, 2",
        "SELECT facet, value, document_id FROM document_facets ORDER BY 1, 2, 3",
        "SELECT document_id, date, from_engagement FROM search_dates ORDER BY 1",
        "SELECT document_id, vector::text FROM document_search ORDER BY 1",
    ];

    [Fact]
    public void IngestAll_ThreeReportsOfOneEngagement_OneClusterUnderTheFirst()
    {
        using (var batch = _store.BeginBatch())
        {
            batch.IngestAll(Distinct(3)); // the same festival, day, partners and country in each
            batch.Commit();
        }

        Assert.Equal(3, _fixture.Scalar("SELECT count(*) FROM engagement_links WHERE cluster_id = (SELECT min(id) FROM engagements)"));
    }

    private static string Dump(PostgresStoreFixture fixture, string sql)
    {
        using var connection = new NpgsqlConnection(fixture.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return sql + "\n" + string.Join('\n', lines);
    }

    /// <summary>Documents far apart in SimHash (no band shared), so none is a near duplicate of another.</summary>
    private static List<NewDocument> Distinct(int count) =>
    [
        .. Enumerable.Range(1, count).Select(i =>
        {
            var band = (ulong)(i * 4099);
            return Samples.WithSimHash(band | (band << 16) | (band << 32) | (band << 48), string.Create(CultureInfo.InvariantCulture, $"feeds/moc/{i}.html"))
                with { Facts = Samples.Facts() };
        }),
    ];
}
