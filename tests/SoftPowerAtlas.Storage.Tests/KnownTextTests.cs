using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Pipeline;
using SoftPowerAtlas.Storage.Curation;
using SoftPowerAtlas.Storage.Ingest;
using SoftPowerAtlas.Storage.Tests.Postgres;
using SoftPowerAtlas.Storage.Tests.Sqlite;

namespace SoftPowerAtlas.Storage.Tests;

/// <summary>
/// A file whose text is already stored is recognised before analysis (issue 20 point 3), on both
/// engines: ingesting a folder again, or the same files at other paths, runs only loading and cleaning,
/// and records the new sources; a text deleted in between is analysed after all.
/// </summary>
public abstract class KnownTextTests<TFixture> : IDisposable
    where TFixture : StoreFixture, new()
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spa-known-tests", Guid.NewGuid().ToString("N"));
    private readonly CountingStage _counter = new();

    protected KnownTextTests()
    {
        Fixture = new TFixture();
        Store = Fixture.Open(new FixedClock());
        Directory.CreateDirectory(Path.Combine(_folder, "a"));
        Directory.CreateDirectory(Path.Combine(_folder, "b"));
        foreach (var folder in new[] { "a", "b" })
        {
            File.WriteAllText(Path.Combine(_folder, folder, "th.txt"), "กรมส่งเสริมวัฒนธรรมจัดงานเทศกาลอาหารไทยร่วมกับสถานทูตญี่ปุ่น เมื่อวันที่ 5 มิถุนายน 2567");
            File.WriteAllText(Path.Combine(_folder, folder, "en.txt"), "The Department of Cultural Promotion met the Embassy of France on 7 June 2024 to plan a music festival.");
        }

        Pipeline = AtlasPipeline.CreateBuilder(TestText.Shared).Use(_counter).Build();
    }

    protected TFixture Fixture { get; }

    protected IAtlasStore Store { get; }

    private AnalysisPipeline Pipeline { get; }

    /// <summary>Counts the documents that reach the end of the analysis.</summary>
    private sealed class CountingStage : IAnalysisStage
    {
        private int _runs;

        public int Runs => _runs;

        public string Name => "count";

        public void Run(AnalysisContext context) => Interlocked.Increment(ref _runs);
    }

    [Fact]
    public async Task Ingest_SameFilesAgainAndAtOtherPaths_NotAnalysedSourcesRecorded()
    {
        var first = await Ingest("a");
        Assert.Equal((2, 2), (first.Ingested, _counter.Runs));

        var again = await Ingest("a");
        var copies = await Ingest("b");

        Assert.Equal(2, _counter.Runs);
        Assert.Equal((0, 2), (again.Ingested, again.Duplicates));
        Assert.All(again.Stored, s => Assert.Equal(IngestStatus.AlreadyStored, s.Status));
        Assert.All(copies.Stored, s => Assert.Equal(IngestStatus.ExactDuplicate, s.Status));
        Assert.Equal(2, Fixture.Scalar("SELECT count(*) FROM documents"));
        Assert.Equal(4, Fixture.Scalar("SELECT count(*) FROM document_sources"));
    }

    [Fact]
    public async Task Prepare_TextDeletedBeforeTheWrite_AnalysedAfterAllAndStored()
    {
        await Ingest("a");
        var loaded = new DocumentLoader().Load(Path.Combine(_folder, "b", "th.txt")).Document!;
        var prepared = KnownTexts.Prepare(Pipeline, Store, loaded);
        Assert.Null(prepared.Document);
        Assert.Null(new Curator(Store, new FixedClock()).DeleteDocument(Path.Combine(_folder, "a", "th.txt"), "test").Error);

        IngestOutcome outcome;
        using (var batch = Store.BeginBatch())
        {
            outcome = batch.Ingest(prepared, Pipeline);
            batch.Commit();
        }

        Assert.Equal(IngestStatus.Added, outcome.Status);
        Assert.Equal(3, _counter.Runs);
        Assert.Equal(1, Fixture.Scalar($"SELECT count(*) FROM engagements WHERE document_id = {outcome.DocumentId}"));
    }

    [Fact]
    public async Task IngestAll_TextDeletedBeforeTheWriteBesideANewOne_AnalysedAfterAllBothStored()
    {
        await Ingest("a");
        var loader = new DocumentLoader();
        var known = KnownTexts.Prepare(Pipeline, Store, loader.Load(Path.Combine(_folder, "b", "th.txt")).Document!);
        File.WriteAllText(Path.Combine(_folder, "b", "new.txt"), "The Thailand Creative Culture Agency opened a film workshop in Chiang Mai on 3 July 2024.");
        var fresh = KnownTexts.Prepare(Pipeline, Store, loader.Load(Path.Combine(_folder, "b", "new.txt")).Document!);
        Assert.Equal((null, true), (known.Document, fresh.Document is not null));
        Assert.Null(new Curator(Store, new FixedClock()).DeleteDocument(Path.Combine(_folder, "a", "th.txt"), "test").Error);

        IReadOnlyList<IngestOutcome> outcomes;
        using (var batch = Store.BeginBatch())
        {
            outcomes = batch.IngestAll([known, fresh], Pipeline);
            batch.Commit();
        }

        Assert.Equal([IngestStatus.Added, IngestStatus.Added], outcomes.Select(o => o.Status));
        Assert.Equal(4, _counter.Runs);
        Assert.Equal(1, Fixture.Scalar($"SELECT count(*) FROM engagements WHERE document_id = {outcomes[0].DocumentId}"));
        Assert.Equal(Path.Combine(_folder, "b", "th.txt"), Store.GetDocument(outcomes[0].DocumentId)!.Source);
        Assert.Equal(3, Fixture.Scalar("SELECT count(*) FROM documents"));
    }

    private Task<IngestSummary> Ingest(string folder) =>
        new IngestRunner(Store, Pipeline, new DocumentLoader()) { Workers = 2 }.RunAsync(InputWalker.Expand([Path.Combine(_folder, folder)]));

    public void Dispose()
    {
        Store.Dispose();
        Fixture.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not a test failure.
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteKnownTextTests : KnownTextTests<SqliteStoreFixture>;

public sealed class PostgresKnownTextTests : KnownTextTests<PostgresStoreFixture>;
