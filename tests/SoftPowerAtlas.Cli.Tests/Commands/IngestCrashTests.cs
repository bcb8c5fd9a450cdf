using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SoftPowerAtlas.Analysis.Facts;
using SoftPowerAtlas.Storage.Sqlite;
using SoftPowerAtlas.Cli.Tests.Support;
using Xunit.Abstractions;

namespace SoftPowerAtlas.Cli.Tests.Commands;

/// <summary>
/// The real <c>atlas</c> process killed with SIGKILL in the middle of an ingest leaves whole
/// transactions of documents or none, and a second run completes the set without doubling anything.
/// </summary>
public sealed class IngestCrashTests(ITestOutputHelper log) : IDisposable
{
    private const int BatchSize = 200;
    private const int Copies = 200;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Ingest_KilledMidway_LeavesWholeTransactionsAndResumesWithoutDoubling()
    {
        var clock = Stopwatch.StartNew();
        var corpus = _temp.Folder("corpus");
        var files = VariedCorpus.Write(corpus, Copies);
        log.WriteLine($"{files} files written in {clock.Elapsed.TotalSeconds:F1} s");

        var killedAt = await KillOnceCommittedAsync(corpus);
        log.WriteLine($"killed after {killedAt} committed documents at {clock.Elapsed.TotalSeconds:F1} s");

        long stored;
        using (var db = AtlasDatabase.Open(_temp.Db, readOnly: false))
        {
            Assert.Equal("ok", Text(db, "PRAGMA integrity_check"));
            stored = AtlasDatabase.Scalar(db, "SELECT count(*) FROM documents");
            Assert.True(stored >= killedAt, $"{stored} rows after the kill, {killedAt} seen before it");
            Assert.True(stored % BatchSize == 0 || stored == files, $"{stored} rows: not whole transactions of {BatchSize}");
            Assert.True(stored < files, "the run finished before it was killed; make the corpus bigger");
            AssertEveryDocumentIsWhole(db, _temp.Db);
        }

        var resumed = await Atlas.RunAsync("--db", _temp.Db, "ingest", "--quiet", corpus);
        log.WriteLine($"{stored} found after the kill; second run done at {clock.Elapsed.TotalSeconds:F1} s: {resumed.Out.Trim()}");

        Assert.True(resumed.ExitCode == AtlasCommand.Ok, resumed.ToString());
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Ingested {files - stored} ("), resumed.Out, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{stored} duplicates skipped, 0 failed"), resumed.Out, StringComparison.Ordinal);
        using (var db = AtlasDatabase.Open(_temp.Db))
        {
            Assert.Equal("ok", Text(db, "PRAGMA integrity_check"));
            Assert.Equal(files, AtlasDatabase.Scalar(db, "SELECT count(*) FROM documents"));
            Assert.Equal(files, AtlasDatabase.Scalar(db, "SELECT count(DISTINCT content_hash) FROM documents"));
            Assert.Equal(files, AtlasDatabase.Scalar(db, "SELECT count(*) FROM document_sources"));
            Assert.Equal(files, AtlasDatabase.Scalar(db, "SELECT count(DISTINCT source) FROM document_sources"));
            AssertEveryDocumentIsWhole(db, _temp.Db);
        }
    }

    /// <summary>
    /// Starts <c>dotnet atlas.dll ingest</c> and kills it (SIGKILL) as soon as a first transaction is
    /// visible to a reader; returns the count it saw.
    /// </summary>
    private async Task<long> KillOnceCommittedAsync(string corpus)
    {
        Assert.True(File.Exists(RepoPaths.AtlasDll), $"{RepoPaths.AtlasDll} is missing: the test project copies the built atlas beside itself");
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { RepoPaths.AtlasDll, "--db", _temp.Db, "ingest", "--quiet", corpus })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("ATLAS_DB");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        var deadline = Stopwatch.StartNew();
        try
        {
            while (deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                if (process.HasExited)
                {
                    Assert.Fail($"atlas exited ({process.ExitCode}) before it was killed:\n{await output}\n{await errors}");
                }

                if (CommittedCount() is > 0 and var seen)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                    return seen;
                }

                await Task.Delay(20);
            }

            Assert.Fail($"no committed document after {deadline.Elapsed}:\n{await errors}");
            return 0;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    /// <summary>Documents a reader sees committed, or null while the file or its schema is not there yet.</summary>
    private long? CommittedCount()
    {
        if (!File.Exists(_temp.Db))
        {
            return null;
        }

        try
        {
            return AtlasDatabase.CountDocuments(_temp.Db);
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    /// <summary>Every stored row has its texts and readable facts, read back through the store (the texts are packed).</summary>
    private static void AssertEveryDocumentIsWhole(SqliteConnection db, string path)
    {
        var ids = new List<long>();
        using (var command = db.CreateCommand())
        {
            command.CommandText = "SELECT id FROM documents ORDER BY id";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        using var store = SqliteAtlasStore.Open(path, TestText.Shared);
        foreach (var id in ids)
        {
            var document = store.GetDocument(id)!;
            Assert.False(string.IsNullOrWhiteSpace(document.OriginalText), $"#{id}: the original text is empty");
            Assert.False(string.IsNullOrWhiteSpace(document.CleanText), $"#{id}: the cleaned text is empty");
            Assert.False(string.IsNullOrWhiteSpace(document.SegmentedText), $"#{id}: the segmented text is empty");
            var facts = FactsJson.Read(document.FactsJson ?? document.FactsDamage ?? "no facts");
            Assert.True(facts.IsSuccess, $"#{id}: {facts.Error}");
        }
    }

    private static string Text(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture)!;
    }

    /// <summary>The host running these tests when it is dotnet itself, else dotnet on the PATH.</summary>
    internal static string DotnetHost() =>
        Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
}
