using SoftPowerAtlas.Storage.Collection;
using SoftPowerAtlas.Storage.Tests.Postgres;
using SoftPowerAtlas.Storage.Tests.Sqlite;

namespace SoftPowerAtlas.Storage.Tests.Collection;

/// <summary>Sources and fetch state kept in the atlas database, the same on either engine.</summary>
public abstract class SourceStoreTests<TFixture> : IDisposable
    where TFixture : StoreFixture, new()
{
    private static readonly Uri Feed = new("https://www.m-culture.go.th/th/rss/news.xml");

    private readonly TFixture _fixture = new();
    private readonly FixedClock _clock = new();
    private readonly IAtlasStore _store;
    private readonly SourceStore _sources;

    protected SourceStoreTests()
    {
        _store = _fixture.Open(_clock);
        _sources = new SourceStore(_store, _clock);
    }

    public void Dispose()
    {
        _store.Dispose();
        _fixture.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Add_ListingThenFeed_ListedInOrderWithEveryField()
    {
        var listing = _sources.Add(new Uri("https://www.dasta.or.th/th/news/"), SourceKind.Listing, @"/news/\d+$", "div.news-detail");
        _clock.Advance(TimeSpan.FromMinutes(1));
        var feed = _sources.Add(Feed, SourceKind.Feed, "  ", null);

        Assert.Null(listing.Error);
        Assert.Equal(
            new Source(listing.Source!.Id, new Uri("https://www.dasta.or.th/th/news/"), SourceKind.Listing, @"/news/\d+$", "div.news-detail", FixedClock.Start, new FetchValidators(null, null), null, null, null),
            _sources.Get(listing.Source.Id));
        Assert.Null(feed.Source!.LinkPattern);
        Assert.Equal(FixedClock.Start.AddMinutes(1), feed.Source.AddedAt);
        Assert.Equal([listing.Source.Id, feed.Source.Id], _sources.List().Select(s => s.Id));
    }

    [Fact]
    public void Add_SameAddressTwiceOrListingWithoutPattern_ErrorAndNothingAdded()
    {
        var first = _sources.Add(Feed, SourceKind.Feed, null, null);

        var again = _sources.Add(Feed, SourceKind.Feed, null, null);
        var listing = _sources.Add(new Uri("https://www.dasta.or.th/th/news/"), SourceKind.Listing, null, null);

        Assert.Equal($"{Feed} is already followed as source #{first.Source!.Id}", again.Error);
        Assert.Contains("needs --link-pattern", listing.Error, StringComparison.Ordinal);
        Assert.Single(_sources.List());
    }

    [Fact]
    public void RecordCheck_WithAndWithoutValidators_KeepsTheLastGoodOnes()
    {
        var id = _sources.Add(Feed, SourceKind.Feed, null, null).Source!.Id;

        _sources.RecordCheck(id, "ok", null, new FetchValidators("\"v1\"", "Sat, 28 Jun 2024 03:30:15 GMT"));
        _clock.Advance(TimeSpan.FromHours(1));
        _sources.RecordCheck(id, "failed", "HTTP 503 ทดลอง", null);

        var source = _sources.Get(id)!;
        Assert.Equal(new FetchValidators("\"v1\"", "Sat, 28 Jun 2024 03:30:15 GMT"), source.Validators);
        Assert.Equal((FixedClock.Start.AddHours(1), "failed", "HTTP 503 ทดลอง"), (source.LastCheckedAt, source.LastStatus, source.LastReason));
    }

    [Fact]
    public void Record_SameAddressAgain_KeepsFirstSeenAndTitleUpdatesTheRest()
    {
        var id = _sources.Add(Feed, SourceKind.Feed, null, null).Source!.Id;
        const string Url = "https://www.m-culture.go.th/th/news/12345";
        _sources.Record(new FetchedItem { SourceId = id, Url = Url, Title = "เทศกาลอาหารไทย", ETag = "\"a\"", FetchedAt = _clock.GetUtcNow(), Status = ItemStatus.New, HttpStatus = 200 });
        _clock.Advance(TimeSpan.FromDays(1));

        _sources.Record(new FetchedItem { SourceId = id, Url = Url, FetchedAt = _clock.GetUtcNow(), Status = ItemStatus.Failed, Reason = "timed out" });

        var item = _sources.GetItem(Url)!;
        Assert.Equal((FixedClock.Start, FixedClock.Start.AddDays(1)), (item.FirstSeenAt, item.FetchedAt));
        Assert.Equal(("เทศกาลอาหารไทย", ItemStatus.Failed, "timed out"), (item.Title, item.Status, item.Reason));
        Assert.Null(item.ETag);
        Assert.Null(item.HttpStatus);
        Assert.Null(_sources.GetItem(Url + "/other"));
    }

    [Fact]
    public void ItemsOf_Status_OldestFetchFirstAndRemoveForgetsThem()
    {
        var id = _sources.Add(Feed, SourceKind.Feed, null, null).Source!.Id;
        foreach (var (url, status) in new[] { ("https://x.go.th/b", ItemStatus.Failed), ("https://x.go.th/a", ItemStatus.New), ("https://x.go.th/c", ItemStatus.Failed) })
        {
            _sources.Record(new FetchedItem { SourceId = id, Url = url, FetchedAt = _clock.GetUtcNow(), Status = status });
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(["https://x.go.th/b", "https://x.go.th/c"], _sources.ItemsOf(id, ItemStatus.Failed).Select(i => i.Url));
        Assert.Equal(["https://x.go.th/a", "https://x.go.th/b", "https://x.go.th/c"], _sources.AllItems().Select(i => i.Url));
        Assert.True(_sources.Remove(id));
        Assert.False(_sources.Remove(id));
        Assert.Empty(_sources.AllItems());
        Assert.Empty(_sources.AllItems(id));
    }
}

/// <summary>The suite above on a SQLite file.</summary>
public sealed class SqliteSourceStoreTests : SourceStoreTests<SqliteStoreFixture>;

/// <summary>The suite above on a database of its own on the test PostgreSQL server.</summary>
public sealed class PostgresSourceStoreTests : SourceStoreTests<PostgresStoreFixture>;
