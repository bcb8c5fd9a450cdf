using System.Diagnostics;
using SoftPowerAtlas.Cli.Tests.Support;
using SoftPowerAtlas.Storage.Sqlite;
using SoftPowerAtlas.Storage.Users;

namespace SoftPowerAtlas.Cli.Tests.Commands;

public sealed class UserCommandTests : IDisposable
{
    private const string Password = "ผ่าน-pass-2567";

    private readonly TempFolder _temp = new();

    [Fact]
    public async Task UserAdd_PasswordStdin_FirstIsAdminThenViewerOnlyHashStored()
    {
        var first = await RunProcess(Password + "\n", "user", "add", "anna", "--password-stdin");
        var second = await RunProcess(Password + "\r\n", "user", "add", "สมชาย", "--password-stdin");

        Assert.Equal((0, "Added admin 'anna'. 'atlas serve' now asks everyone to sign in.\n"), (first.ExitCode, first.Out));
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Added viewer 'สมชาย'", second.Out, StringComparison.Ordinal);
        Assert.Equal(2, AtlasDatabase.Scalar(_temp.Db, "SELECT count(*) FROM users WHERE password_hash LIKE 'pbkdf2-sha256$600000$%'"));
        Assert.Equal(0, AtlasDatabase.Scalar(_temp.Db, "SELECT count(*) FROM users WHERE password_hash LIKE '%pass-2567%'"));
        using var store = SqliteAtlasStore.Open(_temp.Db, TestText.Shared);
        Assert.NotNull(UserStore.For(store).CheckPassword("สมชาย", Password));
    }

    [Fact]
    public async Task UserAdd_NoTerminalNoStdinOption_UsageError()
    {
        var run = await RunProcess(Password + "\n", "user", "add", "anna", "--role", "editor");

        Assert.Equal(AtlasCommand.UsageError, run.ExitCode);
        Assert.Equal("atlas: no terminal to ask for the password; pipe it on standard input with --password-stdin\n", run.Error);
        Assert.False(File.Exists(_temp.Db));
    }

    [Theory]
    [InlineData("short\n", "anna", "atlas: the password must have at least 8 characters\n")]
    [InlineData("", "anna", "atlas: --password-stdin: standard input is empty; give the password on its first line\n")]
    [InlineData("long-enough-1\n", "  ", "atlas: the user name is empty\n")]
    public async Task UserAdd_BadInput_UsageErrorNothingStored(string stdin, string name, string expected)
    {
        var run = await RunProcess(stdin, "user", "add", name, "--password-stdin");

        Assert.Equal(AtlasCommand.UsageError, run.ExitCode);
        Assert.Equal(expected, run.Error);
        Assert.False(File.Exists(_temp.Db));
    }

    [Fact]
    public async Task UserAdd_BadRole_UsageError()
    {
        var run = await Atlas.RunAsync("--db", _temp.Db, "user", "add", "anna", "--role", "owner", "--password-stdin");

        Assert.Equal(AtlasCommand.UsageError, run.ExitCode);
        Assert.Contains("owner", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserList_NoDatabase_Fails()
    {
        var run = await Atlas.RunAsync("--db", _temp.Db, "user", "list");

        Assert.Equal(AtlasCommand.SomeInputsFailed, run.ExitCode);
        Assert.StartsWith($"atlas: no database at {_temp.Db}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserList_NoUsers_SaysServeIsOpenLocally()
    {
        SqliteAtlasStore.Open(_temp.Db, TestText.Shared).Dispose();

        var run = await Atlas.RunAsync("--db", _temp.Db, "user", "list");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("open, without sign-in, to callers on 127.0.0.1 only", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserRoleKeyRevokeRemove_RoundTrip()
    {
        Seed(("anna", UserRole.Admin), ("ben", UserRole.Viewer));

        var role = await Atlas.RunAsync("--db", _temp.Db, "user", "role", "BEN", "editor");
        Assert.Equal((0, "'ben' is now editor.\n"), (role.ExitCode, role.Out));

        var key = await Atlas.RunAsync("--db", _temp.Db, "user", "key", "ben");
        Assert.Equal(0, key.ExitCode);
        var issued = key.Out.TrimEnd('\n');
        Assert.Matches("^spa_[A-Za-z0-9_-]{43}$", issued);
        Assert.Contains("shown only now", key.Error, StringComparison.Ordinal);
        Assert.Equal(1, AtlasDatabase.Scalar(_temp.Db, $"SELECT count(*) FROM api_keys WHERE key_hash = '{UserStore.KeyHash(issued)}'"));

        var list = await Atlas.RunAsync("--db", _temp.Db, "user", "list");
        Assert.Equal(
            ["name  role    keys  added", "anna  admin      0  2024-06-28 03:30Z", "ben   editor     1  2024-06-28 03:30Z"],
            list.Out.TrimEnd('\n').Split('\n'));

        var revoke = await Atlas.RunAsync("--db", _temp.Db, "user", "key", "ben", "--revoke");
        Assert.Equal((0, "Revoked 1 API key(s) of 'ben'.\n"), (revoke.ExitCode, revoke.Out));
        Assert.Equal(1, AtlasDatabase.Scalar(_temp.Db, "SELECT count(*) FROM api_keys WHERE revoked_at IS NOT NULL"));

        var remove = await Atlas.RunAsync("--db", _temp.Db, "user", "remove", "ben");
        Assert.Equal((0, "Removed 'ben' (editor) and 0 active API key(s).\n"), (remove.ExitCode, remove.Out));
        Assert.Equal(1, AtlasDatabase.Scalar(_temp.Db, "SELECT count(*) FROM users"));

        var demote = await Atlas.RunAsync("--db", _temp.Db, "user", "role", "anna", "viewer");
        Assert.Equal(0, demote.ExitCode);
        Assert.Contains("no admin is left", demote.Error, StringComparison.Ordinal);
        var last = await Atlas.RunAsync("--db", _temp.Db, "user", "remove", "anna");
        Assert.Contains("'atlas serve' is open again", last.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("role", "nobody", "admin")]
    [InlineData("remove", "nobody")]
    [InlineData("key", "nobody")]
    [InlineData("key", "nobody", "--revoke")]
    public async Task User_UnknownName_FailsNamingIt(params string[] args)
    {
        Seed(("anna", UserRole.Admin));

        var run = await Atlas.RunAsync(["--db", _temp.Db, "user", .. args]);

        Assert.Equal(AtlasCommand.SomeInputsFailed, run.ExitCode);
        Assert.Equal("atlas: there is no user named 'nobody'\n", run.Error);
    }

    [Fact]
    public async Task Serve_NonLoopbackWithoutUsers_RefusesSayingHowToAddOne()
    {
        SqliteAtlasStore.Open(_temp.Db, TestText.Shared).Dispose();

        var run = await Atlas.RunAsync("--db", _temp.Db, "serve", "--urls", "http://0.0.0.0:0");

        Assert.Equal(AtlasCommand.UsageError, run.ExitCode);
        Assert.Contains("refusing to serve http://0.0.0.0:0 without sign-in", run.Error, StringComparison.Ordinal);
        Assert.Contains("atlas user add NAME --role admin", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Serving", run.Out, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private void Seed(params (string Name, UserRole Role)[] users)
    {
        using var store = SqliteAtlasStore.Open(_temp.Db, TestText.Shared, new FixedTime());
        var userStore = UserStore.For(store, new FixedTime(), new PasswordHasher(1000));
        foreach (var (name, role) in users)
        {
            Assert.Null(userStore.Add(name, role, Password).Error);
        }
    }

    private async Task<AtlasRun> RunProcess(string stdin, params string[] args)
    {
        var host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { RepoPaths.AtlasDll, "--db", _temp.Db }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("ATLAS_DB");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return new AtlasRun(process.ExitCode, await output, await errors);
    }

    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2024, 6, 28, 3, 30, 15, TimeSpan.Zero);
    }
}
