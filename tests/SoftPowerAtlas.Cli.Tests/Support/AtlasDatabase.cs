using System.Globalization;
using Microsoft.Data.Sqlite;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Sqlite;

namespace SoftPowerAtlas.Cli.Tests.Support;

/// <summary>Reads a database the command wrote, straight through SQLite, without pooling so no handle outlives the test.</summary>
internal static class AtlasDatabase
{
    public static SqliteConnection Open(string path, bool readOnly = true)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    public static long Scalar(string path, string sql)
    {
        using var connection = Open(path);
        return Scalar(connection, sql);
    }

    public static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public static string Text(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture)!; // the callers' queries always yield one value.
    }

    public static long CountDocuments(string path) => Scalar(path, "SELECT count(*) FROM documents");

    /// <summary>One column of the document stored from a source path ending in <paramref name="fileName"/>.</summary>
    public static string? Column(string path, string fileName, string column)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {column} FROM documents WHERE source LIKE '%' || $name";
        command.Parameters.AddWithValue("$name", fileName);
        return command.ExecuteScalar() as string;
    }

    /// <summary>
    /// The document stored from a source path ending in <paramref name="fileName"/>, read through the store
    /// (its original, cleaned text and facts are packed in their columns).
    /// </summary>
    public static StoredDocument Document(string path, string fileName)
    {
        long id;
        using (var connection = Open(path))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id FROM documents WHERE source LIKE '%' || $name";
            command.Parameters.AddWithValue("$name", fileName);
            id = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        using var store = SqliteAtlasStore.Open(path, TestText.Shared);
        return store.GetDocument(id) ?? throw new InvalidOperationException($"no document #{id} in {path}");
    }
}
