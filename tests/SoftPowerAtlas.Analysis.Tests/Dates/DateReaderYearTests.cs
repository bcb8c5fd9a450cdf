using SoftPowerAtlas.Analysis.Dates;

namespace SoftPowerAtlas.Analysis.Tests.Dates;

/// <summary>Where a date written without its year gets one, and what it is written as when nothing gives one.</summary>
public class DateReaderYearTests
{
    [Theory]
    [InlineData("ผู้ประกอบการไทยเข้าร่วมตลาดภาพยนตร์ วันที่ 12-14 มิ.ย. รวม 8 ราย", "วันที่ 12-14 มิ.ย.", "--06-12/--06-14")]
    [InlineData("Minister Nguyen Van Hung on December 10 hailed the embassy.", "December 10", "--12-10")]
    [InlineData("เมื่อวันที่ 6 ธ.ค. ที่เมืองคาซาเน นายโกวิท ผกามาศ", "วันที่ 6 ธ.ค.", "--12-06")]
    public void Find_DayWithoutYearAnywhere_IsWrittenWithoutYear(string text, string written, string normalized)
    {
        var mention = DateAssert.Single(text, written);
        Assert.Equal(normalized, mention.Normalized);
        Assert.False(mention.Value.HasYear);
    }

    [Fact]
    public void Find_DayInAPassageNamingOneYear_TakesThatYear()
    {
        const string text = "เมื่อวันที่ 24 เม.ย. รัฐมนตรีเป็นประธานพิธีเปิดอาคารนิทรรศการไทย ในงาน Expo 2025 ที่นครโอซากา";
        Assert.Equal("2025-04-24", DateAssert.Single(text, "วันที่ 24 เม.ย.").Normalized);
    }

    [Fact]
    public void Find_DayInAPassageNamingSeveralYears_StaysWithoutYear()
    {
        const string text = "เมื่อวันที่ 18 ก.ค. ครม. เห็นชอบให้เชียงใหม่เสนอตัวจัดประชุมในปี 2568 ตามเป้าหมายปี 2030 และปฏิญญา Mondiacult 2022";
        Assert.Equal("--07-18", DateAssert.Single(text, "วันที่ 18 ก.ค.").Normalized);
    }

    [Fact]
    public void Find_DayWrittenElsewhereWithItsYear_TakesThatYear()
    {
        const string text = "6 สิงหาคมนี้ ไทย-เวียดนาม ฉลองความสัมพันธ์ 45 ปี\nซึ่งตรงกับวันที่ 6 สิงหาคม 2564 ตามที่ได้สถาปนาความสัมพันธ์";
        Assert.Equal("2021-08-06", DateAssert.Single(text, "6 สิงหาคมนี้").Normalized);
    }

    [Fact]
    public void Find_DatelineWithoutYear_TakesNoYearFromItsPassage()
    {
        const string text = "BANGKOK, Nov 11 (TNA) – The year 2025 marks the 50th anniversary of relations.";
        Assert.Equal("--11-11", DateAssert.Single(text, "Nov 11").Normalized);
    }

    [Theory]
    // Nearest the anchor when no word says which side.
    [InlineData("งานจะจัดในวันที่ 5 มกราคม ที่ลานกว้าง", "วันที่ 5 มกราคม", "2023-12-20", "2024-01-05")]
    // เมื่อ … ที่ผ่านมา: on or before the anchor (a few days of slack for a stamp written later).
    [InlineData("เมื่อวันที่ 24 เมษายนที่ผ่านมา สำนักงานได้จัดอบรม", "วันที่ 24 เมษายน", "2024-03-01", "2023-04-24")]
    [InlineData("เมื่อวันที่ 24 เมษายนที่ผ่านมา สำนักงานได้จัดอบรม", "วันที่ 24 เมษายน", "2024-04-20", "2024-04-24")]
    // … นี้: on or after it.
    [InlineData("ส่งครูมวยไปปฏิบัติหน้าที่ระหว่าง 7-9 พ.ค.นี้", "7-9 พ.ค.นี้", "2024-04-24", "2024-05-07/2024-05-09")]
    [InlineData("กำหนดจัดงานวันที่ 10 มิถุนายนนี้ ณ หอประชุม", "วันที่ 10 มิถุนายนนี้", "2024-12-20", "2025-06-10")]
    [InlineData("The event will be held on October 5 this year in Dhaka.", "October 5 this year", "2022-01-10", "2022-10-05")]
    public void Find_DayWithoutYear_TakesTheYearOnTheSideItsWordsSay(string text, string written, string anchor, string normalized)
    {
        var mention = DateAssert.Single(text, written, DateOnly.Parse(anchor, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(normalized, mention.Normalized);
        Assert.NotNull(mention.ResolvedAgainst);
    }

    [Fact]
    public void Find_AnniversaryFarFromAnchor_DoesNotGiveItsYearToThisYearsDays()
    {
        const string text = "ก่อตั้งเมื่อวันที่ 8 สิงหาคม 2510 สำหรับกิจกรรมประจำปีนี้ กระทรวงกำหนดจัดระหว่างวันที่ 8-10 สิงหาคม มีการแสดง";
        Assert.Equal("2019-08-08/2019-08-10", DateAssert.Single(text, "วันที่ 8-10 สิงหาคม", new DateOnly(2019, 8, 9)).Normalized);
    }

    [Theory]
    // Saturday: the Friday before.
    [InlineData("The ministry and the embassy on Friday co-hosted a gala night.", "on Friday", "2021-12-04", "2021-12-03")]
    // Monday: the same day.
    [InlineData("a statement of the embassy said Monday.", "said Monday", "2022-01-10", "2022-01-10")]
    // Wednesday, and the words say it is to come: the Sunday after.
    [InlineData("The embassy will broadcast the festival live Sunday.", "Sunday", "2021-07-21", "2021-07-25")]
    // Monday, and the sentence goes on (or went on, far before the day) in the future: the day after; said in the past right before it: the day before.
    [InlineData("On Wednesday, the former minister will speak on crafts and design.", "On Wednesday", "2025-07-07", "2025-07-09")]
    [InlineData("The chef will join a long discussion with two boxers and a taekwondo champion on \"Food and Sport\" on Thursday.", "on Thursday", "2025-07-07", "2025-07-10")]
    [InlineData("The forum will open in Bangkok, the spokesman announced on Sunday.", "on Sunday", "2025-07-07", "2025-07-06")]
    // Friday: "next Friday" is a week on, "last Friday" a week back.
    [InlineData("The committee meets next Friday in Bangkok.", "next Friday", "2024-05-31", "2024-06-07")]
    [InlineData("The committee met last Friday in Bangkok.", "last Friday", "2024-05-31", "2024-05-24")]
    [InlineData("คณะกรรมการประชุมเมื่อวันศุกร์ที่ผ่านมา ที่ทำเนียบ", "เมื่อวันศุกร์", "2024-06-01", "2024-05-31")]
    public void Find_Weekday_IsTheDayOfThatNameNearTheAnchor(string text, string written, string anchor, string normalized)
    {
        var mention = DateAssert.Single(text, written, DateOnly.Parse(anchor, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(mention.IsRelative);
        Assert.Equal(normalized, mention.Normalized);
    }

    [Theory]
    [InlineData("Thai films are screened every Friday at the embassy.")]
    [InlineData("Shops close on Good Friday in Australia.")]
    [InlineData("The office is open Monday to Friday.")]
    [InlineData("เปิดให้เข้าชมทุกวันพุธ ตั้งแต่เวลา 10.00 น.")]
    [InlineData("จัดขึ้นในวันพุธที่ 11 มกราคม 2566")]
    public void Find_WeekdayThatIsNoSingleDay_IsNoWeekdayMention(string text)
    {
        Assert.DoesNotContain(DateReader.Default.Find(text, new DateOnly(2024, 5, 29)), m => m.IsRelative);
    }

    [Theory]
    [InlineData("The UK and Thailand are to sign two MoUs within the next three months.", "within the next three months", "2024-04-03/2024-07-03", "2024-07-03")]
    [InlineData("re-submit them for the next contest in two years, he said.", "in two years", "2026", "2026")]
    [InlineData("คาดว่าจะแล้วเสร็จในอีก 3 เดือน", "ในอีก 3 เดือน", "2024-07", "2024-07")]
    [InlineData("ต้องส่งเอกสารภายในสามเดือน", "ภายในสามเดือน", "2024-04-03/2024-07-03", "2024-07-03")]
    public void Find_DurationFromAnchor_IsThePeriodOrThePointAhead(string text, string written, string normalized, string due)
    {
        var mention = DateAssert.Single(text, written, new DateOnly(2024, 4, 3));
        Assert.Equal(normalized, mention.Normalized);
        Assert.Equal(due, mention.DueForm);
    }

    [Theory]
    [InlineData("This will be the second time in 22 years that the relic is shown.")]
    [InlineData("It was the first festival in 3 years, due to the pandemic.")]
    [InlineData("Arrivals were the highest in ten years.")]
    public void Find_InYearsLookingBack_IsNoDate(string text)
    {
        Assert.DoesNotContain(DateReader.Default.Find(text, new DateOnly(2024, 4, 3)), m => m.HasValue);
    }

    [Theory]
    [InlineData("และจะจัดอีกครั้งในต้นปีหน้า", "ต้นปีหน้า", "2026", "2026")]
    [InlineData("คาดว่าจะแล้วเสร็จกลางปีหน้า", "กลางปีหน้า", "2026-06", "2026-06")]
    [InlineData("ต้องยื่นเอกสารให้ครบภายในสิ้นปี เพื่อ", "สิ้นปี", "2025", "2025-12-31")]
    [InlineData("ทางสายการบินจะเพิ่มเที่ยวบินก่อนปีใหม่", "ก่อนปีใหม่", "2025", "2025-12-31")]
    [InlineData("The plan will be ready by the end of the year.", "the end of the year", "2025", "2025-12-31")]
    [InlineData("The festival is expected early next year.", "early next year", "2026", "2026")]
    [InlineData("Throughout the year, the embassy will post documents.", "Throughout the year", "2025", "2025")]
    public void Find_PartOfRelativeYear_IsTheYearAndEndsAsADue(string text, string written, string normalized, string due)
    {
        var mention = DateAssert.Single(text, written, new DateOnly(2025, 8, 24));
        Assert.Equal(normalized, mention.Normalized);
        Assert.Equal(due, mention.DueForm);
    }

    [Fact]
    public void Find_RelativeYearWithoutAnchor_CountsFromTheYearTheTextNames()
    {
        const string text = "The year 2025 marks the 50th anniversary of relations.\nThroughout the year, both governments have planned events.";
        Assert.Equal("2025", DateAssert.Single(text, "Throughout the year").Normalized);
    }

    [Fact]
    public void Find_RelativeDayWithoutAnchor_HasNoValue()
    {
        var mention = DateAssert.Single("The delegation arrived yesterday in Bangkok", "yesterday");
        Assert.False(mention.HasValue);
    }

    [Fact]
    public void Find_DayWordBeforeItsDateInBrackets_MeansThatDate()
    {
        var mentions = DateReader.Default.Find("วันนี้ (28 ก.พ. 66) รองโฆษกฯ กล่าวว่า ครม. เห็นชอบ", new DateOnly(2023, 3, 5));
        Assert.Equal(["วันนี้=2023-02-28", "28 ก.พ. 66=2023-02-28"], mentions.Select(m => m.Text + "=" + m.Normalized));
    }

    [Fact]
    public void Find_DayWordsBeforeBracketedDatesOnOneLongLine_EachMeansItsOwnDate()
    {
        // One line of 600 short reports, each opening with วันนี้ and its day in brackets (looked up by position, not searched).
        var text = string.Concat(Enumerable.Range(0, 600).Select(i => $"วันนี้ ({(i % 28) + 1} มี.ค. 68) คณะผู้แทนจากกรมส่งเสริมวัฒนธรรมเข้าพบเอกอัครราชทูต "));
        var mentions = DateReader.Default.Find(text, new DateOnly(2025, 4, 10));

        var words = mentions.Where(m => m.Text == "วันนี้").ToList();
        Assert.Equal(600, words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            var date = Assert.Single(mentions, m => m.Span.Start == words[i].Span.End + 2);
            Assert.Equal($"{(i % 28) + 1} มี.ค. 68", date.Text);
            Assert.Equal(date.Normalized, words[i].Normalized);
            Assert.Equal($"2025-03-{(i % 28) + 1:00}", words[i].Normalized);
        }
    }
}
