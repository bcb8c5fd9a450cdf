using System.Text.Json;
using SoftPowerAtlas.Analysis.Facts;
using SoftPowerAtlas.Analysis.Tests.Engagements;

namespace SoftPowerAtlas.Analysis.Tests.Facts;

/// <summary>Which dates the contract lists under "dates": each written date once, resolved relative ones, with offsets into the file.</summary>
public class FactsJsonDatesTests
{
    [Fact]
    public void Write_StampedPage_ListsStampRelativeAndYearlessDatesOnceWithOffsets()
    {
        const string text =
            " date 2024-01-29 Thai films to open the Osaka festival\n\n" +
            "The government said on Sunday that six Thai films will open the festival in March. " +
            "The selection includes last year's hit and a restored classic. The festival first ran on 8 March 2005.\n\n" +
            "Thai Cinema Week 2024 follows the festival; Thai Cinema Week 2024 will tour three cities.";

        var dates = Dates(text);

        Assert.Equal(
            ["2024-01-29=2024-01-29", "on Sunday=2024-01-28", "in March=2024-03", "last year=2023", "8 March 2005=2005-03-08", "Week 2024=2024"],
            dates.Select(d => d.Text + "=" + d.Normalized));
        Assert.All(dates, d => Assert.Equal(d.Text, text[d.Start..d.End]));
    }

    [Fact]
    public void Write_ThaiReportOpeningWithTodayAndItsDate_ListsTheDateNotTheWord()
    {
        const string text =
            "วันนี้ (23 กุมภาพันธ์ 2568) นายวรวุฒิ ทองคำ รัฐมนตรีว่าการกระทรวงวัฒนธรรม เปิดเผยว่า กระทรวงร่วมกับภาคเอกชนจัดงานเสวนาซอฟต์พาวเวอร์ในวันที่ 24 กุมภาพันธ์ 2568 ณ กรุงเทพฯ";

        var root = Root(text);

        Assert.Equal("2025-02-23", root.GetProperty("published").GetString());
        Assert.Equal(
            ["23 กุมภาพันธ์ 2568=2025-02-23", "วันที่ 24 กุมภาพันธ์ 2568=2025-02-24"],
            root.GetProperty("dates").EnumerateArray().Select(d => d.GetProperty("text").GetString() + "=" + d.GetProperty("normalized").GetString()));
        Assert.Contains(root.GetProperty("relative_dates").EnumerateArray(), d => d.GetProperty("text").GetString() == "วันนี้");
    }

    [Fact]
    public void Write_DayWithoutYearAnywhere_IsListedAsMonthDay()
    {
        var dates = Dates("ผู้ประกอบการไทยเข้าร่วมตลาดภาพยนตร์นานาชาติ วันที่ 12-14 มิ.ย. มีผู้ประกอบการเข้าร่วม 8 ราย นำภาพยนตร์ไปจัดฉาย 7 เรื่อง");

        var d = Assert.Single(dates);
        Assert.Equal("--06-12/--06-14", d.Normalized);
    }

    [Fact]
    public void Write_EnglishTodayMeaningNowadays_IsNotListed()
    {
        var dates = Dates("Published : 10 Jan 2022 10:17 PM\n\nWhile those activities worked well before, today they have taken on a new role in the recovery of both cities.");

        Assert.DoesNotContain(dates, d => d.Text.Equals("today", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Write_DurationCountedBack_IsNotListedAsADate()
    {
        var dates = Dates("Published : 10 Jan 2022 10:17 PM\n\nThe ties formed 45 years ago opened a new era, and the ministry will review them within the next three months.");

        Assert.DoesNotContain(dates, d => d.Text.Contains("ago", StringComparison.Ordinal));
        Assert.Contains(dates, d => d.Text == "within the next three months" && d.Normalized == "2022-01-10/2022-04-10");
    }

    private static List<(string Text, string? Normalized, int Start, int End)> Dates(string text) =>
        [.. Root(text).GetProperty("dates").EnumerateArray().Select(d => (
            d.GetProperty("text").GetString()!,
            d.GetProperty("normalized").GetString(),
            d.GetProperty("start").GetInt32(),
            d.GetProperty("end").GetInt32()))];

    private static JsonElement Root(string text)
    {
        using var json = JsonDocument.Parse(FactsJson.Write(ExtractedFacts.From(Extract.Run(text))));
        return json.RootElement.Clone();
    }
}
