using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using static SoftPowerAtlas.Storage.DbParameters;

namespace SoftPowerAtlas.Storage.Users;

/// <summary>
/// Users, roles, passwords and API keys in the atlas database, on either engine: the SQL is the one
/// both share (<c>@name</c> parameters, <c>RETURNING</c>, <c>ON DELETE CASCADE</c>), the differences
/// (timestamps, constraint errors) come from the store's <see cref="StoreDialect"/>. Passwords are
/// kept only as <see cref="PasswordHasher"/> hashes, API keys only as SHA-256. Thread-safe; each call
/// takes a pooled connection.
/// </summary>
public sealed class UserStore
{
    /// <summary>Every key starts so, which lets a leaked key be recognised by secret scanners and people.</summary>
    public const string KeyPrefix = "spa_";

    private const string UserColumns = """
        u.id, u.name, u.role, u.stamp, u.created_at, u.changed_at,
        (SELECT count(*) FROM api_keys k WHERE k.user_id = u.id AND k.revoked_at IS NULL)
        """;

    private readonly Func<DbConnection> _connect;
    private readonly StoreDialect _dialect;
    private readonly TimeProvider _clock;

    private UserStore(Func<DbConnection> connect, StoreDialect dialect, TimeProvider clock, PasswordHasher hasher)
    {
        _connect = connect;
        _dialect = dialect;
        _clock = clock;
        Hasher = hasher;
    }

    public PasswordHasher Hasher { get; }

    /// <summary>True when the store is the PostgreSQL server engine, where sign-in is always required.</summary>
    public bool IsServerStore { get; private init; }

    /// <summary>The users of <paramref name="store"/>'s database (SQLite or PostgreSQL).</summary>
    public static UserStore For(IAtlasStore store, TimeProvider? clock = null, PasswordHasher? hasher = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        hasher ??= new PasswordHasher();
        clock ??= TimeProvider.System;
        return store is AtlasStore atlas
            ? new UserStore(atlas.OpenDbConnection, atlas.Dialect, clock, hasher) { IsServerStore = atlas.IsServer }
            : throw new ArgumentException($"no user table for a {store.GetType().Name}", nameof(store));
    }

    public bool HasUsers() => Run(connection => Convert.ToInt64(Scalar(connection, null, "SELECT count(*) FROM users"), CultureInfo.InvariantCulture) > 0);

    public IReadOnlyList<AtlasUser> List() => Run(connection => ReadUsers(connection, null, $"SELECT {UserColumns} FROM users u ORDER BY u.name_key"));

    public AtlasUser? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Run(connection => ReadUsers(connection, null, $"SELECT {UserColumns} FROM users u WHERE u.name_key = @key", ("@key", UserRules.NameKey(name))).FirstOrDefault());
    }

    public AtlasUser? Get(long id) => Run(connection => ReadUsers(connection, null, $"SELECT {UserColumns} FROM users u WHERE u.id = @id", ("@id", id)).FirstOrDefault());

    public UserResult Add(string name, UserRole role, string password)
    {
        var stored = UserRules.CheckName(name, out var nameError);
        if (stored is null)
        {
            return UserResult.Fail(nameError!); // CheckName gives an error whenever it gives no name.
        }

        if (UserRules.CheckPassword(password) is { } passwordError)
        {
            return UserResult.Fail(passwordError);
        }

        var hash = Hasher.Hash(password);
        try
        {
            return Write((connection, transaction) =>
            {
                var now = _dialect.Timestamp(_clock.GetUtcNow());
                var id = Convert.ToInt64(
                    Scalar(
                        connection,
                        transaction,
                        """
                        INSERT INTO users (name, name_key, role, password_hash, stamp, created_at, changed_at)
                        VALUES (@name, @key, @role, @hash, @stamp, @now, @now) RETURNING id
                        """,
                        ("@name", stored), ("@key", UserRules.NameKey(stored)), ("@role", role.Text()), ("@hash", hash), ("@stamp", NewStamp()), ("@now", now)),
                    CultureInfo.InvariantCulture);
                return new UserResult(ReadUser(connection, transaction, id), null);
            });
        }
        catch (StoreException e) when (e.InnerException is DbException db && _dialect.Conflict(db) == WriteConflict.Unique)
        {
            return UserResult.Fail($"a user named '{stored}' already exists");
        }
    }

    public UserResult SetRole(string name, UserRole role) => Change(name, "role = @value, changed_at = @now", role.Text());

    /// <summary>Sets a new password and a new stamp, which ends the user's signed-in sessions.</summary>
    public UserResult SetPassword(string name, string password) =>
        UserRules.CheckPassword(password) is { } error
            ? UserResult.Fail(error)
            : Change(name, "password_hash = @value, stamp = @stamp, changed_at = @now", Hasher.Hash(password));

    /// <summary>Removes the user and their keys; false when there is no such user.</summary>
    public bool Remove(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Write((connection, transaction) =>
            Execute(connection, transaction, "DELETE FROM users WHERE name_key = @key", ("@key", UserRules.NameKey(name))) > 0);
    }

    /// <summary>
    /// The user when the name and password match, else null. An unknown name costs as much time as a
    /// wrong password; a match on a weaker hash than today's is re-hashed.
    /// </summary>
    public AtlasUser? CheckPassword(string name, string password)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length > UserRules.MaxPasswordLength)
        {
            return null;
        }

        var row = Run(connection =>
        {
            using var command = Command(connection, null, "SELECT id, password_hash FROM users WHERE name_key = @key", ("@key", UserRules.NameKey(name)));
            using var reader = command.ExecuteReader();
            return reader.Read() ? (Id: reader.GetInt64(0), Hash: reader.GetString(1)) : ((long Id, string Hash)?)null;
        });
        if (row is not { } found)
        {
            Hasher.SpendEquivalentTime(password);
            return null;
        }

        var check = Hasher.Verify(found.Hash, password);
        if (check == PasswordCheck.Failed)
        {
            return null;
        }

        if (check == PasswordCheck.MatchesNeedsRehash)
        {
            // Same password, today's cost; the stamp stays, so no session ends.
            var rehashed = Hasher.Hash(password);
            Write((connection, transaction) => Execute(connection, transaction, "UPDATE users SET password_hash = @hash WHERE id = @id AND password_hash = @old", ("@hash", rehashed), ("@id", found.Id), ("@old", found.Hash)));
        }

        return Get(found.Id);
    }

    /// <summary>A new API key for the user (shown once; only its hash is kept), or null when there is no such user.</summary>
    public IssuedKey? IssueKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = KeyPrefix + SecretTokens.New();
        var prefix = key[..(KeyPrefix.Length + 8)];
        return Write((connection, transaction) =>
        {
            var user = ReadUsers(connection, transaction, $"SELECT {UserColumns} FROM users u WHERE u.name_key = @key", ("@key", UserRules.NameKey(name))).FirstOrDefault();
            if (user is null)
            {
                return null;
            }

            Execute(
                connection,
                transaction,
                "INSERT INTO api_keys (user_id, prefix, key_hash, created_at) VALUES (@user, @prefix, @hash, @now)",
                ("@user", user.Id), ("@prefix", prefix), ("@hash", KeyHash(key)), ("@now", _dialect.Timestamp(_clock.GetUtcNow())));
            return new IssuedKey(user with { ActiveKeys = user.ActiveKeys + 1 }, key, prefix);
        });
    }

    /// <summary>Revokes every active key of the user; the number revoked, or null when there is no such user.</summary>
    public int? RevokeKeys(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Write((connection, transaction) =>
        {
            var id = Scalar(connection, transaction, "SELECT id FROM users WHERE name_key = @key", ("@key", UserRules.NameKey(name)));
            return id is null or DBNull
                ? (int?)null
                : Execute(connection, transaction, "UPDATE api_keys SET revoked_at = @now WHERE user_id = @user AND revoked_at IS NULL", ("@now", _dialect.Timestamp(_clock.GetUtcNow())), ("@user", id));
        });
    }

    public IReadOnlyList<ApiKeyInfo> ListKeys(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Run(connection =>
        {
            using var command = Command(
                connection,
                null,
                "SELECT k.id, k.prefix, k.created_at, k.revoked_at FROM api_keys k JOIN users u ON u.id = k.user_id WHERE u.name_key = @key ORDER BY k.id",
                ("@key", UserRules.NameKey(name)));
            using var reader = command.ExecuteReader();
            var keys = new List<ApiKeyInfo>();
            while (reader.Read())
            {
                keys.Add(new ApiKeyInfo(reader.GetInt64(0), reader.GetString(1), StoreDialect.ReadTimestamp(reader, 2), reader.IsDBNull(3) ? null : StoreDialect.ReadTimestamp(reader, 3)));
            }

            return keys;
        });
    }

    /// <summary>The user an active API key belongs to; null for an unknown, malformed or revoked key.</summary>
    public AtlasUser? FindByKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.StartsWith(KeyPrefix, StringComparison.Ordinal) || key.Length != KeyPrefix.Length + 43)
        {
            return null;
        }

        return Run(connection => ReadUsers(
            connection,
            null,
            $"SELECT {UserColumns} FROM users u JOIN api_keys k ON k.user_id = u.id WHERE k.key_hash = @hash AND k.revoked_at IS NULL",
            ("@hash", KeyHash(key))).FirstOrDefault());
    }

    /// <summary>Lower-case hex SHA-256 of the key's UTF-8 bytes: what <c>api_keys.key_hash</c> holds.</summary>
    public static string KeyHash(string key) => SecretTokens.Hash(key);

    private UserResult Change(string name, string set, object value)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Write((connection, transaction) =>
        {
            var changed = Execute(
                connection,
                transaction,
                $"UPDATE users SET {set} WHERE name_key = @key",
                ("@value", value), ("@stamp", NewStamp()), ("@now", _dialect.Timestamp(_clock.GetUtcNow())), ("@key", UserRules.NameKey(name)));
            return changed == 0
                ? UserResult.Fail($"there is no user named '{name}'")
                : new UserResult(ReadUsers(connection, transaction, $"SELECT {UserColumns} FROM users u WHERE u.name_key = @key", ("@key", UserRules.NameKey(name))).Single(), null);
        });
    }

    private static AtlasUser ReadUser(DbConnection connection, DbTransaction transaction, long id) =>
        ReadUsers(connection, transaction, $"SELECT {UserColumns} FROM users u WHERE u.id = @id", ("@id", id)).Single();

    private static List<AtlasUser> ReadUsers(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        using var reader = command.ExecuteReader();
        var users = new List<AtlasUser>();
        while (reader.Read())
        {
            UserRules.TryParseRole(reader.GetString(2), out var role);
            users.Add(new AtlasUser(
                reader.GetInt64(0),
                reader.GetString(1),
                role,
                reader.GetString(3),
                StoreDialect.ReadTimestamp(reader, 4),
                StoreDialect.ReadTimestamp(reader, 5),
                Convert.ToInt32(reader.GetValue(6), CultureInfo.InvariantCulture)));
        }

        return users;
    }

    private static object? Scalar(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteScalar();
    }

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));


    private T Run<T>(Func<DbConnection, T> action) => DbParameters.Run(_connect, _dialect, action);

    private T Write<T>(Func<DbConnection, DbTransaction, T> write) => Run(connection =>
    {
        using var transaction = connection.BeginTransaction();
        var result = write(connection, transaction);
        transaction.Commit();
        return result;
    });
}
