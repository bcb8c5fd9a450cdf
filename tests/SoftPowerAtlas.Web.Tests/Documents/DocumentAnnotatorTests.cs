using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SoftPowerAtlas.Analysis.Pipeline;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Reading;
using SoftPowerAtlas.Web.Documents;
using SoftPowerAtlas.Web.Tests.Support;

namespace SoftPowerAtlas.Web.Tests.Documents;

public sealed class DocumentAnnotatorTests : WebTest
{
    [Fact]
    public void FromStoredFacts_EverySample_SameMarksAsAnalysingAgain()
    {
        var store = Factory.Services.GetRequiredService<IAtlasStore>();
        var annotator = Factory.Services.GetRequiredService<DocumentAnnotator>();
        for (long id = 1; id <= 10; id++)
        {
            var document = store.GetDocument(id)!; // The samples are documents 1 to 10.
            var stored = annotator.FromStoredFacts(document);
            Assert.NotNull(stored);
            var analysed = annotator.FromAnalysis(document);
            Assert.Equal(document.CleanText, stored.CleanText);
            Assert.True(analysed.Facts.Count > 0, document.Source);
            // The same spans of the same kinds; stored facts name a given name alone ("Mr. Worawut") by the
            // person it was resolved to, so a label or link may be fuller, never lost.
            Assert.Equal(analysed.Facts.Select(f => (f.Start, f.End, f.Kind, f.OriginalStart, f.OriginalEnd)), stored.Facts.Select(f => (f.Start, f.End, f.Kind, f.OriginalStart, f.OriginalEnd)));
            Assert.All(analysed.Facts.Zip(stored.Facts), p => Assert.True(p.First.Href is null || p.First.Href == p.Second.Href, $"{p.First} / {p.Second}"));
            Assert.Equal(string.Concat(stored.Runs.Select(r => r.Text)), document.CleanText);
            Assert.All(stored.Facts, f => Assert.True(f.OriginalEnd <= document.OriginalText.Length && f.End <= document.CleanText.Length));
        }
    }

    [Fact]
    public void FromStoredFacts_NoFactsStored_NullSoThePageAnalysesAgain()
    {
        var store = Factory.Services.GetRequiredService<IAtlasStore>();
        var annotator = Factory.Services.GetRequiredService<DocumentAnnotator>();
        var document = store.GetDocument(3)!;
        Assert.Null(annotator.FromStoredFacts(document with { FactsJson = null }));
        Assert.Null(annotator.FromStoredFacts(document with { CleanText = document.CleanText + " changed" }));
        Assert.NotEmpty(annotator.Annotate(document with { FactsJson = null }).Facts);
    }

    [Fact]
    public void FromStoredFacts_AsThePreviousVersionWroteThem_PlacedInTheCleanText()
    {
        var store = Factory.Services.GetRequiredService<IAtlasStore>();
        var annotator = Factory.Services.GetRequiredService<DocumentAnnotator>();
        var text = Golden("previous_version.txt");
        var document = store.GetDocument(1)! with { Source = "releases/previous_version.txt", Format = "text", OriginalText = text, FactsJson = Golden("previous_version.facts.json") };
        document = document with { CleanText = annotator.FromAnalysis(document).CleanText };

        var stored = annotator.FromStoredFacts(document);

        Assert.NotNull(stored);
        Assert.All(stored.Facts, f => Assert.Equal(text[f.OriginalStart..f.OriginalEnd].Trim(), stored.CleanText[f.Start..f.End]));
        Assert.Contains(stored.Facts, f => (f.Kind, f.Label, text[f.OriginalStart..f.OriginalEnd]) == (FactKind.Date, "2025-05-20/2025-05-22", "วันที่ 20-22 พฤษภาคม 2568"));
        Assert.Contains(stored.Facts, f => (f.Kind, f.Label, f.OriginalStart, f.OriginalEnd) == (FactKind.Date, "2025-03-12", 88, 99)); // เมื่อวานนี้, resolved at ingest
        Assert.Contains(stored.Facts, f => (f.Kind, f.Label, f.OriginalStart, f.OriginalEnd) == (FactKind.Person, "กมลวรรณ ศรีสุข", 100, 120));
        Assert.Contains(stored.Facts, f => (f.Kind, f.Href, text[f.OriginalStart..f.OriginalEnd]) == (FactKind.Country, "/countries/JP", "ญี่ปุ่น"));
        Assert.Contains(stored.Facts, f => (f.Kind, f.Href, text[f.OriginalStart..f.OriginalEnd]) == (FactKind.Province, "/provinces/TH-50", "จังหวัดเชียงใหม่"));
        Assert.DoesNotContain(stored.Facts, f => f.Kind == FactKind.Date && text[f.OriginalStart..f.OriginalEnd].Contains("31 กุมภาพันธ์", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("cut")]
    [InlineData("{}")]
    [InlineData("""{"dates": "soon", "relative_dates": [], "events": [], "commitments": []}""")]
    [InlineData("""{"dates": [], "relative_dates": [], "events": [{"type": "meeting", "evidence": {"start": "x"}}], "commitments": []}""")]
    [InlineData("<html>not facts</html>")]
    public void Annotate_StoredFactsUnreadable_AnalysedAgainInstead(string damage)
    {
        var store = Factory.Services.GetRequiredService<IAtlasStore>();
        var log = new ListLogger();
        var annotator = new DocumentAnnotator(Factory.Services.GetRequiredService<AnalysisPipeline>(), Factory.Services.GetRequiredService<AtlasReader>(),
            Factory.Services.GetRequiredService<IMemoryCache>(), log);
        var document = store.GetDocument(3)!;
        var damaged = document with { FactsJson = damage == "cut" ? document.FactsJson![..(document.FactsJson!.Length / 2)] : damage };

        var annotated = annotator.Annotate(damaged);

        Assert.NotEmpty(annotated.Facts);
        Assert.Equal(annotator.FromAnalysis(document).Facts, annotated.Facts);
        var warning = Assert.Single(log.Messages);
        Assert.StartsWith("Document 3: its stored facts cannot be read (", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocumentPage_StoredFactsCutShort_ShownWithTheFactsOfAFreshAnalysis()
    {
        var id = await SampleId("th_blog_film_korea.txt");
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Database.Path, Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"UPDATE documents SET facts_packed = substr(facts_packed, 1, 300) WHERE id = {id}";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        using var page = await Client.GetAsync($"/documents/{id}");
        using var api = await Client.GetAsync($"/api/documents/{id}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Matches("<a class=\"fact fact-country\"[^>]* href=\"/countries/KR\"", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task Overview_AfterAnUpload_CountsTheNewDocument()
    {
        Assert.Equal(10, (await GetJson("/api/overview")).GetProperty("documents").GetInt64());
        using var form = new MultipartFormDataContent
        {
            { new StringContent("กระทรวงวัฒนธรรมหารือกับสถานเอกอัครราชทูตฝรั่งเศส เรื่องภาพยนตร์ เมื่อวันที่ 5 มิถุนายน 2567\n"), "files", "new.txt" },
        };
        using var upload = await Client.PostAsync("/api/ingest", form);
        upload.EnsureSuccessStatusCode();
        Assert.Equal(11, (await GetJson("/api/overview")).GetProperty("documents").GetInt64());
    }

    private static string Golden(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "Facts", name));

    /// <summary>Keeps what was logged, for the tests that check a damaged row is reported.</summary>
    private sealed class ListLogger : ILogger<DocumentAnnotator>
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }
}
