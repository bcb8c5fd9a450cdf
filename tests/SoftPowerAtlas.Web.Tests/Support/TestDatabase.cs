using Npgsql;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Ingest;

namespace SoftPowerAtlas.Web.Tests.Support;

/// <summary>The engine a test's database runs on.</summary>
public enum TestEngine
{
    /// <summary>A SQLite file in a temporary folder.</summary>
    Sqlite,

    /// <summary>A database of its own on the throwaway server <c>scripts/test.sh</c> starts (<c>ATLAS_TEST_POSTGRES</c>).</summary>
    Postgres,
}

/// <summary>
/// A database of its own for one test, SQLite or PostgreSQL, filled by the real ingest of the
/// repository's samples/ (and any extra files the test writes), removed afterwards.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private const string ServerVariable = "ATLAS_TEST_POSTGRES";

    private readonly string _folder;
    private readonly string? _postgresName;

    private TestDatabase(string folder, TestEngine engine)
    {
        _folder = folder;
        Path = System.IO.Path.Combine(folder, "atlas.db");
        if (engine == TestEngine.Postgres)
        {
            _postgresName = "atlas_web_" + Guid.NewGuid().ToString("N");
            Execute(Server(), $"CREATE DATABASE {_postgresName} ENCODING 'UTF8' TEMPLATE template0");
            Address = new NpgsqlConnectionStringBuilder(Server()) { Database = _postgresName }.ConnectionString;
        }
        else
        {
            Address = Path;
        }
    }

    /// <summary>The SQLite file (also the folder extra files are written to, for either engine).</summary>
    public string Path { get; }

    /// <summary>What <c>--db</c> or <c>Atlas:Database</c> names: the SQLite path, or the PostgreSQL connection string.</summary>
    public string Address { get; }

    /// <summary>The repository's samples/ folder.</summary>
    public static string SamplesFolder { get; } = FindSamples();

    /// <summary>A file of <c>tests/corpus/FOLDER</c> (texts written for the tests), by name, as CreateAsync takes extra files.</summary>
    public static (string Name, string Text) CorpusFile(string folder, string name) =>
        (name, File.ReadAllText(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(SamplesFolder)!, "tests", "corpus", folder, name)));

    /// <summary>Each stored document's id by its file name, as <c>/api/documents</c> lists them (one batch stores files in the order analysis finishes).</summary>
    public static async Task<Dictionary<string, long>> DocumentIdsAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/documents?limit=100", UriKind.Relative)));
        return json.RootElement.GetProperty("items").EnumerateArray()
            .ToDictionary(d => System.IO.Path.GetFileName(d.GetProperty("source").GetString()!), d => d.GetProperty("id").GetInt64());
    }

    public static Task<TestDatabase> CreateAsync(bool withSamples = true, params (string Name, string Text)[] extraFiles) =>
        CreateAsync(TestEngine.Sqlite, withSamples, extraFiles);

    public static async Task<TestDatabase> CreateAsync(TestEngine engine, bool withSamples = true, params (string Name, string Text)[] extraFiles)
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "atlas-web-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var db = new TestDatabase(folder, engine);
        var inputs = new List<string>();
        if (withSamples)
        {
            inputs.Add(SamplesFolder);
        }

        foreach (var (name, text) in extraFiles)
        {
            var path = System.IO.Path.Combine(folder, name);
            await File.WriteAllTextAsync(path, text);
            inputs.Add(path);
        }

        using var store = AtlasStores.Open(db.Address, TestText.Shared);
        if (inputs.Count > 0)
        {
            var summary = await new IngestRunner(store, AtlasPipeline.CreateDefault(TestText.Shared), new DocumentLoader()).RunAsync(InputWalker.Expand(inputs));
            Assert.Empty(summary.Failed);
        }

        return db;
    }

    public void Dispose()
    {
        if (_postgresName is not null)
        {
            // FORCE: the app's pooled connections may outlive the test server by a moment.
            Execute(Server(), $"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)");
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A pooled connection may still hold the file for a moment; the temp folder is cleaned by the system.
        }
    }

    private static string Server() =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException($"{ServerVariable} is not set: run the tests with 'bash scripts/test.sh', which starts a throwaway PostgreSQL on 127.0.0.1.");

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string FindSamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "SoftPowerAtlas.slnx")))
            {
                return System.IO.Path.Combine(dir.FullName, "samples");
            }
        }

        throw new InvalidOperationException("samples/ not found above " + AppContext.BaseDirectory);
    }
}
