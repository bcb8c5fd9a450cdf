using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using Npgsql;

namespace SoftPowerAtlas.Storage.Postgres;

/// <summary>PostgreSQL's side of <see cref="StoreDialect"/>: <c>timestamptz</c> values, SQLSTATE codes, json_agg and regular expressions.</summary>
internal sealed class PostgresDialect(string location) : StoreDialect(location)
{
    /// <summary>No version counter here: the document count and the newest engagement id stand for it.</summary>
    public override string DataStampSql =>
        "SELECT (SELECT count(*) FROM documents) + (SELECT coalesce(max(id), 0) FROM engagements), (SELECT count(*) FROM entities), (SELECT max(id) FROM entities), (SELECT max(id) FROM curation_events)";

    public override int SchemaVersion(DbConnection connection, DbTransaction transaction) =>
        PostgresMigrator.ReadVersion((NpgsqlConnection)connection, (NpgsqlTransaction)transaction);

    public override object Timestamp(DateTimeOffset value) => value.ToUniversalTime().AddTicks(-(value.UtcTicks % 10));

    public override WriteConflict Conflict(DbException exception) => exception is PostgresException postgres
        ? postgres.SqlState switch
        {
            PostgresErrorCodes.UniqueViolation => WriteConflict.Unique,
            PostgresErrorCodes.ForeignKeyViolation => WriteConflict.ForeignKey,
            _ => WriteConflict.None,
        }
        : WriteConflict.None;

    public override StoreException ToStoreException(DbException exception)
    {
        var what = exception switch
        {
            PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } =>
                "the server refused the user name or password",
            PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } => "the database does not exist on the server; create it first (createdb)",
            PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } => "the user may not do this in the database",
            PostgresException { SqlState: PostgresErrorCodes.DiskFull } => "the server's disk is full",
            PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter } =>
                "the text holds a character PostgreSQL cannot store (a NUL character?)",
            NpgsqlException { InnerException: SocketException or TimeoutException } => "the server cannot be reached; is it running and listening on that host and port?",
            _ => "the database failed",
        };
        return new StoreException(Location, $"{what} ({exception.Message})", exception);
    }

    public override string JsonArrayAgg(string expression, string orderBy) => $"coalesce(json_agg({expression} ORDER BY {orderBy}), '[]')::text";

    public override string JsonArray(params string[] expressions) => $"json_build_array({string.Join(", ", expressions)})";

    public override string StringAgg(string expression, char separator, string? orderBy = null) =>
        string.Create(CultureInfo.InvariantCulture, $"string_agg({expression}, chr({(int)separator}){(orderBy is null ? string.Empty : " ORDER BY " + orderBy)})");

    /// <remarks>lower() on both sides matches the <c>entity_aliases_alias_lower</c> expression index.</remarks>
    public override string EqualsIgnoringCase(string column, string value) => $"lower({column}) = lower({value})";

    public override string LikeIgnoringCase => "ILIKE";

    public override string StartsWithYear(string column) => $"{column} ~ '^[0-9]{{4}}'";
}
