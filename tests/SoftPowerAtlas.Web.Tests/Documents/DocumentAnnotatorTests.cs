using Microsoft.Extensions.DependencyInjection;
using SoftPowerAtlas.Storage;
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
}
