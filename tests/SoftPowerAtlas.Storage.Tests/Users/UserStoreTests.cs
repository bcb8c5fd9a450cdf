using SoftPowerAtlas.Storage.Tests.Postgres;
using SoftPowerAtlas.Storage.Tests.Sqlite;
using SoftPowerAtlas.Storage.Users;

namespace SoftPowerAtlas.Storage.Tests.Users;

/// <summary>Users, passwords and API keys, written once and run on SQLite and PostgreSQL.</summary>
public abstract class UserStoreTests<TFixture> : IDisposable
    where TFixture : StoreFixture, new()
{
    private const string Password = "ผ่าน-pass-2567";

    private readonly TFixture _fixture = new();
    private readonly FixedClock _clock = new();
    private readonly IAtlasStore _store;

    protected UserStoreTests()
    {
        _store = _fixture.Open(_clock);
        Users = UserStore.For(_store, _clock, new PasswordHasher(iterations: 1000));
    }

    private UserStore Users { get; }

    [Fact]
    public void Add_ThaiName_FoundByAnyCaseWithRoleAndClock()
    {
        Assert.False(Users.HasUsers());

        var added = Users.Add("  สมชาย Editor ", UserRole.Editor, Password);

        Assert.Null(added.Error);
        var found = Users.Find("สมชาย editor");
        Assert.NotNull(found);
        Assert.Equal("สมชาย Editor", found.Name);
        Assert.Equal(UserRole.Editor, found.Role);
        Assert.Equal(FixedClock.Start, found.CreatedAt);
        Assert.Equal(added.User, found);
        Assert.Equal(found, Users.Get(found.Id));
        Assert.True(Users.HasUsers());
        Assert.Equal(["สมชาย Editor"], Users.List().Select(u => u.Name));
    }

    [Fact]
    public void Add_SameNameOtherCase_RefusedAndFirstKept()
    {
        Users.Add("Anna", UserRole.Admin, Password);

        var again = Users.Add("ANNA", UserRole.Viewer, "another-password");

        Assert.False(again.IsSuccess);
        Assert.Equal("a user named 'ANNA' already exists", again.Error);
        Assert.Equal(UserRole.Admin, Users.Find("anna")?.Role);
        Assert.Equal(1, _fixture.Scalar("SELECT count(*) FROM users"));
    }

    [Theory]
    [InlineData("", "the user name is empty")]
    [InlineData("   ", "the user name is empty")]
    [InlineData("tab\there", "the user name holds a control or invisible character")]
    [InlineData("zero\u200Bwidth", "the user name holds a control or invisible character")]
    [InlineData("nul\0", "the user name holds a control or invisible character")]
    [InlineData("12345678901234567890123456789012345678901234567890123456789012345", "the user name is 65 characters long; at most 64")]
    public void Add_BadName_RefusedWithReason(string name, string expected)
    {
        var result = Users.Add(name, UserRole.Viewer, Password);

        Assert.Equal(expected, result.Error);
        Assert.Equal(0, _fixture.Scalar("SELECT count(*) FROM users"));
    }

    [Theory]
    [InlineData("short", "the password must have at least 8 characters")]
    [InlineData("", "the password must have at least 8 characters")]
    public void Add_ShortPassword_Refused(string password, string expected)
    {
        Assert.Equal(expected, Users.Add("anna", UserRole.Viewer, password).Error);
        Assert.False(Users.HasUsers());
    }

    [Fact]
    public void Add_SqlInjectionName_StoredAsWrittenTablesIntact()
    {
        const string name = "Robert'); DROP TABLE users;-- <script>alert(1)</script>";

        var added = Users.Add(name, UserRole.Viewer, Password);

        Assert.Equal(name, added.User?.Name);
        Assert.Equal(name, Users.Find(name)?.Name);
        Assert.Equal(1, _fixture.Scalar("SELECT count(*) FROM users"));
        Assert.Equal(0, _fixture.Scalar("SELECT count(*) FROM api_keys"));
    }

    [Fact]
    public void Add_Password_StoredOnlyAsSaltedPbkdf2()
    {
        Users.Add("anna", UserRole.Viewer, Password);
        Users.Add("ben", UserRole.Viewer, Password);

        Assert.Equal(2, _fixture.Scalar("SELECT count(*) FROM users WHERE password_hash LIKE 'pbkdf2-sha256$1000$%'"));
        Assert.Equal(0, _fixture.Scalar("SELECT count(*) FROM users WHERE password_hash LIKE '%pass-2567%'"));
        // Same password, different salts: different hashes.
        Assert.Equal(2, _fixture.Scalar("SELECT count(DISTINCT password_hash) FROM users"));
    }

    [Fact]
    public void CheckPassword_RightWrongUnknown()
    {
        Users.Add("anna", UserRole.Viewer, Password);

        Assert.Equal("anna", Users.CheckPassword("ANNA", Password)?.Name);
        Assert.Null(Users.CheckPassword("anna", Password + "x"));
        Assert.Null(Users.CheckPassword("anna", Password.ToUpperInvariant()));
        Assert.Null(Users.CheckPassword("nobody", Password));
        Assert.Null(Users.CheckPassword("anna", new string('x', UserRules.MaxPasswordLength + 1)));
    }

    [Fact]
    public void CheckPassword_DecomposedAccent_MatchesComposed()
    {
        Users.Add("anna", UserRole.Viewer, "caf\u00e9-au-lait");

        Assert.NotNull(Users.CheckPassword("anna", "cafe\u0301-au-lait"));
    }

    [Fact]
    public void CheckPassword_WeakerStoredHash_RehashedAtTodaysCostSessionsKept()
    {
        var stamp = Users.Add("anna", UserRole.Viewer, Password).User!.Stamp;
        var stronger = UserStore.For(_store, _clock, new PasswordHasher(iterations: 2000));

        Assert.NotNull(stronger.CheckPassword("anna", Password));

        Assert.Equal(1, _fixture.Scalar("SELECT count(*) FROM users WHERE password_hash LIKE 'pbkdf2-sha256$2000$%'"));
        Assert.Equal(stamp, stronger.Find("anna")?.Stamp);
        Assert.NotNull(Users.CheckPassword("anna", Password));
    }

    [Fact]
    public void SetPassword_OldOneFailsAndStampChanges()
    {
        var before = Users.Add("anna", UserRole.Viewer, Password).User!;
        _clock.Advance(TimeSpan.FromHours(1));

        var changed = Users.SetPassword("anna", "new-password-1");

        Assert.Null(changed.Error);
        Assert.NotEqual(before.Stamp, changed.User!.Stamp);
        Assert.Equal(FixedClock.Start.AddHours(1), changed.User.ChangedAt);
        Assert.Null(Users.CheckPassword("anna", Password));
        Assert.NotNull(Users.CheckPassword("anna", "new-password-1"));
        Assert.Equal("there is no user named 'ben'", Users.SetPassword("ben", "new-password-1").Error);
    }

    [Fact]
    public void SetRole_KnownAndUnknown()
    {
        var stamp = Users.Add("anna", UserRole.Viewer, Password).User!.Stamp;

        Assert.Equal(UserRole.Admin, Users.SetRole("Anna", UserRole.Admin).User?.Role);
        Assert.Equal(UserRole.Admin, Users.Find("anna")?.Role);
        Assert.Equal(stamp, Users.Find("anna")?.Stamp);
        Assert.Equal("there is no user named 'ben'", Users.SetRole("ben", UserRole.Admin).Error);
    }

    [Fact]
    public void IssueKey_KeyWorksOnlyItsHashIsStoredRevokeEndsIt()
    {
        Users.Add("script", UserRole.Editor, Password);

        var issued = Users.IssueKey("script");

        Assert.NotNull(issued);
        Assert.StartsWith("spa_", issued.Key, StringComparison.Ordinal);
        Assert.Equal(47, issued.Key.Length);
        Assert.Equal(issued.Key[..12], issued.Prefix);
        Assert.Equal(1, issued.User.ActiveKeys);
        Assert.Equal("script", Users.FindByKey(issued.Key)?.Name);
        Assert.Equal(1, _fixture.Scalar($"SELECT count(*) FROM api_keys WHERE key_hash = '{UserStore.KeyHash(issued.Key)}'"));
        Assert.Equal(0, _fixture.Scalar($"SELECT count(*) FROM api_keys WHERE key_hash = '{issued.Key}' OR prefix = '{issued.Key}'"));
        var second = Users.IssueKey("script")!;
        Assert.Equal(2, Users.Find("script")?.ActiveKeys);

        Assert.Equal(2, Users.RevokeKeys("SCRIPT"));

        Assert.Null(Users.FindByKey(issued.Key));
        Assert.Null(Users.FindByKey(second.Key));
        Assert.Equal(0, Users.Find("script")?.ActiveKeys);
        Assert.All(Users.ListKeys("script"), k => Assert.Equal(FixedClock.Start, k.RevokedAt));
        Assert.Equal(0, Users.RevokeKeys("script"));
        Assert.Null(Users.RevokeKeys("nobody"));
        Assert.Null(Users.IssueKey("nobody"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("spa_")]
    [InlineData("spa_' OR '1'='1")]
    [InlineData("spa_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void FindByKey_MalformedOrUnknown_Null(string key)
    {
        Users.Add("script", UserRole.Editor, Password);
        Users.IssueKey("script");

        Assert.Null(Users.FindByKey(key));
    }

    [Fact]
    public void Remove_UserAndKeysGone()
    {
        Users.Add("anna", UserRole.Admin, Password);
        Users.Add("ben", UserRole.Viewer, Password);
        var key = Users.IssueKey("anna")!.Key;

        Assert.True(Users.Remove("ANNA"));

        Assert.False(Users.Remove("anna"));
        Assert.Null(Users.Find("anna"));
        Assert.Null(Users.FindByKey(key));
        Assert.Equal(0, _fixture.Scalar("SELECT count(*) FROM api_keys"));
        Assert.Equal(["ben"], Users.List().Select(u => u.Name));
    }

    public void Dispose()
    {
        _store.Dispose();
        _fixture.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The user suite on a SQLite file.</summary>
public sealed class SqliteUserStoreTests : UserStoreTests<SqliteStoreFixture>
{
    [Fact]
    public void For_SqliteStore_IsNotServerStore()
    {
        using var fixture = new SqliteStoreFixture();
        using var store = fixture.Open(TimeProvider.System);

        Assert.False(UserStore.For(store).IsServerStore);
    }
}

/// <summary>The user suite on the test PostgreSQL server.</summary>
public sealed class PostgresUserStoreTests : UserStoreTests<PostgresStoreFixture>
{
    [Fact]
    public void For_PostgresStore_IsServerStore()
    {
        using var fixture = new PostgresStoreFixture();
        using var store = fixture.Open(TimeProvider.System);

        Assert.True(UserStore.For(store).IsServerStore);
    }
}
