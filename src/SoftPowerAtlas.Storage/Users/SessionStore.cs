using System.Data.Common;
using static SoftPowerAtlas.Storage.DbParameters;

namespace SoftPowerAtlas.Storage.Users;

/// <summary>
/// Signed-in sessions on the server, so that signing out ends a session even for someone who kept a
/// copy of its cookie: <see cref="Begin"/> returns a random token for the cookie and keeps only its
/// SHA-256; <see cref="IsActive"/> is asked on every request; <see cref="End"/> deletes it. A session
/// unused for longer than <see cref="IdleLimit"/> ends too. Thread-safe; each call takes a pooled connection.
/// </summary>
public sealed class SessionStore
{
    /// <summary>How long a session lives unused (the session cookie's sliding lifetime).</summary>
    public static readonly TimeSpan IdleLimit = TimeSpan.FromHours(12);

    /// <summary>How stale <c>seen_at</c> may grow before a request writes it again (one write per session per interval, not per request).</summary>
    private static readonly TimeSpan SeenResolution = TimeSpan.FromMinutes(5);

    private readonly Func<DbConnection> _connect;
    private readonly StoreDialect _dialect;
    private readonly TimeProvider _clock;

    private SessionStore(Func<DbConnection> connect, StoreDialect dialect, TimeProvider clock)
    {
        _connect = connect;
        _dialect = dialect;
        _clock = clock;
    }

    /// <summary>The sessions of <paramref name="store"/>'s database (SQLite or PostgreSQL).</summary>
    public static SessionStore For(IAtlasStore store, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        clock ??= TimeProvider.System;
        return store is AtlasStore atlas
            ? new SessionStore(atlas.OpenDbConnection, atlas.Dialect, clock)
            : throw new ArgumentException($"no session table for a {store.GetType().Name}", nameof(store));
    }

    /// <summary>Starts a session for the user and returns its token (for the cookie only); removes sessions idle past the limit.</summary>
    public string Begin(long userId)
    {
        var token = SecretTokens.New();
        var now = _clock.GetUtcNow();
        Run(connection =>
        {
            Execute(connection, null, "DELETE FROM sessions WHERE seen_at < @idle", ("@idle", _dialect.Timestamp(now - IdleLimit)));
            return Execute(
                connection,
                null,
                "INSERT INTO sessions (token_hash, user_id, created_at, seen_at) VALUES (@hash, @user, @now, @now)",
                ("@hash", Hash(token)), ("@user", userId), ("@now", _dialect.Timestamp(now)));
        });
        return token;
    }

    /// <summary>Whether the token is a live session of the user (not signed out, not idle past the limit); marks it used.</summary>
    public bool IsActive(string token, long userId)
    {
        ArgumentNullException.ThrowIfNull(token);
        var now = _clock.GetUtcNow();
        return Run(connection =>
        {
            using var command = Command(connection, null, "SELECT seen_at FROM sessions WHERE token_hash = @hash AND user_id = @user", ("@hash", Hash(token)), ("@user", userId));
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return false;
            }

            var seen = StoreDialect.ReadTimestamp(reader, 0);
            reader.Close();
            if (now - seen > IdleLimit)
            {
                Execute(connection, null, "DELETE FROM sessions WHERE token_hash = @hash", ("@hash", Hash(token)));
                return false;
            }

            if (now - seen > SeenResolution)
            {
                Execute(connection, null, "UPDATE sessions SET seen_at = @now WHERE token_hash = @hash", ("@now", _dialect.Timestamp(now)), ("@hash", Hash(token)));
            }

            return true;
        });
    }

    /// <summary>Ends the session of the token; false when there was none.</summary>
    public bool End(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Run(connection => Execute(connection, null, "DELETE FROM sessions WHERE token_hash = @hash", ("@hash", Hash(token))) > 0);
    }

    /// <summary>Live sessions of the user.</summary>
    public int Count(long userId) => Run(connection =>
    {
        using var command = Command(connection, null, "SELECT count(*) FROM sessions WHERE user_id = @user", ("@user", userId));
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    });

    private static string Hash(string token) => SecretTokens.Hash(token);

    private T Run<T>(Func<DbConnection, T> action) => DbParameters.Run(_connect, _dialect, action);
}
