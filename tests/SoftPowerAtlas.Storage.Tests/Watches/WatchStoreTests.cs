using SoftPowerAtlas.Storage.Tests.Postgres;
using SoftPowerAtlas.Storage.Tests.Sqlite;
using SoftPowerAtlas.Storage.Users;
using SoftPowerAtlas.Storage.Watches;

namespace SoftPowerAtlas.Storage.Tests.Watches;

/// <summary>Users' watches: each user's own, checked targets, feed tokens; written once, run on SQLite and PostgreSQL.</summary>
public abstract class WatchStoreTests<TFixture> : IDisposable
    where TFixture : StoreFixture, new()
{
    private const string Password = "ผ่าน-watch-2567";

    private readonly TFixture _fixture = new();
    private readonly FixedClock _clock = new();
    private readonly IAtlasStore _store;
    private readonly UserStore _users;
    private readonly long _somchai;
    private readonly long _anna;

    protected WatchStoreTests()
    {
        _store = _fixture.Open(_clock);
        _users = UserStore.For(_store, _clock, new PasswordHasher(iterations: 1000));
        _somchai = _users.Add("สมชาย", UserRole.Viewer, Password).User!.Id;
        _anna = _users.Add("anna", UserRole.Editor, Password).User!.Id;
        Watches = WatchStore.For(_store, _clock);
    }

    private WatchStore Watches { get; }

    public void Dispose()
    {
        _store.Dispose();
        _fixture.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Add_ThaiSavedSearchWithFilter_KeptForItsOwnerOnly()
    {
        var added = Watches.Add(_somchai, new WatchRequest(WatchKind.Search, "  ภาพยนตร์ country:FR ", "ภาพยนตร์กับฝรั่งเศส"));

        Assert.Null(added.Error);
        var watch = added.Watch!;
        Assert.Equal((WatchKind.Search, "ภาพยนตร์ country:FR", false, "ภาพยนตร์กับฝรั่งเศส"), (watch.Kind, watch.Target, watch.Exact, watch.Name));
        Assert.Equal(FixedClock.Start, watch.CreatedAt);
        Assert.Equal(FixedClock.Start, watch.SeenAt);
        Assert.False(watch.HasFeed);
        Assert.Equal([watch], Watches.List(_somchai));
        Assert.Equal(watch, Watches.Get(_somchai, watch.Id));

        // Another user can neither see, mark, rename, delete nor make a feed of it.
        Assert.Empty(Watches.List(_anna));
        Assert.Null(Watches.Get(_anna, watch.Id));
        Assert.Null(Watches.MarkSeen(_anna, watch.Id));
        Assert.False(Watches.Rename(_anna, watch.Id, "mine now").IsSuccess);
        Assert.Null(Watches.NewFeedToken(_anna, watch.Id));
        Assert.False(Watches.Delete(_anna, watch.Id));
        Assert.Equal(watch, Watches.Get(_somchai, watch.Id));
    }

    [Fact]
    public void Add_SameTargetTwice_GivesTheFirstWatch()
    {
        var first = Watches.Add(_somchai, new WatchRequest(WatchKind.Country, "fr", "ฝรั่งเศส")).Watch!;

        var again = Watches.Add(_somchai, new WatchRequest(WatchKind.Country, "FR", "France"));
        var exact = Watches.Add(_somchai, new WatchRequest(WatchKind.Search, "FR", Exact: true)).Watch!;

        Assert.Equal(first, again.Watch);
        Assert.Equal(("FR", "ฝรั่งเศส"), (first.Target, first.Name));
        Assert.Equal((WatchKind.Search, true, "FR"), (exact.Kind, exact.Exact, exact.Name));
        Assert.Equal(2, _fixture.Scalar("SELECT count(*) FROM watches"));
    }

    [Theory]
    [InlineData(WatchKind.Search, "   ", "the search is empty")]
    [InlineData(WatchKind.Search, "ดนตรี country:", "country: at character 7 has no value; write e.g. country:FR")]
    [InlineData(WatchKind.Country, "Thailand", "'Thailand' is not a country code (ISO 3166-1 alpha-2, e.g. FR)")]
    [InlineData(WatchKind.Entity, "กรมส่งเสริมวัฒนธรรม", "'กรมส่งเสริมวัฒนธรรม' is not an entity key (kind:name, e.g. agency:dasta)")]
    [InlineData(WatchKind.Entity, "agency:nobody", "no entity 'agency:nobody' is known")]
    public void Add_NotSomethingToWatch_RefusedWithTheReason(WatchKind kind, string target, string error)
    {
        var result = Watches.Add(_somchai, new WatchRequest(kind, target));

        Assert.Equal(error, result.Error);
        Assert.Equal(0, _fixture.Scalar("SELECT count(*) FROM watches"));
    }

    [Fact]
    public void Add_SectorNotOfTheTaxonomy_RefusedNamingTheSectors()
    {
        Assert.StartsWith("'cooking' is not a sector id (one of ", Watches.Add(_somchai, new WatchRequest(WatchKind.Sector, "cooking")).Error, StringComparison.Ordinal);
        Assert.Equal("food", Watches.Add(_somchai, new WatchRequest(WatchKind.Sector, " Food ")).Watch?.Target);
    }

    [Fact]
    public void Add_UnknownUser_Refused()
    {
        Assert.Equal("there is no user 999", Watches.Add(999, new WatchRequest(WatchKind.Sector, "film")).Error);
    }

    [Fact]
    public void MarkSeen_AfterAnHour_MovesSeenAtOnly()
    {
        var watch = Watches.Add(_somchai, new WatchRequest(WatchKind.Sector, "music", "ดนตรี")).Watch!;
        _clock.Advance(TimeSpan.FromHours(1));

        var seen = Watches.MarkSeen(_somchai, watch.Id);

        Assert.Equal(watch with { SeenAt = FixedClock.Start.AddHours(1) }, seen);
    }

    [Fact]
    public void RemoveUser_TheirWatchesGoToo()
    {
        Watches.Add(_somchai, new WatchRequest(WatchKind.Sector, "film"));
        Watches.Add(_somchai, new WatchRequest(WatchKind.Search, "มวยไทย"));
        Watches.Add(_anna, new WatchRequest(WatchKind.Sector, "film"));

        Assert.True(_users.Remove("สมชาย"));

        Assert.Equal(1, _fixture.Scalar("SELECT count(*) FROM watches"));
        Assert.Single(Watches.List(_anna));
    }

    [Fact]
    public void NewFeedToken_OpensThisWatchOnlyAndANewOneEndsTheOld()
    {
        var watch = Watches.Add(_somchai, new WatchRequest(WatchKind.Search, "soft power")).Watch!;
        var other = Watches.Add(_somchai, new WatchRequest(WatchKind.Search, "ซอฟต์พาวเวอร์")).Watch!;

        var token = Watches.NewFeedToken(_somchai, watch.Id)!;

        Assert.Equal(43, token.Length);
        Assert.Equal(watch with { HasFeed = true }, Watches.FindByFeedToken(watch.Id, token));
        Assert.Null(Watches.FindByFeedToken(other.Id, token));
        Assert.Null(Watches.FindByFeedToken(watch.Id, token[..42] + (token[42] == 'A' ? 'B' : 'A')));
        Assert.Null(Watches.FindByFeedToken(watch.Id, null));
        Assert.Equal(0, _fixture.Scalar($"SELECT count(*) FROM watches WHERE feed_token_hash = '{token}'")); // only its hash is kept

        var rotated = Watches.NewFeedToken(_somchai, watch.Id)!;

        Assert.NotEqual(token, rotated);
        Assert.Null(Watches.FindByFeedToken(watch.Id, token));
        Assert.Equal(watch.Id, Watches.FindByFeedToken(watch.Id, rotated)?.Id);
    }

    [Fact]
    public void Rename_ThaiName_KeptTrimmed()
    {
        var watch = Watches.Add(_somchai, new WatchRequest(WatchKind.Sector, "food")).Watch!;

        Assert.Equal("อาหารไทย", Watches.Rename(_somchai, watch.Id, "  อาหารไทย ").Watch?.Name);
        Assert.Equal("the name is empty", Watches.Rename(_somchai, watch.Id, " ").Error);
    }
}

public sealed class SqliteWatchStoreTests : WatchStoreTests<SqliteStoreFixture>;

public sealed class PostgresWatchStoreTests : WatchStoreTests<PostgresStoreFixture>;
