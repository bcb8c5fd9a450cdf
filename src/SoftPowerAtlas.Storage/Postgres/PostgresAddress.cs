using System.Globalization;
using Npgsql;

namespace SoftPowerAtlas.Storage.Postgres;

/// <summary>
/// Reads the PostgreSQL forms of the global <c>--db</c> option: a <c>postgres://user:password@host:port/database</c>
/// URL or an Npgsql connection string (<c>Host=…;Database=…</c>). Anything else is a SQLite path.
/// </summary>
public static class PostgresAddress
{
    private static readonly string[] UrlSchemes = ["postgres://", "postgresql://"];

    /// <summary>True when <paramref name="db"/> names a PostgreSQL server rather than a SQLite file.</summary>
    public static bool IsPostgres(string db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var text = db.TrimStart();
        if (UrlSchemes.Any(s => text.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        // A connection string has key=value pairs and names a host; a file path almost never does both.
        return text.Contains('=', StringComparison.Ordinal)
            && text.Split(';').Any(pair => pair.Split('=', 2)[0].Trim() is var key
                && (key.Equals("Host", StringComparison.OrdinalIgnoreCase) || key.Equals("Server", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The Npgsql connection settings for a URL or connection string.</summary>
    /// <exception cref="StoreException">The address cannot be read; the message says why, without the password.</exception>
    public static NpgsqlConnectionStringBuilder Parse(string db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var text = db.Trim();
        if (!UrlSchemes.Any(s => text.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            try
            {
                return new NpgsqlConnectionStringBuilder(text);
            }
            catch (ArgumentException e)
            {
                throw new StoreException("PostgreSQL connection string", $"the connection string cannot be read: {e.Message}", e);
            }
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new StoreException(Redact(text), "the address is not a valid postgres://user:password@host:port/database URL", null);
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]);
            var value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : string.Empty;
            try
            {
                builder[key] = value;
            }
            catch (ArgumentException)
            {
                throw new StoreException(Redact(text), $"unknown connection setting '{key}' in the address", null);
            }
        }

        return builder;
    }

    /// <summary>How the database is named in messages: <c>postgres://user@host:port/database</c>, never with a password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var user = string.IsNullOrEmpty(builder.Username) ? string.Empty : builder.Username + "@";
        return string.Create(CultureInfo.InvariantCulture, $"postgres://{user}{builder.Host}:{builder.Port}/{builder.Database}");
    }

    private static string Redact(string url)
    {
        var at = url.IndexOf('@', StringComparison.Ordinal);
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (at < 0 || scheme < 0 || at < scheme)
        {
            return url;
        }

        var colon = url.IndexOf(':', scheme + 3);
        return colon > 0 && colon < at ? url[..colon] + url[at..] : url;
    }
}
