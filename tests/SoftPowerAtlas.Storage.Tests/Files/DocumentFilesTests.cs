using SoftPowerAtlas.Analysis.Formats;
using SoftPowerAtlas.Storage.Files;
using SoftPowerAtlas.Storage.Tests.Postgres;
using SoftPowerAtlas.Storage.Tests.Sqlite;

namespace SoftPowerAtlas.Storage.Tests.Files;

/// <summary>The original file of a PDF or Word document and its page starts, written once and run on SQLite and PostgreSQL.</summary>
public abstract class DocumentFilesTests<TFixture> : IDisposable
    where TFixture : StoreFixture, new()
{
    private readonly TFixture _fixture = new();
    private readonly IAtlasStore _store;

    protected DocumentFilesTests() => _store = _fixture.Open(new FixedClock());

    [Theory]
    [InlineData(new[] { 0 }, 25, 1)]
    [InlineData(new[] { 0, 40 }, 39, 1)]
    [InlineData(new[] { 0, 40 }, 40, 2)]
    [InlineData(new[] { 0, 40, 40, 90 }, 45, 3)]
    public void Add_DocumentWithFile_BytesAndPageStartsComeBackExactly(int[] starts, int offset, int page)
    {
        byte[] bytes = [0x25, 0x50, 0x44, 0x46, 0x2D, 0x00, 0xFF, 0x0A, 0x80];
        var document = Samples.Document(Samples.ThaiSegmented, "downloads/mfa-release.pdf") with
        {
            Format = "pdf",
            File = new DocumentFile("application/pdf", bytes, starts),
        };

        var id = Add(document);
        var file = DocumentFiles.Get(_store, id);

        Assert.NotNull(file);
        Assert.Equal("application/pdf", file.MediaType);
        Assert.Equal(bytes, file.Bytes);
        Assert.Equal(starts, file.PageStarts);
        Assert.Equal(page, file.PageAt(offset));
        Assert.Equal(starts, DocumentFiles.PageStarts(_store, id));
    }

    [Fact]
    public void Get_TextDocument_NoFile()
    {
        var id = Add(Samples.Document(Samples.ThaiSegmented));

        Assert.Null(DocumentFiles.Get(_store, id));
        Assert.Null(DocumentFiles.PageStarts(_store, id));
    }

    [Fact]
    public void Dispose_BatchNotCommitted_FileNotStoredEither()
    {
        var document = Samples.Document(Samples.ThaiSegmented, "downloads/plan.docx") with
        {
            Format = "word",
            File = new DocumentFile("application/octet-stream", [1, 2, 3], [0]),
        };
        long id;
        using (var batch = _store.BeginBatch())
        {
            id = batch.Add(document);
        }

        Assert.Null(_store.GetDocument(id));
        Assert.Null(DocumentFiles.Get(_store, id));
    }

    public void Dispose()
    {
        _store.Dispose();
        _fixture.Dispose();
        GC.SuppressFinalize(this);
    }

    private long Add(NewDocument document)
    {
        using var batch = _store.BeginBatch();
        var id = batch.Add(document);
        batch.Commit();
        return id;
    }
}

/// <summary>The file suite on a SQLite file.</summary>
public sealed class SqliteDocumentFilesTests : DocumentFilesTests<SqliteStoreFixture>;

/// <summary>The file suite on the test PostgreSQL server.</summary>
public sealed class PostgresDocumentFilesTests : DocumentFilesTests<PostgresStoreFixture>;
