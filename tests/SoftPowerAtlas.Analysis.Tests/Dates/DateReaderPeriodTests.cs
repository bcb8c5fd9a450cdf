using SoftPowerAtlas.Analysis.Dates;

namespace SoftPowerAtlas.Analysis.Tests.Dates;

/// <summary>Years, quarters and months as real pages write them: with a word, a festival, a meeting number, or a name.</summary>
public class DateReaderPeriodTests
{
    private static readonly DateOnly Anchor = new(2025, 8, 24);

    [Theory]
    [InlineData("ททท. ตั้งเป้านักท่องเที่ยวจีนปี 66 เพิ่มขึ้นสองเท่า", "ปี 66", "2023")]
    [InlineData("- ปี’65 สัญญาณตลาดท่องเที่ยวเป็นบวก", "ปี’65", "2022")]
    [InlineData("เชียงใหม่พร้อมเป็นเจ้าภาพประชุมเครือข่ายเมืองสร้างสรรค์ ปี 68", "ปี 68", "2025")]
    [InlineData("ตามแผนงาน พ.ศ. 67 ของกรม", "พ.ศ. 67", "2024")]
    [InlineData("บรรยากาศงานลอยกระทง 66 ที่สุโขทัยคึกคัก", "ลอยกระทง 66", "2023")]
    [InlineData("เตรียมจัดงานสงกรานต์ 2567 ที่ถนนข้าวสาร", "สงกรานต์ 2567", "2024")]
    [InlineData("ณ วันที่ ๒๖ เมษายน พุทธศักราช ๒๕๖๖ ที่กรุงเทพฯ", "วันที่ ๒๖ เมษายน พุทธศักราช ๒๕๖๖", "2023-04-26")]
    [InlineData("ปีนี้เป็นปี ๒๐๒๕ ของการท่องเที่ยว", "ปี ๒๐๒๕", "2025")]
    public void Find_YearWithItsWord_ReadsBuddhistOrGregorian(string text, string written, string normalized)
    {
        Assert.Equal(normalized, DateAssert.Single(text, written).Normalized);
    }

    [Theory]
    [InlineData("อายุ 20 ปี 15 วัน")]
    [InlineData("ครบรอบ 30 ปี 25 ท่าน")]
    public void Find_CountOfYearsThenNumber_IsNoYear(string text)
    {
        Assert.DoesNotContain(DateReader.Default.Find(text), m => m.Value.Granularity == DateGranularity.Year && m.HasValue);
    }

    [Theory]
    [InlineData("ในการประชุมคณะอนุกรรมการมรดกโลก ครั้งที่ 2/2568 ซึ่งที่ประชุมมีมติ", "2/2568", "2025")]
    [InlineData("การประชุมคณะทำงาน ครั้งที่ ๑/๒๕๖๖ ณ ห้องประชุม", "๑/๒๕๖๖", "2023")]
    [InlineData("การประชุมครั้งที่ 3/66 มีมติเห็นชอบ", "3/66", "2023")]
    public void Find_MeetingNumberWithYear_IsTheYearAndNamesTheMeeting(string text, string written, string normalized)
    {
        var mention = DateAssert.Single(text, written);
        Assert.Equal(normalized, mention.Normalized);
        Assert.Equal(DateRole.Name, mention.Role);
    }

    [Theory]
    [InlineData("Sales rose in Q3 2025 across the region.", "Q3 2025", "2025-Q3")]
    [InlineData("The fund opens in Q1/2026 for applicants.", "Q1/2026", "2026-Q1")]
    [InlineData("Results for 2024 Q4 were strong.", "2024 Q4", "2024-Q4")]
    [InlineData("The pavilion opens in the third quarter of 2025.", "third quarter of 2025", "2025-Q3")]
    [InlineData("Work runs through Q3-Q4 2025 in Osaka.", "Q3-Q4 2025", "2025-Q3/2025-Q4")]
    [InlineData("คาดว่าจะเปิดให้บริการในไตรมาส 3 ปี 2568 นี้", "ไตรมาส 3 ปี 2568", "2025-Q3")]
    [InlineData("ยอดขายไตรมาสที่ 2/2567 เติบโต", "ไตรมาสที่ 2/2567", "2024-Q2")]
    [InlineData("แผนงานไตรมาสแรกของปี 2569 ประกอบด้วย", "ไตรมาสแรกของปี 2569", "2026-Q1")]
    public void Find_Quarter_IsWrittenYearDashQ(string text, string written, string normalized)
    {
        var mention = DateAssert.Single(text, written);
        Assert.True(mention.IsQuarter);
        Assert.Equal(normalized, mention.Normalized);
    }

    [Theory]
    [InlineData("The launch is planned for the third quarter of next year.", "third quarter of next year", "2026-Q3")]
    [InlineData("ตั้งเป้าเปิดตัวในไตรมาส 1 ปีหน้า", "ไตรมาส 1 ปีหน้า", "2026-Q1")]
    [InlineData("The second quarter of this year saw more visitors.", "second quarter of this year", "2025-Q2")]
    public void Find_QuarterOfRelativeYear_CountsFromAnchor(string text, string written, string normalized)
    {
        Assert.Equal(normalized, DateAssert.Single(text, written, Anchor).Normalized);
    }

    [Fact]
    public void Find_QuarterOfFiscalYear_IsNotReadAsCalendarQuarter()
    {
        Assert.DoesNotContain(DateReader.Default.Find("Revenue in Q1 FY2025 rose by 5%."), m => m.IsQuarter);
    }

    [Theory]
    [InlineData("Thai Cinema Kaleidoscope 2024, in collaboration with", "Kaleidoscope 2024", "2024")]
    [InlineData("the highly anticipated Muay Thai Festival 2024 on the lawn", "Festival 2024", "2024")]
    [InlineData("shortlisted for the 2019 Unesco Creative Cities Network", "2019 Unesco", "2019")]
    [InlineData("ได้ร่วมออกบูธใน \"งานวัฒนธรรม 2021\" ณ ริมน้ำ", "งานวัฒนธรรม 2021", "2021")]
    [InlineData("(2023-2024 Korea-Thailand Mutual Visit Years)", "2023-2024 Korea", "2023/2024")]
    public void Find_YearInAName_KeepsTheNameWordAndNamesIt(string text, string written, string normalized)
    {
        var mention = DateAssert.Single(text, written);
        Assert.Equal(normalized, mention.Normalized);
        Assert.Equal(DateRole.Name, mention.Role);
    }

    [Theory]
    [InlineData("More than 2000 people attended the fair.")]
    [InlineData("The fund has 2024 members across Asia.")]
    [InlineData("ผู้เข้าร่วมงานกว่า 2500 คน")]
    [InlineData("ประชุมที่ห้อง 2501 อาคาร 2")]
    [InlineData("Room 2019, Building C")]
    [InlineData("โทร 2024 5678")]
    [InlineData("ราคา 1999 บาท")]
    [InlineData("from a restored classic of the 1970s to recent titles")]
    [InlineData("Films of the 1990's return to the screen")]
    public void Find_NumberThatCountsOrIsLabelled_IsNoYear(string text)
    {
        var mentions = DateReader.Default.Find(text);
        Assert.True(mentions.Count == 0, "unexpected: " + string.Join(" | ", mentions.Select(m => $"'{m.Text}'={m.Normalized}")));
    }

    [Theory]
    [InlineData("ส่งตัวแทนไปแข่งขันในช่วงเดือน พ.ค. - ต.ค. ไปยังเมืองพี่เมืองน้อง", "เดือน พ.ค. - ต.ค.", "2025-05/2025-10")]
    [InlineData("ยืนยันความพร้อมเป็นเจ้าภาพงานเกมในเอเชีย ต.ค. นี้", "ต.ค. นี้", "2025-10")]
    [InlineData("เตรียมจัดมหกรรมอาหารไทยในเดือนมีนาคมปีหน้า ที่กรุงปารีส", "เดือนมีนาคมปีหน้า", "2026-03")]
    [InlineData("The films will screen at the festival in March, the ministry said.", "in March", "2026-03")]
    [InlineData("Starting from January, the embassy will post a series.", "Starting from January", "2026-01")]
    [InlineData("The report was filed last December by the committee.", "last December", "2024-12")]
    public void Find_MonthWithoutDay_TakesYearFromAnchorOnTheSideItsWordsSay(string text, string written, string normalized)
    {
        Assert.Equal(normalized, DateAssert.Single(text, written, Anchor).Normalized);
    }

    [Theory]
    [InlineData("The exhibition opens in May and runs all summer.")]
    [InlineData("ทุกปีในเดือนเมษายนจะมีงานประเพณีสงกรานต์")]
    public void Find_MonthWithoutDayOrAnyYear_IsNotListed(string text)
    {
        Assert.DoesNotContain(DateReader.Default.Find(text), m => m.Value.Granularity == DateGranularity.Month);
    }

    [Fact]
    public void Find_MonthListedBeforeDatedMonth_SharesItsYear()
    {
        var mentions = DateReader.Default.Find("In January and March 2022, two special articles appear.", new DateOnly(2022, 1, 10));
        Assert.Equal(["In January=2022-01", "March 2022=2022-03"], mentions.Select(m => m.Text + "=" + m.Normalized));
    }

    [Theory]
    [InlineData("The new museum law should pass parliament by mid-2025, officials said.", "mid-2025", "2025-06")]
    [InlineData("a cultural exchange will take place in early 2025.", "early 2025", "2025")]
    [InlineData("The MOU will be signed at the beginning of 2026 and run for five years.", "beginning of 2026", "2026")]
    [InlineData("The festival returns at the start of 2027 in Osaka.", "start of 2027", "2027")]
    [InlineData("Screenings follow in the first half of 2026 across Europe.", "half of 2026", "2026")]
    [InlineData("จะเปิดให้บริการได้ในกลางปี 2569", "กลางปี 2569", "2026-06")]
    public void Find_PartOfAYear_IsTheYearOrItsMiddleMonth(string text, string written, string normalized)
    {
        Assert.Equal(normalized, DateAssert.Single(text, written).Normalized);
    }

    [Theory]
    [InlineData("จัดกิจกรรมวันที่ 12 และ 14 มีนาคม 2567 ณ ลานหน้าศาลากลาง", new[] { "วันที่ 12=2024-03-12", "14 มีนาคม 2567=2024-03-14" })]
    [InlineData("Screenings on March 12 and 14, 2024 at the embassy.", new[] { "March 12=2024-03-12", "14, 2024=2024-03-14" })]
    [InlineData("Workshops on 5, 8 and 12 June 2024 in Lyon.", new[] { "5=2024-06-05", "8=2024-06-08", "12 June 2024=2024-06-12" })]
    [InlineData("in 2015 and 2017, respectively.", new[] { "in 2015=2015", "2017=2017" })]
    public void Find_ListOfDays_IsDatesOfTheirOwnNotARange(string text, string[] expected)
    {
        Assert.Equal(expected, DateReader.Default.Find(text).Select(m => m.Text + "=" + m.Normalized));
    }

    [Theory]
    [InlineData("Nuad Thai 16 12 2562\nเมื่อวันที่ 12", "16 12 2562", "2019-12-16")]
    [InlineData("วันที่บันทึก :23/06/2023", "23/06/2023", "2023-06-23")]
    [InlineData("วันที่ o๙/o๔/๒๕๖๑", "วันที่ o๙/o๔/๒๕๖๑", "2018-04-09")]
    [InlineData("Wednesday 26, April 2023, 10.00am. Mr. Sathaporn", "Wednesday 26, April 2023, 10.00am", "2023-04-26T10:00")]
    [InlineData("Published : Jul 21, 2021 - 20:54", "Jul 21, 2021 - 20:54", "2021-07-21T20:54")]
    [InlineData("เรื่องใหม่\n\nมิถุนายน 27, 2562\n\nสถานเอกอัครราชทูตฯ", "มิถุนายน 27, 2562", "2019-06-27")]
    [InlineData("date 2024-04 กกท. ผนึกกำลัง", "2024-04", "2024-04")]
    public void Find_StampForms_ReadSpanAndValue(string text, string written, string normalized)
    {
        Assert.Equal(normalized, DateAssert.Single(text, written).Normalized);
    }

    [Theory]
    [InlineData("Revenue for 2011-12 rose by a tenth.")]
    [InlineData("ISO 2024-01 compliance")]
    public void Find_YearDashTwoDigits_IsNoMonthWhenItReadsAsYears(string text)
    {
        Assert.DoesNotContain(DateReader.Default.Find(text), m => m.Value.Granularity == DateGranularity.Month);
    }

    [Fact]
    public void Find_RangeWithTime_DropsTheTime()
    {
        var mention = DateAssert.Single("จะจัดในวันที่ 7 – 11 ธันวาคม 2565 เวลา 16.00 น. ที่พารากอน", "วันที่ 7 – 11 ธันวาคม 2565");
        Assert.Equal("2022-12-07/2022-12-11", mention.Normalized);
    }

    [Theory]
    [InlineData("ข่ า ว ป ร ะ ช า สั ม พั น ธ์ 1 5 ม ก ร า ค ม 2 5 6 7\nกรมส่งเสริมวัฒนธรรม", "1 5 ม ก ร า ค ม 2 5 6 7", "2024-01-15")]
    [InlineData("Thai Film Week\nM A R C H 1 2 , 2 0 2 4\nThe week opens in Lyon.", "M A R C H 1 2 , 2 0 2 4", "2024-03-12")]
    public void Find_LetterSpacedHeading_ReadsTheDateWithItsSpan(string text, string written, string normalized)
    {
        Assert.Equal(normalized, DateAssert.Single(text, written).Normalized);
    }

    [Theory]
    [InlineData("ข้อ 1 2 3 4 ของประกาศ")]
    [InlineData("Grades A B C D and E apply.")]
    public void Find_SpacedSingleCharactersWithoutADate_FindsNothing(string text)
    {
        Assert.Empty(DateReader.Default.Find(text));
    }

    [Fact]
    public void Find_RangesOnOneLongLine_EachReadWholeOnce()
    {
        // A range holds shorter dates ("11 ธันวาคม 2565"): the longest is kept, on a line of 400 of them as in one sentence.
        const string Sentence = "จะจัดในวันที่ 7 – 11 ธันวาคม 2565 เวลา 16.00 น. ที่พารากอน และ ";
        var text = string.Concat(Enumerable.Repeat(Sentence, 400));
        var mentions = DateReader.Default.Find(text);

        Assert.Equal(400, mentions.Count);
        for (var i = 0; i < mentions.Count; i++)
        {
            Assert.Equal("วันที่ 7 – 11 ธันวาคม 2565", mentions[i].Text);
            Assert.Equal((i * Sentence.Length) + Sentence.IndexOf("วันที่", StringComparison.Ordinal), mentions[i].Span.Start);
            Assert.Equal("2022-12-07/2022-12-11", mentions[i].Normalized);
        }
    }
}
