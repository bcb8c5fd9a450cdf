using System.Text;
using SoftPowerAtlas.Cli.Tests.Support;

namespace SoftPowerAtlas.Cli.Tests.Commands;

/// <summary>
/// Bad input never stops a batch: each is reported once, on a line naming its path with the reason,
/// the good document beside it is stored, and the exit code is 1.
/// </summary>
public sealed class IngestBadInputTests : IDisposable
{
    private const string Good = "th_gov_muaythai.txt";
    private readonly TempFolder _temp = new();

    public IngestBadInputTests()
    {
        File.Copy(Path.Combine(RepoPaths.Samples, Good), Path.Combine(_temp.Folder("in"), Good));
    }

    public void Dispose() => _temp.Dispose();

    private string In => _temp.Combine("in");

    [Fact]
    public async Task Ingest_MissingPath_ReportsItAndStoresTheRest()
    {
        var missing = _temp.Combine("nope");

        await AssertRefusedAsync(missing, "no such file or folder", In, missing);
    }

    [Fact]
    public async Task Ingest_BinaryFile_ReportsItAndStoresTheRest()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[100] = 0;
        var path = _temp.Write("in/scan.txt", bytes);

        await AssertRefusedAsync(path, "looks binary, not text", In);
    }

    [Fact]
    public async Task Ingest_InvalidUtf8ThatIsNotThai_ReportsItAndStoresTheRest()
    {
        var latin1 = Encoding.Latin1.GetBytes("Le ministère de la Culture a présenté à Paris une fête gastronomique thaïlandaise très appréciée.\n");
        var path = _temp.Write("in/communique.txt", latin1);

        await AssertRefusedAsync(path, "is not valid UTF-8 (first bad byte sequence at byte offset 9) and does not read as Thai", In);
    }

    [Fact]
    public async Task Ingest_Tis620ThaiFile_StoresItDecoded()
    {
        const string thai = "กระทรวงวัฒนธรรมร่วมกับสำนักงานส่งเสริมเศรษฐกิจสร้างสรรค์จัดงานเทศกาลอาหารไทยที่กรุงปารีส ประเทศฝรั่งเศส\nเมื่อวันที่ 28 มิถุนายน 2567 เพื่อเผยแพร่อาหารไทยและส่งเสริมการท่องเที่ยว\n";
        var path = _temp.Write("in/legacy.txt", CodePagesEncodingProvider.Instance.GetEncoding(874)!.GetBytes(thai));
        Assert.NotEqual(Encoding.UTF8.GetBytes(thai), File.ReadAllBytes(path));

        var run = await Atlas.RunAsync("--db", _temp.Db, "ingest", In);

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        Assert.Equal(2, AtlasDatabase.CountDocuments(_temp.Db));
        Assert.Equal("windows-874", AtlasDatabase.Column(_temp.Db, "legacy.txt", "encoding"));
        Assert.Equal(thai, AtlasDatabase.Document(_temp.Db, "legacy.txt").OriginalText);
        Assert.Contains("จัดงานเทศกาลอาหารไทยที่กรุงปารีส", AtlasDatabase.Document(_temp.Db, "legacy.txt").CleanText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    public async Task Ingest_FrontMatterThirtyThousandDeep_ReportsItAndStoresTheRest(string open, string close)
    {
        var path = _temp.Write("in/deep.md", "---\ntitle: " + string.Concat(Enumerable.Repeat(open, 30_000)) + "x" + string.Concat(Enumerable.Repeat(close, 30_000)) + "\n---\nข่าว\n");

        await AssertRefusedAsync(path, "has front matter nested more than 32 levels deep", In);
    }

    [Fact]
    public async Task Ingest_LoopsOfLinks_WalkEndsEachFileStoredOnce()
    {
        Directory.CreateSymbolicLink(_temp.Combine("in/again"), In);
        Directory.CreateDirectory(_temp.Combine("in/sub"));
        Directory.CreateSymbolicLink(_temp.Combine("in/sub/up"), "..");
        Directory.CreateSymbolicLink(_temp.Combine("in/sub/self"), ".");
        File.CreateSymbolicLink(_temp.Combine("in/sub/a.txt"), _temp.Combine("in/sub/b.txt"));
        File.CreateSymbolicLink(_temp.Combine("in/sub/b.txt"), _temp.Combine("in/sub/a.txt"));

        var run = await Atlas.RunAsync("--db", _temp.Db, "ingest", In).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(run.ExitCode == AtlasCommand.SomeInputsFailed, run.ToString());
        Assert.Equal(1, AtlasDatabase.CountDocuments(_temp.Db));
        Assert.Equal(1, AtlasDatabase.Scalar(_temp.Db, "SELECT count(*) FROM document_sources"));
        Assert.Contains($"{_temp.Combine("in/sub/a.txt")}: is a link that cannot be followed (a loop of links, or unreadable); not followed", run.Error, StringComparison.Ordinal);
        Assert.Contains("Ingested 1 (0 near duplicates linked), 0 duplicates skipped, 2 failed", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_LinksOutOfTheFolder_NotFollowedNothingOfThemStored()
    {
        var outside = _temp.Folder("private");
        var secret = _temp.Write("private/passwd.txt", "root:x:0:0:root:/root:/bin/bash และข้อความลับของระบบที่ไม่ควรถูกเก็บ\n");
        File.CreateSymbolicLink(_temp.Combine("in/passwd.txt"), secret);
        Directory.CreateSymbolicLink(_temp.Combine("in/elsewhere"), outside);

        var run = await Atlas.RunAsync("--db", _temp.Db, "ingest", In);

        Assert.True(run.ExitCode == AtlasCommand.SomeInputsFailed, run.ToString());
        Assert.Contains($"{_temp.Combine("in/passwd.txt")}: is a link to {secret}, outside {In}; not followed", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{_temp.Combine("in/elsewhere")}: is a link to {outside}, outside {In}; not followed", run.Error, StringComparison.Ordinal);
        Assert.Equal(1, AtlasDatabase.CountDocuments(_temp.Db));
        Assert.Equal(0, AtlasDatabase.Scalar(_temp.Db, "SELECT count(*) FROM documents WHERE original_text LIKE '%root:x:0%'"));
    }

    [Fact]
    public async Task Ingest_LinkInsideTheFolder_Followed()
    {
        File.CreateSymbolicLink(_temp.Combine("in/latest.txt"), Path.Combine(In, Good));

        var run = await Atlas.RunAsync("--db", _temp.Db, "ingest", In);

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        Assert.Contains("Ingested 1 (0 near duplicates linked), 0 duplicates skipped, 0 failed", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_PipeInFolder_ReportedWithoutOpeningIt()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // No named pipes in the file system.
        }

        var fifo = _temp.Combine("in/feed.txt");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        await AssertRefusedAsync(fifo, "is empty (0 bytes) or not a regular file (a pipe or a device); not read", In).WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Ingest_DevZero_StopsReadingAtTheCap()
    {
        if (!File.Exists("/dev/zero"))
        {
            return; // Not a Unix machine.
        }

        await AssertRefusedAsync("/dev/zero", "is too large (more than the limit of 20,971,520 bytes; stopped reading there)", In, "/dev/zero").WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Theory]
    [InlineData("a\nfailed: forged.txt", "in/a\\u{000A}failed: forged.txt")]
    [InlineData("report\u202Etxt.md", "in/report\\u{202E}txt.md")]
    [InlineData("tab\there.txt", "in/tab\\u{0009}here.txt")]
    public async Task Ingest_NameWithNewlineOrDirectionMark_PrintedEscapedOnOneLine(string name, string printed)
    {
        var path = _temp.Write("in/" + name, string.Empty);

        var run = await Atlas.RunAsync("--db", _temp.Db, "ingest", In);

        Assert.True(run.ExitCode == AtlasCommand.SomeInputsFailed, run.ToString());
        var line = Assert.Single(run.Error.Split('\n'), l => l.Contains("is empty", StringComparison.Ordinal));
        Assert.Equal($"  failed: {_temp.Combine(printed)}: is empty (0 bytes) or not a regular file (a pipe or a device); not read", line);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task Ingest_Latin1FileName_SaysTheNameIsNotUtf8()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows names are UTF-16; there are no undecodable bytes.
        }

        using (var touch = System.Diagnostics.Process.Start("bash", ["-c", "printf 'Le festival tha\\xefs \\xe0 Lyon, 12 juin 2024.' > \"$1/$(printf 'f\\xeate.txt')\"", "bash", In]))
        {
            await touch.WaitForExitAsync();
            Assert.Equal(0, touch.ExitCode);
        }

        var run = await Atlas.RunAsync("--db", _temp.Db, "ingest", In);

        Assert.True(run.ExitCode == AtlasCommand.SomeInputsFailed, run.ToString());
        Assert.Contains($"  failed: {In}/f\uFFFDte.txt cannot be opened: its name is not valid UTF-8 (U+FFFD marks the bytes that are not); rename it in UTF-8", run.Error, StringComparison.Ordinal);
        Assert.Equal(1, AtlasDatabase.CountDocuments(_temp.Db));
    }

    [Fact]
    public async Task Db_InAFolderThatDoesNotExist_UsageErrorNothingCreated()
    {
        var db = _temp.Combine("no-such-folder/sub/atlas.db");

        var run = await Atlas.RunAsync("--db", db, "ingest", In);

        Assert.Equal(AtlasCommand.UsageError, run.ExitCode);
        Assert.StartsWith($"atlas: --db {db}: the folder {_temp.Combine("no-such-folder/sub")} does not exist (create it first, or give another path)", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.Combine("no-such-folder")));
    }

    [Fact]
    public async Task Ingest_EmptyFile_ReportsItAndStoresTheRest()
    {
        var path = _temp.Write("in/empty.md", string.Empty);

        await AssertRefusedAsync(path, "is empty (0 bytes)", In);
    }

    [Fact]
    public async Task Ingest_WhitespaceOnlyFile_ReportsItAndStoresTheRest()
    {
        var path = _temp.Write("in/blank.txt", " \n\t\u3000\n\u200B\r\n");

        await AssertRefusedAsync(path, "contains only whitespace", In);
    }

    [Fact]
    public async Task Ingest_200MegabyteFile_RefusesItWithoutReadingIt()
    {
        var path = _temp.Combine("in/huge.txt");
        using (var stream = new FileStream(path, FileMode.CreateNew))
        {
            stream.SetLength(200L * 1024 * 1024);
        }

        // The size in the message is the file's length as listed: it was refused before being read.
        // (No timing assertion: speed belongs in benchmarks, and a loaded machine made it flaky.)
        await AssertRefusedAsync(path, "is too large (209,715,200 bytes; the limit is 20,971,520)", In);
    }

    [Fact]
    public async Task Ingest_HtmlThatIsNearlyAllScript_ReportsItAndStoresTheRest()
    {
        var script = string.Concat(Enumerable.Repeat("window.dataLayer.push({event:'view',slot:'top'});\n", 400));
        var path = _temp.Write("in/app.html", $"<!DOCTYPE html><html><head><title>ข่าว</title><script>{script}</script></head><body><div id=\"app\">Loading…</div><script>{script}</script></body></html>");

        await AssertRefusedAsync(path, "is mostly script", In);
    }

    [Fact]
    public async Task Ingest_FolderWithoutReadPermission_ReportsItAndStoresTheRest()
    {
        var locked = _temp.Folder("in/locked");
        _temp.Write("in/locked/hidden.txt", "กระทรวงวัฒนธรรมจัดงานเทศกาลอาหารไทย");
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            Directory.GetFiles(locked);

            // Still readable: the tests run as root, for whom permissions do not apply, so there is no
            // unreadable folder to ingest and nothing to check.
            return;
        }
        catch (UnauthorizedAccessException)
        {
        }

        await AssertRefusedAsync(locked, "folder cannot be read", In);
    }

    [Fact]
    public async Task Ingest_UnsupportedExtensionNamedExplicitly_ReportsItAndStoresTheRest()
    {
        var path = _temp.Write("notes.odt", "PK กระทรวงวัฒนธรรม");

        await AssertRefusedAsync(path, "not a supported document type (use .txt, .md, .html, .htm, .docx, .pdf, .png, .jpg, .tif)", In, path);
    }

    [Fact]
    public async Task Ingest_UnsupportedExtensionInsideAFolder_IsPassedOverSilently()
    {
        _temp.Write("in/notes.odt", "PK");

        var run = await Atlas.RunAsync("--db", _temp.Db, "ingest", In);

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        Assert.Equal(1, AtlasDatabase.CountDocuments(_temp.Db));
    }

    [Fact]
    public async Task Ingest_DatabaseThatIsNotSqlite_ExitsOneNamingItAndLeavesItUntouched()
    {
        var db = _temp.Write("notes.db", "These are my notes, not a database.\n");
        var before = File.ReadAllBytes(db);

        var run = await Atlas.RunAsync("--db", db, "ingest", In);

        Assert.Equal(AtlasCommand.SomeInputsFailed, run.ExitCode);
        Assert.Contains($"{db}: the file is not a SQLite database", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(db));
        Assert.Equal(string.Empty, run.Out);
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "damaged.pdf", "is a damaged PDF (pdfinfo: " },
        { "renamed.pdf", "is not a PDF (it does not start with %PDF-)" },
        { "bomb.docx", "expands to more than 209,715,200 bytes" },
        { "renamed.docx", "is not a Word document (.docx is a zip file" },
        { "banner.png", "is 30,000 × 1 pixels; atlas reads images of at most 12,000 pixels a side" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Ingest_BadPdfWordOrImageInAFolder_ReportsItNothingOfItStoredAndStoresTheRest(string name, string reason)
    {
        var path = _temp.Write("in/" + name, BadFile(name));

        await AssertRefusedAsync(path, reason, In);
        Assert.Equal(0, AtlasDatabase.Scalar(_temp.Db, "SELECT count(*) FROM document_files"));
    }

    /// <summary>The bad files, made here: none is checked in.</summary>
    private static byte[] BadFile(string name)
    {
        switch (name)
        {
            case "damaged.pdf":
                return Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n<<<< ((( xref damaged");
            case "bomb.docx":
                using (var stream = new MemoryStream())
                {
                    using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
                    {
                        using var entry = zip.CreateEntry("word/document.xml", System.IO.Compression.CompressionLevel.Fastest).Open();
                        var zeros = new byte[1 << 20];
                        for (var i = 0; i < 210; i++)
                        {
                            entry.Write(zeros);
                        }
                    }

                    return stream.ToArray();
                }

            case "banner.png":
                // A PNG header that says 30,000 × 1: refused from the header, so no pixel data is needed.
                return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0x75, 0x30, 0, 0, 0, 1, 8, 0, 0, 0, 0, 0, 0, 0, 0];
            default:
                return Encoding.UTF8.GetBytes("ข่าวประชาสัมพันธ์ที่บันทึกผิดนามสกุลไฟล์");
        }
    }

    /// <summary>
    /// Ingests <paramref name="inputs"/> and checks that <paramref name="bad"/> was reported once, on
    /// one line that names it exactly once with <paramref name="reason"/>, and the good sample stored.
    /// </summary>
    private async Task AssertRefusedAsync(string bad, string reason, params string[] inputs)
    {
        var run = await Atlas.RunAsync(["--db", _temp.Db, "ingest", .. inputs]);

        Assert.True(run.ExitCode == AtlasCommand.SomeInputsFailed, run.ToString());
        var line = Assert.Single(run.Error.Split('\n'), l => l.Contains(bad, StringComparison.Ordinal));
        Assert.Contains(reason, line, StringComparison.Ordinal);
        Assert.True(line.Split(bad).Length == 2, $"the path is named more than once: {line}");
        Assert.Equal(1, AtlasDatabase.CountDocuments(_temp.Db));
        Assert.EndsWith(Good, AtlasDatabase.Column(_temp.Db, Good, "source"), StringComparison.Ordinal);
        Assert.Contains("Ingested 1 (0 near duplicates linked), 0 duplicates skipped, 1 failed", run.Out, StringComparison.Ordinal);
    }
}
