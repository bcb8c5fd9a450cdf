using SoftPowerAtlas.Storage.Search;
using SoftPowerAtlas.Storage.Tests.Facts;
using SoftPowerAtlas.Storage.Tests.Postgres;
using SoftPowerAtlas.Storage.Tests.Sqlite;
using SoftPowerAtlas.Storage.Tracking;
using SoftPowerAtlas.Storage.Users;
using SoftPowerAtlas.Storage.Watches;

namespace SoftPowerAtlas.Storage.Tests.Watches;

/// <summary>
/// What is new for a watch, on a store the real pipeline fills: two releases written for these tests
/// (a Thai meeting with Korea on music, a concert promised by August 2024; an English one with France
/// on animation, a proposal due 15 July 2024) are ingested a day after the watches are made.
/// </summary>
public abstract class WatchReaderTests<TFixture> : IDisposable
    where TFixture : StoreFixture, new()
{
    private const string ThaiKorea =
        "กรมส่งเสริมวัฒนธรรมพบหารือกับสถานเอกอัครราชทูตเกาหลีประจำประเทศไทย เรื่องความร่วมมือด้านดนตรี เมื่อวันที่ 3 กรกฎาคม 2567 ณ กรุงเทพมหานคร "
        + "โดยทั้งสองฝ่ายจะจัดคอนเสิร์ตร่วมกันภายในเดือนสิงหาคม 2567\n";

    private const string EnglishFrance =
        "Bangkok, 2 July 2024 - The Thailand Creative Culture Agency met the Embassy of France in Bangkok on 2 July 2024 to discuss cooperation on animation. "
        + "The agency will send the co-production proposal to the French side by 15 July 2024.\n";

    /// <summary>Ingested before any watch is made: it names the Department of Cultural Promotion, nothing else watched here.</summary>
    private const string ThaiBefore =
        "กรมส่งเสริมวัฒนธรรมจัดประชุมคณะทำงานด้านมรดกภูมิปัญญาทางวัฒนธรรม เมื่อวันที่ 20 มิถุนายน 2567 ณ กรุงเทพมหานคร\n";

    private readonly IngestedCorpus<TFixture> _corpus = IngestedCorpus<TFixture>.Of();
    private readonly WatchStore _watches;
    private readonly long _user;

    protected WatchReaderTests()
    {
        _user = UserStore.For(_corpus.Store, _corpus.Clock, new PasswordHasher(iterations: 1000)).Add("สมหญิง", UserRole.Viewer, "watch-pass-2567").User!.Id;
        _watches = WatchStore.For(_corpus.Store, _corpus.Clock);
        _corpus.Ingest(_corpus.Write("before.txt", ThaiBefore));
        _corpus.Clock.Advance(TimeSpan.FromMinutes(1));
    }

    public void Dispose()
    {
        _corpus.Dispose();
        GC.SuppressFinalize(this);
    }

    private WatchReader Reader => new(_corpus.Store, SearchIndexes.For(_corpus.Store), new CommitmentTracker(_corpus.Reader, _corpus.Clock));

    private Watch Watch(WatchKind kind, string target) => _watches.Add(_user, new WatchRequest(kind, target)).Watch!;

    /// <summary>Both releases, ingested a day after the clock's start.</summary>
    private void IngestNextDay()
    {
        _corpus.Clock.Advance(TimeSpan.FromDays(1));
        _corpus.Ingest(_corpus.Write("korea.txt", ThaiKorea), _corpus.Write("france.txt", EnglishFrance));
    }

    [Theory]
    [InlineData(WatchKind.Search, "ดนตรี", "korea.txt")]
    [InlineData(WatchKind.Search, "animation country:FR", "france.txt")]
    [InlineData(WatchKind.Country, "KR", "korea.txt")]
    [InlineData(WatchKind.Sector, "film", "france.txt")]
    [InlineData(WatchKind.Entity, "agency:dcp", "korea.txt")]
    public void New_MatchingDocumentIngestedAfterTheWatch_ListedWithItsIngestTime(WatchKind kind, string target, string file)
    {
        var watch = Watch(kind, target);
        Assert.Equal(0, Reader.New(watch).Count);

        IngestNextDay();
        var news = Reader.New(watch);

        var document = Assert.Single(news.Documents);
        Assert.EndsWith(file, document.Source, StringComparison.Ordinal);
        Assert.Equal(FixedClock.Start.AddMinutes(1).AddDays(1), document.IngestedAt);
        Assert.Equal(1, news.DocumentCount);
        Assert.True(news.Complete);
        Assert.Empty(news.Overdue); // nothing was due yet on 29 June 2024
        Assert.Equal(1, news.Count);
    }

    [Fact]
    public void New_AfterMarkSeen_NothingNewButTheFeedKeepsIt()
    {
        var watch = Watch(WatchKind.Search, "ดนตรี");
        IngestNextDay();
        _corpus.Clock.Advance(TimeSpan.FromMinutes(5));

        var seen = _watches.MarkSeen(_user, watch.Id)!;

        Assert.Equal(0, Reader.New(seen).Count);
        Assert.EndsWith("korea.txt", Assert.Single(Reader.Latest(seen)).Source, StringComparison.Ordinal); // the feed still lists it
    }

    [Fact]
    public void New_DocumentIngestedBeforeTheWatch_NotNewButInTheFeed()
    {
        IngestNextDay();
        _corpus.Clock.Advance(TimeSpan.FromHours(2));

        var watch = Watch(WatchKind.Entity, "agency:dcp");

        Assert.Equal(0, Reader.New(watch).Count);
        Assert.Equal(["korea.txt", "before.txt"], Reader.Latest(watch).Select(d => Path.GetFileName(d.Source))); // newest ingest first
        watch = Watch(WatchKind.Country, "FR");
        Assert.Equal(0, Reader.New(watch).Count);
        var latest = Assert.Single(Reader.Latest(watch));
        Assert.EndsWith("france.txt", latest.Source, StringComparison.Ordinal);
        Assert.StartsWith("Bangkok, 2 July 2024 - The Thailand Creative Culture Agency met", latest.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void New_DuePassedSinceTheLastLook_ListsTheNewlyOverdueCommitmentOnce()
    {
        var korea = Watch(WatchKind.Country, "KR");
        var music = Watch(WatchKind.Search, "คอนเสิร์ต");
        var france = Watch(WatchKind.Sector, "film");
        IngestNextDay();
        korea = _watches.MarkSeen(_user, korea.Id)!;
        _corpus.Clock.Advance(TimeSpan.FromDays(20)); // 19 July 2024: the French proposal (15 July) is overdue, the concert (August) not yet

        Assert.Empty(Reader.New(korea).Overdue);
        Assert.Equal("2024-07-15", Assert.Single(Reader.New(france).Overdue).DueBy.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        _corpus.Clock.Advance(TimeSpan.FromDays(60)); // 17 September 2024
        var news = Reader.New(korea);

        var overdue = Assert.Single(news.Overdue);
        Assert.Equal(new DateOnly(2024, 8, 31), overdue.DueBy);
        Assert.Contains("คอนเสิร์ต", overdue.Commitment.What, StringComparison.Ordinal);
        Assert.Empty(news.Documents); // seen after the ingest
        Assert.Single(Reader.New(music).Overdue); // the search matches the document the promise is in
        Assert.Empty(Reader.New(_watches.MarkSeen(_user, korea.Id)!).Overdue);
    }

    [Fact]
    public void New_MarkedDoneBeforeTheLook_NotListed()
    {
        var france = Watch(WatchKind.Country, "FR");
        IngestNextDay();
        _corpus.Clock.Advance(TimeSpan.FromDays(20));
        var tracker = new CommitmentTracker(_corpus.Reader, _corpus.Clock);
        var key = Assert.Single(Reader.New(france).Overdue).Commitment.Key;

        Assert.Null(tracker.MarkDone(key, "ส่งแล้ว", "สมหญิง").Error);

        Assert.Empty(Reader.New(france).Overdue);
    }

    [Theory]
    [InlineData("A short line.", "A short line.")]
    [InlineData("ย่อหน้าแรก\n\nย่อหน้าที่สอง\tจบ", "ย่อหน้าแรก ย่อหน้าที่สอง จบ")]
    public void Summary_ShortText_OneLineWhole(string text, string expected)
    {
        Assert.Equal(expected, WatchReader.Summary(text));
    }

    [Fact]
    public void Summary_LongText_CutAtASpaceWithAnEllipsis()
    {
        var text = string.Concat(Enumerable.Repeat("soft power ", 40));

        var summary = WatchReader.Summary(text);

        Assert.EndsWith("power…", summary, StringComparison.Ordinal);
        Assert.True(summary.Length <= WatchReader.SummaryLength + 1);
        Assert.True(summary.Length > WatchReader.SummaryLength - 60);
    }
}

public sealed class SqliteWatchReaderTests : WatchReaderTests<SqliteStoreFixture>;

public sealed class PostgresWatchReaderTests : WatchReaderTests<PostgresStoreFixture>;
