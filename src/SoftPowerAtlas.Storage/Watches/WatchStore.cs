using System.Data.Common;
using System.Globalization;
using SoftPowerAtlas.Storage.Users;
using static SoftPowerAtlas.Storage.DbParameters;

namespace SoftPowerAtlas.Storage.Watches;

/// <summary>
/// Users' watches on either engine (migration <c>watches</c>). Every call names the user, and a watch of
/// another user is as absent as one that never existed, so no caller can read or change someone
/// else's. Feed tokens are 256 random bits shown once; only their SHA-256 is kept. Thread-safe; each
/// call takes a pooled connection.
/// </summary>
public sealed class WatchStore
{
    private const string Columns = "w.id, w.user_id, w.kind, w.target, w.exact, w.name, w.created_at, w.seen_at, w.feed_token_hash";

    private readonly Func<DbConnection> _connect;
    private readonly StoreDialect _dialect;
    private readonly TimeProvider _clock;

    private WatchStore(Func<DbConnection> connect, StoreDialect dialect, TimeProvider clock)
    {
        _connect = connect;
        _dialect = dialect;
        _clock = clock;
    }

    /// <summary>The watches of <paramref name="store"/>'s database (SQLite or PostgreSQL).</summary>
    public static WatchStore For(IAtlasStore store, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store is AtlasStore atlas
            ? new WatchStore(atlas.OpenDbConnection, atlas.Dialect, clock ?? TimeProvider.System)
            : throw new ArgumentException($"no watch table for a {store.GetType().Name}", nameof(store));
    }

    /// <summary>
    /// Adds a watch for the user, seen now (so only what comes later is new); the same target again
    /// gives the watch the user already has. Refused for a target that is not one, an entity the
    /// store does not know, a user who does not exist, or past <see cref="WatchRules.MaxPerUser"/>.
    /// </summary>
    public WatchResult Add(long userId, WatchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = WatchRules.CheckTarget(request.Kind, request.Target, out var targetError);
        if (target is null)
        {
            return WatchResult.Fail(targetError!); // CheckTarget gives an error whenever it gives no target.
        }

        var exact = request.Kind == WatchKind.Search && request.Exact;
        return Write((connection, transaction) =>
        {
            if (Read(connection, transaction, "w.user_id = @user AND w.kind = @kind AND w.target = @target AND w.exact = @exact", ("@user", userId), ("@kind", request.Kind.Text()), ("@target", target), ("@exact", exact)).FirstOrDefault() is { } existing)
            {
                return new WatchResult(existing, null);
            }

            if (Scalar(connection, transaction, "SELECT count(*) FROM users WHERE id = @user", ("@user", userId)) == 0)
            {
                return WatchResult.Fail(string.Create(CultureInfo.InvariantCulture, $"there is no user {userId}"));
            }

            if (Scalar(connection, transaction, "SELECT count(*) FROM watches WHERE user_id = @user", ("@user", userId)) >= WatchRules.MaxPerUser)
            {
                return WatchResult.Fail(string.Create(CultureInfo.InvariantCulture, $"a user keeps at most {WatchRules.MaxPerUser} watches; delete one first"));
            }

            var fallback = target;
            if (request.Kind == WatchKind.Entity)
            {
                using var find = Command(connection, transaction, "SELECT name FROM entities WHERE key = @key", ("@key", target));
                if (find.ExecuteScalar() is not string entityName)
                {
                    return WatchResult.Fail($"no entity '{target}' is known");
                }

                fallback = entityName;
            }

            var name = WatchRules.CheckName(request.Name, fallback, out var nameError);
            if (name is null)
            {
                return WatchResult.Fail(nameError!); // CheckName gives an error whenever it gives no name.
            }

            var now = _dialect.Timestamp(_clock.GetUtcNow());
            using var insert = Command(
                connection,
                transaction,
                "INSERT INTO watches (user_id, kind, target, exact, name, created_at, seen_at) VALUES (@user, @kind, @target, @exact, @name, @now, @now) RETURNING id",
                ("@user", userId), ("@kind", request.Kind.Text()), ("@target", target), ("@exact", exact), ("@name", name), ("@now", now));
            var id = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
            return new WatchResult(Read(connection, transaction, "w.id = @id", ("@id", id)).Single(), null);
        });
    }

    /// <summary>The user's watches, in the order they were made.</summary>
    public IReadOnlyList<Watch> List(long userId) =>
        Run(connection => Read(connection, null, "w.user_id = @user", ("@user", userId)));

    /// <summary>The user's watch of this id; null when there is none or it is another user's.</summary>
    public Watch? Get(long userId, long id) =>
        Run(connection => Read(connection, null, "w.id = @id AND w.user_id = @user", ("@id", id), ("@user", userId)).FirstOrDefault());

    /// <summary>Deletes the user's watch; false when the user has no watch of this id.</summary>
    public bool Delete(long userId, long id) => Write((connection, transaction) =>
        Execute(connection, transaction, "DELETE FROM watches WHERE id = @id AND user_id = @user", ("@id", id), ("@user", userId)) > 0);

    /// <summary>Notes that the user looked at the watch now; the watch as it is then, or null when the user has no such watch.</summary>
    public Watch? MarkSeen(long userId, long id) => Write((connection, transaction) =>
    {
        Execute(connection, transaction, "UPDATE watches SET seen_at = @now WHERE id = @id AND user_id = @user", ("@now", _dialect.Timestamp(_clock.GetUtcNow())), ("@id", id), ("@user", userId));
        return Read(connection, transaction, "w.id = @id AND w.user_id = @user", ("@id", id), ("@user", userId)).FirstOrDefault();
    });

    /// <summary>Renames the user's watch.</summary>
    public WatchResult Rename(long userId, long id, string name)
    {
        var stored = WatchRules.CheckName(name, string.Empty, out var error);
        if (stored is null || stored.Length == 0)
        {
            return WatchResult.Fail(error ?? "the name is empty");
        }

        return Write((connection, transaction) =>
        {
            Execute(connection, transaction, "UPDATE watches SET name = @name WHERE id = @id AND user_id = @user", ("@name", stored), ("@id", id), ("@user", userId));
            return Read(connection, transaction, "w.id = @id AND w.user_id = @user", ("@id", id), ("@user", userId)).FirstOrDefault() is { } watch
                ? new WatchResult(watch, null)
                : WatchResult.Fail(string.Create(CultureInfo.InvariantCulture, $"no watch {id}"));
        });
    }

    /// <summary>
    /// A new secret token for the watch's feed (the only time it exists outside the caller); the one
    /// before it stops working. Null when the user has no such watch.
    /// </summary>
    public string? NewFeedToken(long userId, long id)
    {
        var token = SecretTokens.New();
        return Write((connection, transaction) =>
            Execute(connection, transaction, "UPDATE watches SET feed_token_hash = @hash WHERE id = @id AND user_id = @user", ("@hash", TokenHash(token)), ("@id", id), ("@user", userId)) > 0 ? token : null);
    }

    /// <summary>The watch whose feed this token opens; null for a wrong, old or malformed token.</summary>
    public Watch? FindByFeedToken(long id, string? token)
    {
        if (token is null || token.Length != 43)
        {
            return null;
        }

        return Run(connection => Read(connection, null, "w.id = @id AND w.feed_token_hash = @hash", ("@id", id), ("@hash", TokenHash(token))).FirstOrDefault());
    }

    private static string TokenHash(string token) => SecretTokens.Hash(token);

    private static List<Watch> Read(DbConnection connection, DbTransaction? transaction, string where, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, $"SELECT {Columns} FROM watches w WHERE {where} ORDER BY w.id", parameters);
        using var reader = command.ExecuteReader();
        var watches = new List<Watch>();
        while (reader.Read())
        {
            WatchRules.TryParseKind(reader.GetString(2), out var kind);
            watches.Add(new Watch(
                reader.GetInt64(0),
                reader.GetInt64(1),
                kind,
                reader.GetString(3),
                Convert.ToBoolean(reader.GetValue(4), CultureInfo.InvariantCulture),
                reader.GetString(5),
                StoreDialect.ReadTimestamp(reader, 6),
                StoreDialect.ReadTimestamp(reader, 7),
                !reader.IsDBNull(8)));
        }

        return watches;
    }

    private static long Scalar(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private T Run<T>(Func<DbConnection, T> action) => DbParameters.Run(_connect, _dialect, action);

    private T Write<T>(Func<DbConnection, DbTransaction, T> write) => Run(connection =>
    {
        using var transaction = connection.BeginTransaction();
        var result = write(connection, transaction);
        transaction.Commit();
        return result;
    });
}
