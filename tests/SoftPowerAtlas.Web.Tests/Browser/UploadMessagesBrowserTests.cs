namespace SoftPowerAtlas.Web.Tests.Browser;

/// <summary>What an upload did, said on the ingest page in the reader's language (the API's <c>message</c> stays English).</summary>
public sealed class UploadMessagesBrowserTests : BrowserTest
{
    [Theory]
    [InlineData("th", "empty.txt", "", "ไม่สำเร็จ", "upload/empty.txt เป็นไฟล์ว่าง")]
    [InlineData("th", "notes.csv", "a,b\n1,2\n", "ไม่สำเร็จ", "notes.csv: ไม่อ่านไฟล์ .csv (อ่านได้เฉพาะ .txt, .md")]
    [InlineData("th", "release.txt", "กระทรวงวัฒนธรรมหารือกับสถานทูตญี่ปุ่น เมื่อวันที่ 5 มิถุนายน 2567\n", "", "จัดเก็บเป็นเอกสารหมายเลข 11")]
    [InlineData("en", "empty.txt", "", "", "upload/empty.txt is empty (0 bytes)")]
    public async Task Ingest_Upload_SaysWhatHappenedInTheReadersLanguage(string lang, string name, string content, string lead, string expected)
    {
        var folder = Path.Combine(Path.GetTempPath(), "atlas-upload-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, name);
        await File.WriteAllTextAsync(file, content);
        try
        {
            await Page.GotoAsync("/ingest?lang=" + lang);
            await Page.SetInputFilesAsync("#file-input", file);
            var row = Page.Locator("#upload-list li[data-status]");
            await row.WaitForAsync();
            var text = await row.TextContentAsync() ?? string.Empty;
            Assert.Contains(expected, text, StringComparison.Ordinal);
            Assert.Contains(lead, text, StringComparison.Ordinal);
            if (lang == "th")
            {
                Assert.DoesNotMatch("(is empty|files are not read|stored as document)", text);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
