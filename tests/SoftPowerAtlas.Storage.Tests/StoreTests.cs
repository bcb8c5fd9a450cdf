using SoftPowerAtlas.Analysis.Facts;

namespace SoftPowerAtlas.Storage.Tests;

/// <summary>
/// Behaviour every <see cref="IAtlasStore"/> must have, written once and run per provider by a
/// sealed subclass (as Dapper runs one suite on every database). Each test gets a fresh store.
/// </summary>
public abstract class StoreTests<TFixture> : IDisposable
    where TFixture : StoreFixture, new()
{
    private const string OtherSource = "https://www.m-culture.go.th/th/news/12345";

    private readonly List<IAtlasStore> _opened = [];

    protected StoreTests()
    {
        Fixture = new TFixture();
        Store = Reopen();
    }

    protected TFixture Fixture { get; }

    protected FixedClock Clock { get; } = new();

    protected IAtlasStore Store { get; }

    [Fact]
    public void Add_ThaiDocument_RoundTripsEveryFieldExactly()
    {
        // The file as decoded: BOM, CRLF, a zero-width space and joiner, decomposed sara am
        // (นํ้า: U+0E4D U+0E49 U+0E32), a Thai digit date, an emoji outside the BMP (a surrogate pair).
        const string original =
            "\uFEFF---\r\ntitle: เทศกาลอาหารไทย ณ กรุงปารีส\r\n---\r\n" +
            "กระทรวง\u200Bวัฒนธรรม จัดงาน\u200D \"นํ้าพริก\" วันที่ ๒๘ มิถุนายน ๒๕๖๗ 🇹🇭🍜 ที่มา : m-culture.go.th\r\n";
        var wordAt = original.IndexOf("นํ้าพริก", StringComparison.Ordinal);
        var emojiAt = original.IndexOf("🍜", StringComparison.Ordinal);
        var document = Samples.Document(Samples.ThaiSegmented) with
        {
            OriginalText = original,
            Title = "เทศกาลอาหารไทย ณ กรุงปารีส",
            SourceUrl = "https://www.m-culture.go.th/th/news/12345",
            Byline = "กองการต่างประเทศ",
            PublishedAsWritten = "๒๘ มิถุนายน ๒๕๖๗",
            Published = "2024-06-28",
            Encoding = "windows-874",
            NearDuplicateOf = null,
            Facts = Samples.Facts(),
            SimHash = 0xF00D_CAFE_0000_0001, // high bit set: stored signed, must come back unsigned
        };

        var id = AddAndCommit(document);
        var stored = Store.GetDocument(id);

        Assert.NotNull(stored);
        Assert.Equal(original, stored.OriginalText, StringComparer.Ordinal);
        Assert.Equal(original.Length, stored.OriginalText.Length);
        Assert.Equal("นํ้าพริก", stored.OriginalText.Substring(wordAt, "นํ้าพริก".Length));
        Assert.Equal("🍜", stored.OriginalText.Substring(emojiAt, 2));
        Assert.Equal(
            new StoredDocument
            {
                Id = id,
                Source = document.Source,
                Sources = stored.Sources,
                Format = "markdown",
                Title = document.Title,
                SourceUrl = document.SourceUrl,
                Byline = document.Byline,
                PublishedAsWritten = document.PublishedAsWritten,
                Published = "2024-06-28",
                Language = "th",
                Encoding = "windows-874",
                OriginalText = original,
                CleanText = Samples.ThaiSegmented,
                SegmentedText = Samples.ThaiSegmented,
                ContentHash = document.ContentHash,
                SimHash = 0xF00D_CAFE_0000_0001,
                NearDuplicateOf = null,
                IngestedAt = FixedClock.Start,
                FactsJson = FactsJson.WriteCompact(Samples.Facts()), // written from the model, byte for byte, without the indentation extract --json prints
            },
            stored);
        Assert.Equal([document.Source], stored.Sources);
        Assert.Equal(TimeSpan.Zero, stored.IngestedAt.Offset);
    }

    [Fact]
    public void Add_OptionalFieldsMissing_ComeBackNull()
    {
        var id = AddAndCommit(Samples.Document(Samples.EnglishRelease, "samples/en.txt", "en"));

        var stored = Store.GetDocument(id)!;

        Assert.Null(stored.Title);
        Assert.Null(stored.SourceUrl);
        Assert.Null(stored.Byline);
        Assert.Null(stored.PublishedAsWritten);
        Assert.Null(stored.Published);
        Assert.Null(stored.NearDuplicateOf);
        Assert.Null(stored.FactsJson);
        Assert.Equal("en", stored.Language);
    }

    [Fact]
    public void GetDocument_UnknownId_Null()
    {
        AddAndCommit(Samples.Numbered(1));
        Assert.Null(Store.GetDocument(999));
    }

    [Fact]
    public void FindExact_StoredText_FoundInLaterBatch()
    {
        var document = Samples.Document(Samples.ThaiSegmented);
        var id = AddAndCommit(document);

        using var batch = Store.BeginBatch();
        var match = batch.FindExact(document.ContentHash);

        Assert.Equal(new DocumentMatch(id, document.Source, document.SimHash, 0), match);
        Assert.Null(batch.FindExact(Samples.Numbered(7).ContentHash));
    }

    [Fact]
    public void FindExact_AddedEarlierInSameBatch_Found()
    {
        using var batch = Store.BeginBatch();
        var document = Samples.Numbered(1);
        var id = batch.Add(document);

        Assert.Equal(id, batch.FindExact(document.ContentHash)?.DocumentId);
    }

    [Theory]
    [InlineData(0x0000_0000_0000_0000UL, 0)] // identical
    [InlineData(0x0000_0000_0001_0000UL, 1)] // one bit, band 1
    [InlineData(0x0001_0001_0001_0000UL, 3)] // one bit in each of bands 1-3: only band 0 agrees
    [InlineData(0x8000_0000_8000_0001UL, 3)] // bits 0, 31, 63: only band 2 agrees; the sign bit differs
    [InlineData(0x0000_0000_0000_0007UL, 3)] // three bits in one band
    public void FindNear_WithinThreeBits_FoundThroughBands(ulong flip, int distance)
    {
        const ulong stored = 0xA5A5_1234_FFFF_0F0FUL;
        var id = AddAndCommit(Samples.WithSimHash(stored, "a.html"));

        using var batch = Store.BeginBatch();
        var match = batch.FindNear(stored ^ flip);

        Assert.NotNull(match);
        Assert.Equal(id, match.DocumentId);
        Assert.Equal(distance, match.Distance);
        Assert.Equal(stored, match.SimHash);
    }

    [Theory]
    [InlineData(0x0001_0001_0001_0001UL)] // one bit per band: no band agrees
    [InlineData(0x0000_0000_0000_000FUL)] // four bits in one band: three bands agree, distance decides
    [InlineData(0xFFFF_FFFF_FFFF_FFFFUL)]
    public void FindNear_FourOrMoreBits_NotFound(ulong flip)
    {
        const ulong stored = 0xA5A5_1234_FFFF_0F0FUL;
        AddAndCommit(Samples.WithSimHash(stored, "a.html"));

        using var batch = Store.BeginBatch();

        Assert.Null(batch.FindNear(stored ^ flip));
    }

    [Fact]
    public void FindNear_SeveralCandidates_NearestWins()
    {
        const ulong query = 0x1111_2222_3333_4444UL;
        using (var batch = Store.BeginBatch())
        {
            batch.Add(Samples.WithSimHash(query ^ 0b111, "three-bits.html"));
            batch.Add(Samples.WithSimHash(query ^ 0b1, "one-bit.html"));
            batch.Add(Samples.WithSimHash(query ^ 0b11, "two-bits.html"));
            batch.Commit();
        }

        using var lookup = Store.BeginBatch();
        var match = lookup.FindNear(query);

        Assert.Equal(("one-bit.html", 1), (match?.Source, match?.Distance));
    }

    [Fact]
    public void Ingest_ReleaseRepublishedWithCorrectedMonth_LinkedAsNearDuplicate()
    {
        var first = Samples.Document(Samples.EnglishRelease, "feeds/mfa/2023-01-11.html", "en");
        var corrected = Samples.Document(Samples.EnglishRelease.Replace("June", "July", StringComparison.Ordinal), "feeds/moc/2023-01-12.html", "en");
        var unrelated = Samples.Document(Samples.ThaiSegmented, "samples/th.md");

        using var batch = Store.BeginBatch();
        var a = batch.Ingest(first);
        var b = batch.Ingest(corrected);
        var c = batch.Ingest(unrelated);
        batch.Commit();

        Assert.Equal(IngestStatus.Added, a.Status);
        Assert.Equal(IngestStatus.AddedNearDuplicate, b.Status);
        Assert.Equal(a.DocumentId, b.Match?.DocumentId);
        Assert.Equal(IngestStatus.Added, c.Status);
        Assert.Equal(a.DocumentId, Store.GetDocument(b.DocumentId)?.NearDuplicateOf);
        Assert.Equal(new StoreStats(3, 1, 0, Store.GetStats().SchemaVersion), Store.GetStats());
    }

    [Fact]
    public void Ingest_SameTextFromAnotherSource_RecordsSourceOnce()
    {
        var document = Samples.Document(Samples.ThaiSegmented, "samples/th_food_festival_paris.md");

        using var batch = Store.BeginBatch();
        var first = batch.Ingest(document);
        Clock.Advance(TimeSpan.FromMinutes(5));
        var again = batch.Ingest(document with { Source = OtherSource });
        var repeat = batch.Ingest(document with { Source = OtherSource });
        batch.Commit();

        Assert.Equal(IngestStatus.Added, first.Status);
        Assert.Equal((IngestStatus.ExactDuplicate, first.DocumentId), (again.Status, again.DocumentId));
        Assert.Equal((IngestStatus.AlreadyStored, first.DocumentId), (repeat.Status, repeat.DocumentId));
        var stored = Store.FindBySource(OtherSource);
        Assert.Equal(first.DocumentId, stored?.Id);
        Assert.Equal(["samples/th_food_festival_paris.md", OtherSource], stored?.Sources);
        Assert.Equal("samples/th_food_festival_paris.md", stored?.Source);
        Assert.Equal(FixedClock.Start, stored?.IngestedAt);
        Assert.Equal(1, Store.GetStats().ExtraSources);
    }

    [Fact]
    public void FindBySource_SourceReingestedWithNewText_ReturnsLatest()
    {
        using var batch = Store.BeginBatch();
        batch.Ingest(Samples.Document(Samples.ThaiSegmented, "samples/edited.txt"));
        var edited = batch.Ingest(Samples.Document(Samples.ThaiSegmented + " แก้ไข ล่าสุด", "samples/edited.txt"));
        batch.Commit();

        Assert.Equal(edited.DocumentId, Store.FindBySource("samples/edited.txt")?.Id);
        Assert.Null(Store.FindBySource("samples/never.txt"));
    }

    [Fact]
    public void Add_SameContentHashTwice_ThrowsStoreException()
    {
        var document = Samples.Numbered(1);
        using var batch = Store.BeginBatch();
        batch.Add(document);

        var error = Assert.Throws<StoreException>(() => batch.Add(document with { Source = OtherSource }));
        Assert.Contains(document.ContentHash, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_NearDuplicateOfMissingDocument_ThrowsStoreException()
    {
        using var batch = Store.BeginBatch();
        Assert.Throws<StoreException>(() => batch.Add(Samples.Numbered(1) with { NearDuplicateOf = 42 }));
    }

    [Fact]
    public void Dispose_WithoutCommit_RollsBackEverything()
    {
        var kept = AddAndCommit(Samples.Numbered(0));
        long dropped;
        var document = Samples.Numbered(1);
        using (var batch = Store.BeginBatch())
        {
            dropped = batch.Add(document);
            batch.AddSource(kept, OtherSource);
        }

        Assert.Null(Store.GetDocument(dropped));
        Assert.Null(Store.FindBySource(document.Source));
        Assert.Null(Store.FindBySource(OtherSource));
        Assert.Equal((1L, 0L), (Store.GetStats().Documents, Store.GetStats().ExtraSources));
        using var next = Store.BeginBatch();
        Assert.Null(next.FindExact(document.ContentHash));
        Assert.Null(next.FindNear(document.SimHash ^ 0xFFFF_FFFF_FFFF_FFFF)); // bands gone too
    }

    [Fact]
    public void BeginBatch_Uncommitted_InvisibleToReaders()
    {
        using var batch = Store.BeginBatch();
        var id = batch.Add(Samples.Numbered(1));

        Assert.Null(Store.GetDocument(id));
        Assert.Equal(0, Store.GetStats().Documents);

        batch.Commit();
        Assert.NotNull(Store.GetDocument(id));
    }

    [Fact]
    public void Commit_ThenUse_ThrowsObjectDisposed()
    {
        using var batch = Store.BeginBatch();
        batch.Add(Samples.Numbered(1));
        batch.Commit();

        Assert.Throws<ObjectDisposedException>(batch.Commit);
        Assert.Throws<ObjectDisposedException>(() => batch.Add(Samples.Numbered(2)));
    }

    [Fact]
    public void Add_ThousandDocumentsInOneBatch_AllStoredAndPaged()
    {
        var ids = new List<long>();
        using (var batch = Store.BeginBatch())
        {
            for (var i = 0; i < 1000; i++)
            {
                ids.Add(batch.Add(Samples.Numbered(i)));
            }

            batch.Commit();
        }

        Assert.Equal(1000, ids.Distinct().Count());
        Assert.Equal(new StoreStats(1000, 0, 0, Store.GetStats().SchemaVersion), Store.GetStats());
        var page = Store.ListDocuments(limit: 100, offset: 900);
        Assert.Equal(ids.Skip(900), page.Select(d => d.Id));
        Assert.Equal("feeds/moc/900.html", page[0].Source);
        Assert.Equal(["feeds/moc/999.html"], page[^1].Sources);
        Assert.Empty(Store.ListDocuments(limit: 10, offset: 1000));
    }

    [Fact]
    public void Open_Again_SeesCommittedDocuments()
    {
        var id = AddAndCommit(Samples.Document(Samples.ThaiSegmented));
        var before = Store.GetDocument(id);

        var reopened = Reopen();
        var after = reopened.GetDocument(id);

        Assert.NotNull(before);
        Assert.NotNull(after);
        Assert.Equal(before.Sources, after.Sources);
        Assert.Equal(before, after with { Sources = before.Sources }); // lists compare by reference in records
        Assert.Equal(1, reopened.GetStats().Documents);
    }

    [Fact]
    public void Add_WithFacts_WritesEntitiesMentionsEngagementsAndCommitments()
    {
        var id = AddAndCommit(Samples.Document(Samples.ThaiSegmented) with { Facts = Samples.Facts() });

        Assert.Equal(3, Fixture.Scalar("SELECT count(*) FROM entities"));
        Assert.Equal(1, Fixture.Scalar($"SELECT count(*) FROM engagements WHERE document_id = {id} AND type = 'forum_or_exhibition' AND date = '2024-06-28' AND end_date = '2024-06-30'"));
        Assert.Equal(2, Fixture.Scalar("SELECT count(*) FROM engagement_parties WHERE side = 'thai'"));
        Assert.Equal(1, Fixture.Scalar("SELECT count(*) FROM engagement_countries WHERE country = 'FR'"));
        Assert.Equal(1, Fixture.Scalar("SELECT count(*) FROM engagement_sectors WHERE sector = 'food'"));
        Assert.Equal(1, Fixture.Scalar("SELECT count(*) FROM entity_aliases a JOIN entities e ON e.id = a.entity_id WHERE e.key = 'agency:cea' AND a.alias = 'สศส.'"));
        Assert.Equal(8, Fixture.Scalar("SELECT min(m.start) FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE e.key = 'agency:cea'"));
        Assert.Equal(1, Fixture.Scalar("""SELECT count(*) FROM commitments WHERE due = 'FY2025' AND start = 40 AND "end" = 90"""));
    }

    [Fact]
    public void Add_SameEntityInTwoDocuments_OneEntityGainingAliases()
    {
        using (var batch = Store.BeginBatch())
        {
            batch.Add(Samples.Document(Samples.ThaiSegmented) with { Facts = Samples.Facts() });
            batch.Add(Samples.Document(Samples.EnglishRelease, "samples/en.txt", "en") with
            {
                Facts = Samples.Facts(cea: "CEA"),
            });
            batch.Commit();
        }

        Assert.Equal(3, Fixture.Scalar("SELECT count(*) FROM entities"));
        Assert.Equal(2, Fixture.Scalar("SELECT count(DISTINCT document_id) FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE e.key = 'agency:cea'"));
        Assert.Equal(2, Fixture.Scalar("SELECT count(*) FROM entity_aliases a JOIN entities e ON e.id = a.entity_id WHERE e.key = 'agency:cea' AND a.alias IN ('สศส.', 'CEA')"));
    }

    [Fact]
    public void Dispose_WithoutCommit_LeavesNoFacts()
    {
        using (var batch = Store.BeginBatch())
        {
            batch.Add(Samples.Document(Samples.ThaiSegmented) with { Facts = Samples.Facts() });
        }

        Assert.Equal(0, Fixture.Scalar("SELECT count(*) FROM entities"));
        Assert.Equal(0, Fixture.Scalar("SELECT count(*) FROM engagements"));
        Assert.Equal(0, Fixture.Scalar("SELECT count(*) FROM commitments"));
    }

    [Fact]
    public void GetStats_EmptyStore_ZeroCountsAndCurrentSchema()
    {
        var stats = Store.GetStats();

        Assert.Equal((0L, 0L, 0L), (stats.Documents, stats.NearDuplicates, stats.ExtraSources));
        Assert.Equal(Fixture.LatestSchemaVersion, stats.SchemaVersion);
    }

    [Fact]
    public void Add_Document_TextsAndFactsKeptOncePacked()
    {
        var id = AddAndCommit(Samples.Document(Samples.ThaiSegmented) with { Facts = Samples.Facts() });

        Assert.Equal(1, Fixture.Scalar($"SELECT count(*) FROM documents WHERE id = {id} AND original_text = '' AND clean_text = '' AND facts_json IS NULL"));
        Assert.Equal(1, Fixture.Scalar($"SELECT count(*) FROM documents WHERE id = {id} AND original_packed IS NOT NULL AND clean_packed IS NOT NULL AND facts_packed IS NOT NULL"));
        var stored = Store.GetDocument(id)!;
        Assert.Equal(Samples.ThaiSegmented, stored.CleanText);
        Assert.Equal(FactsJson.Write(Samples.Facts()), FactsJson.Write(FactsJson.Read(stored.FactsJson!).Facts!));
    }

    [Fact]
    public void GetDocument_RowStoredBeforePacking_ReadFromItsPlainColumns()
    {
        var id = AddAndCommit(Samples.Document(Samples.ThaiSegmented) with { Facts = Samples.Facts() });
        var json = FactsJson.Write(Samples.Facts());
        Fixture.Scalar($"""
            UPDATE documents SET original_text = 'ต้นฉบับเดิม', original_packed = NULL, clean_text = 'ข้อความเดิม', clean_packed = NULL,
                facts_json = '{json.Replace("'", "''", StringComparison.Ordinal)}', facts_packed = NULL
            WHERE id = {id}
            """);

        var stored = Store.GetDocument(id)!;

        Assert.Equal(("ต้นฉบับเดิม", "ข้อความเดิม", json), (stored.OriginalText, stored.CleanText, stored.FactsJson));
        Assert.Null(stored.FactsDamage);
    }

    [Fact]
    public void GetDocument_PackedFactsDamaged_TextsReadAndTheDamageSaid()
    {
        var id = AddAndCommit(Samples.Document(Samples.ThaiSegmented) with { Facts = Samples.Facts() });
        Fixture.Scalar($"UPDATE documents SET facts_packed = substr(facts_packed, 1, 20) WHERE id = {id}");

        var stored = Store.GetDocument(id)!;

        Assert.Equal(Samples.ThaiSegmented, stored.CleanText);
        Assert.Null(stored.FactsJson);
        Assert.Contains("damaged", stored.FactsDamage, StringComparison.Ordinal);
    }

    [Fact]
    public void GetDocument_PackedOriginalDamaged_FailsNamingTheDocument()
    {
        var id = AddAndCommit(Samples.Document(Samples.ThaiSegmented));
        Fixture.Scalar($"UPDATE documents SET original_packed = substr(original_packed, 1, 12) WHERE id = {id}");

        var e = Assert.Throws<InvalidDataException>(() => Store.GetDocument(id));

        Assert.StartsWith($"document {id}: its stored original text cannot be read (the packed text is damaged", e.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var store in _opened)
        {
            store.Dispose();
        }

        Fixture.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Opens the fixture's store again (as after a restart); disposed with the test.</summary>
    protected IAtlasStore Reopen()
    {
        var store = Fixture.Open(Clock);
        _opened.Add(store);
        return store;
    }

    protected long AddAndCommit(NewDocument document)
    {
        using var batch = Store.BeginBatch();
        var id = batch.Add(document);
        batch.Commit();
        return id;
    }
}
