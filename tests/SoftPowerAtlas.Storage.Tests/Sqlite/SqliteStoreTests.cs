using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SoftPowerAtlas.Storage.Sqlite;

namespace SoftPowerAtlas.Storage.Tests.Sqlite;

/// <summary>The shared store suite on SQLite, plus what only a SQLite file has: pragmas, migrations, damaged files.</summary>
public sealed class SqliteStoreTests : StoreTests<SqliteStoreFixture>
{
    private string DatabasePath => Fixture.DatabasePath;

    [Fact]
    public void Open_MissingFolder_CreatesFileInWalMode()
    {
        Assert.True(File.Exists(DatabasePath));
        Assert.Equal("wal", Scalar(DatabasePath, "PRAGMA journal_mode"));
        Assert.Equal(SqliteMigrator.LatestVersion, Convert.ToInt32(Scalar(DatabasePath, "PRAGMA user_version")));
        var applied = Rows(DatabasePath, "SELECT version || ' ' || name FROM schema_migrations ORDER BY version");
        Assert.Equal(SqliteMigrator.Migrations.Select(m => $"{m.Version} {m.Name}"), applied);
        Assert.Equal(["1 documents", "2 document_sources", "3 facts"], applied[..3]);
    }

    [Fact]
    public void OpenReadOnly_UpToDateDatabase_ReadsWorkWritesRefusedWithTheReason()
    {
        var path = Path.Combine(Fixture.Folder, "ro", "ข่าว #1.db");
        long id;
        using (var writable = SqliteAtlasStore.Open(path, TestText.Shared))
        {
            using var batch = writable.BeginBatch();
            id = batch.Add(Samples.Numbered(3));
            batch.Commit();
        }

        using var store = SqliteAtlasStore.OpenReadOnly(path, TestText.Shared, TimeProvider.System);

        Assert.True(store.IsReadOnly);
        Assert.Equal(Samples.Numbered(3).OriginalText, store.GetDocument(id)?.OriginalText);
        var refused = Assert.Throws<StoreException>(() => store.BeginBatch().Dispose());
        Assert.Equal(path, refused.Location);
        Assert.Contains("the database cannot be written: the file or its folder is read-only", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, store.GetStats().Documents);
    }

    [Fact]
    public void Open_NotADatabase_ThrowsNamingPath()
    {
        var path = Path.Combine(Fixture.Folder, "ข่าว ประชาสัมพันธ์.db");
        File.WriteAllText(path, "กระทรวงวัฒนธรรม จัดงานเทศกาลอาหารไทย ณ กรุงปารีส\n" + new string('x', 4096));

        var error = Assert.Throws<StoreException>(() => SqliteAtlasStore.Open(path, TestText.Shared));

        Assert.Equal(path, error.Location);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a SQLite database", error.Message, StringComparison.Ordinal);
        Assert.IsType<SqliteException>(error.InnerException);
    }

    [Fact]
    public void Open_NewerSchemaVersion_ThrowsAndLeavesFileAlone()
    {
        Execute(DatabasePath, "PRAGMA user_version = 99");
        SqliteConnection.ClearAllPools();

        var error = Assert.Throws<StoreException>(() => SqliteAtlasStore.Open(DatabasePath, TestText.Shared));

        Assert.Contains(DatabasePath, error.Message, StringComparison.Ordinal);
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Equal(99L, Scalar(DatabasePath, "PRAGMA user_version"));
    }

    [Fact]
    public void Open_OtherApplicationsDatabase_Throws()
    {
        var path = Path.Combine(Fixture.Folder, "other.db");
        Execute(path, "CREATE TABLE places (name TEXT)");

        var error = Assert.Throws<StoreException>(() => SqliteAtlasStore.Open(path, TestText.Shared));

        Assert.Contains("not an atlas store", error.Message, StringComparison.Ordinal);
        Assert.Equal(["places"], Rows(path, "SELECT name FROM sqlite_schema WHERE type = 'table'"));
    }

    [Fact]
    public void Open_ReadOnlyFile_OpensForReadingWritesRefusedNamingPath()
    {
        var path = Path.Combine(Fixture.Folder, "readonly.db");
        using (var writable = SqliteAtlasStore.Open(path, TestText.Shared))
        {
            using var batch = writable.BeginBatch();
            batch.Add(Samples.Numbered(4));
            batch.Commit();
        }

        SqliteConnection.ClearAllPools();
        if (!MakeReadOnly(path))
        {
            return; // Neither chmod nor chattr can stop this user writing (root in a container without CAP_LINUX_IMMUTABLE).
        }

        try
        {
            using var store = SqliteAtlasStore.Open(path, TestText.Shared);

            Assert.True(store.IsReadOnly);
            Assert.Equal(1, store.GetStats().Documents);
            var error = Assert.Throws<StoreException>(() => store.BeginBatch());
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
            Assert.Contains("cannot be written", error.Message, StringComparison.Ordinal);
            SqliteConnection.ClearAllPools();
        }
        finally
        {
            MakeWritable(path);
        }
    }

    [Fact]
    public void Open_DatabaseFromFirstRelease_UpgradedInPlaceKeepingData()
    {
        var path = Path.Combine(Fixture.Folder, "v1.db");
        SqliteAtlasStore.Open(path, TestText.Shared, Clock, targetVersion: 1).Dispose();
        var document = Samples.Document(Samples.ThaiSegmented);
        Execute(
            path,
            """
            INSERT INTO documents (id, source, format, language, encoding, original_text, clean_text, segmented_text,
                content_hash, sim_hash, ingested_at)
            VALUES (7, 'samples/th_food_festival_paris.md', 'markdown', 'th', 'utf-8', $text, $text, $text,
                $hash, -1, '2023-01-11T03:30:00.0000000Z');
            INSERT INTO document_bands (document_id, band, value) VALUES (7, 0, 65535), (7, 1, 65535), (7, 2, 65535), (7, 3, 65535);
            """,
            ("$text", document.CleanText),
            ("$hash", document.ContentHash));
        Assert.Equal(1L, Scalar(path, "PRAGMA user_version"));
        Assert.Empty(Rows(path, "SELECT name FROM sqlite_schema WHERE name = 'document_sources'"));
        SqliteConnection.ClearAllPools();

        using var store = SqliteAtlasStore.Open(path, TestText.Shared, Clock);

        Assert.Equal(new StoreStats(1, 0, 0, SqliteMigrator.LatestVersion), store.GetStats());
        var stored = store.FindBySource("samples/th_food_festival_paris.md");
        Assert.Equal(7, stored?.Id);
        Assert.Equal(Samples.ThaiSegmented, stored?.CleanText);
        Assert.Equal(ulong.MaxValue, stored?.SimHash);
        Assert.Equal(new DateTimeOffset(2023, 1, 11, 3, 30, 0, TimeSpan.Zero), stored?.IngestedAt);
        Assert.Equal(["samples/th_food_festival_paris.md"], stored?.Sources);
        using var batch = store.BeginBatch();
        Assert.Equal(IngestStatus.ExactDuplicate, batch.Ingest(document with { Source = "feeds/copy.html" }).Status);
        Assert.Equal(7, batch.FindNear(ulong.MaxValue ^ 0b101)?.DocumentId);
    }

    [Fact]
    public void Batch_AbandonedMidTransaction_CopyHoldsOnlyCommittedRows()
    {
        // What a crash leaves on disk: the database and its write-ahead log as they were while an
        // ingest was half done. The copy must open with the committed rows only, undamaged.
        var walPath = DatabasePath + "-wal";
        using (var batch = Store.BeginBatch())
        {
            for (var i = 0; i < 20; i++)
            {
                batch.Add(Samples.Numbered(i));
            }

            batch.Commit();
        }

        var walCommitted = new FileInfo(walPath).Length;
        var copyFolder = Path.Combine(Fixture.Folder, "after-crash");
        Directory.CreateDirectory(copyFolder);
        var copyPath = Path.Combine(copyFolder, "atlas.db");
        using (var batch = Store.BeginBatch())
        {
            for (var i = 1000; i < 1500; i++)
            {
                batch.Add(Samples.Numbered(i, repeat: 20));
            }

            // The uncommitted rows outgrew the page cache and were written to the log: the copy
            // really contains a half-written transaction.
            var walUncommitted = new FileInfo(walPath).Length;
            Assert.True(walUncommitted > walCommitted + (1 << 20), $"log grew from {walCommitted} to {walUncommitted} bytes");
            File.Copy(DatabasePath, copyPath);
            File.Copy(walPath, copyPath + "-wal");
        }

        SqliteConnection.ClearAllPools();

        using var recovered = SqliteAtlasStore.Open(copyPath, TestText.Shared, Clock);
        Assert.Equal(new StoreStats(20, 0, 0, SqliteMigrator.LatestVersion), recovered.GetStats());
        Assert.Equal(20, recovered.ListDocuments(100, 0).Count);
        Assert.Equal(["ok"], Rows(copyPath, "PRAGMA integrity_check"));
        Assert.Empty(Rows(copyPath, "PRAGMA foreign_key_check"));
        Assert.Equal(80L, Scalar(copyPath, "SELECT count(*) FROM document_bands"));
    }

    private static object? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static List<string> Rows(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return rows;
    }

    private static void Execute(string path, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    /// <summary>Read-only attribute (chmod a-w on Unix); as root that is not enough, so also chattr +i. False when the file stays writable.</summary>
    private static bool MakeReadOnly(string path)
    {
        File.SetAttributes(path, FileAttributes.ReadOnly);
        if (!CanWrite(path))
        {
            return true;
        }

        RunQuietly("chattr", "+i", path);
        return !CanWrite(path);
    }

    private static void MakeWritable(string path)
    {
        RunQuietly("chattr", "-i", path);
        File.SetAttributes(path, FileAttributes.Normal);
    }

    private static bool CanWrite(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void RunQuietly(string program, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start);
            process?.WaitForExit(10_000);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // chattr is not installed: the caller checks whether the file became read-only.
        }
    }
}
