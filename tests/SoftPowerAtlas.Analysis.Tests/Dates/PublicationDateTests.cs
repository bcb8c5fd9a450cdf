using SoftPowerAtlas.Analysis.Dates;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Tests.Dates;

public class PublicationDateTests
{
    private const string Body =
        "วันที่ 26 กันยายน 2566 นางสาวพิมพ์ชนก ศรีวงศ์ทอง รองอธิบดีกรมส่งเสริมวัฒนธรรม เป็นประธานเปิดการอบรมเชิงปฏิบัติการ “เล่าเรื่องอาหารไทยผ่านสื่อออนไลน์” โดยมี นายธนากร แก้วประเสริฐ ผู้อำนวยการกองประชาสัมพันธ์ ร่วมเป็นเกียรติ";

    [Theory]
    [InlineData("รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-รองปลัดฯ เร่งเครื่อง\n\n\nวันพุธที่ 27 กันยายน 2566\n27/09/2566\nพิมพ์\n", "2023-09-27")]
    [InlineData("ข่าวประชาสัมพันธ์\n27/09/2566\n", "2023-09-27")]
    [InlineData("Travel Notes\n\nPost Top Ad\n\nWednesday, March 13, 2024\n\nสวธ. และคณะนักออกแบบจากโอซากา ร่วมหารือ\n\n", "2024-03-13")]
    [InlineData("หัวข้อข่าว\nเผยแพร่: 12 มี.ค. 2567 10:15\n", "2024-03-12")]
    public void Choose_DateAloneInHeader_IsPublication(string header, string expected)
    {
        var text = header + Body;
        var doc = DateReader.Default.Read(text);
        Assert.Equal(expected, doc.Published!.Value.WithoutTime().ToString());
        Assert.Equal(DateRole.Publication, doc.Published.Role);
        Assert.All(doc.Mentions.Where(m => m.Text.Contains("26 กันยายน", StringComparison.Ordinal)), m => Assert.Equal(DateRole.Event, m.Role));
    }

    [Theory]
    [InlineData("\n\nวันที่ปรับปรุงข้อมูล 20 ส.ค. 2565\n", "20 ส.ค. 2565")]
    [InlineData("\n\nLast updated: 30 Nov 2022\n", "30 Nov 2022")]
    [InlineData("\n\nอัปเดตล่าสุด 4 ธ.ค. 2567\n", "4 ธ.ค. 2567")]
    public void Choose_UpdateStampBelowTheBody_IsAStampNotAnEvent(string footer, string written)
    {
        var doc = DateReader.Default.Read("หัวข้อข่าว\n\n" + Body + footer);

        var stamp = Assert.Single(doc.Mentions, m => m.Text.Contains(written, StringComparison.Ordinal));
        Assert.Equal(DateRole.Publication, stamp.Role);
        Assert.Equal(DateRole.Event, Assert.Single(doc.Mentions, m => m.Text.Contains("26 กันยายน", StringComparison.Ordinal)).Role);
    }

    [Theory]
    // The label ends a long line that holds the body: only the end of the line before the date is read.
    [InlineData(" วันที่ปรับปรุงข้อมูล 20 ส.ค. 2565", "20 ส.ค. 2565")]
    [InlineData(" Last updated: 30 Nov 2022", "30 Nov 2022")]
    [InlineData(" | แก้ไขล่าสุด เมื่อ 4 ธ.ค. 2567", "4 ธ.ค. 2567")]
    public void Choose_UpdateStampEndingALongLine_IsAStampNotAnEvent(string footer, string written)
    {
        var text = "หัวข้อข่าว\n\n" + Body + " " + string.Concat(Enumerable.Repeat("ผู้เข้าร่วมได้ฝึกเขียนเรื่องเล่าเกี่ยวกับอาหารพื้นถิ่น ", 40)) + footer;
        var doc = DateReader.Default.Read(text);

        var stamp = Assert.Single(doc.Mentions, m => m.Text.Contains(written, StringComparison.Ordinal));
        Assert.Equal(text.IndexOf(written, StringComparison.Ordinal), stamp.Span.Start);
        Assert.Equal(DateRole.Publication, stamp.Role);
        Assert.Equal(DateRole.Event, Assert.Single(doc.Mentions, m => m.Text.Contains("26 กันยายน", StringComparison.Ordinal)).Role);
    }

    [Fact]
    public void Choose_TwoHeaderLinesSameDay_BothMarkedPublication()
    {
        var doc = DateReader.Default.Read("หัวข้อ\nวันพุธที่ 27 กันยายน 2566\n27/09/2566\n" + Body);
        Assert.Equal(2, doc.Mentions.Count(m => m.Role == DateRole.Publication));
    }

    [Fact]
    public void Choose_BylineWithoutDate_IsNull()
    {
        const string text = "xs\nsm\n\nกรมการท่องเที่ยว จับมือ มหาวิทยาลัย ปั้นเมืองรองสู่เมืองหัตถกรรม\n\nเผยแพร่:   โดย: ผู้จัดการออนไลน์กรมการท่องเที่ยว จับมือ\n\n" + Body;
        var doc = DateReader.Default.Read(text);
        Assert.Null(doc.Published);
        Assert.DoesNotContain(doc.Mentions, m => m.Role == DateRole.Publication);
    }

    [Fact]
    public void Choose_DateOnlyInsideBodySentence_IsNull()
    {
        Assert.Null(DateReader.Default.Read("หัวข้อข่าว\n\n" + Body).Published);
    }

    [Theory]
    [InlineData("Thai film week opens in Lyon\nBy Jane Smith, Published March 12, 2024\nThe week of Thai films opened with a screening.", "2024-03-12")]
    [InlineData("Thai film week\n\nBANGKOK, March 12, 2024 – The Ministry of Culture said on Tuesday that it would bring twelve Thai films to Lyon for a week of screenings, talks and a market for buyers from France, Belgium and Switzerland, with support from the embassy.", "2024-03-12")]
    public void Choose_EnglishBylineOrDateline_IsPublication(string text, string expected)
    {
        Assert.Equal(expected, DateReader.Default.Read(text).Published!.Normalized);
    }

    [Fact]
    public void Choose_FrontMatterGiven_WinsOverHeader()
    {
        var front = new DateMention(new TextSpan(0, 10), "2024-05-30", DateValue.OfDay(2024, 5, 30));
        var doc = DateReader.Default.Read("ข่าว\n27/09/2566\n" + Body, front);
        Assert.Equal("2024-05-30", doc.Published!.Normalized);
        Assert.Equal(DateRole.Publication, doc.Published.Role);
    }

    [Fact]
    public void Read_PublicationFound_AnchorsRelativeWords()
    {
        var doc = DateReader.Default.Read("---\ndate: 2024-05-29\n---\nเมื่อวานนี้ มีการพบปะพูดคุยระหว่างสองหน่วยงาน");
        var yesterday = Assert.Single(doc.Mentions, m => m.IsRelative);
        Assert.Equal("2024-05-28", yesterday.Normalized);
        Assert.Equal(new DateOnly(2024, 5, 29), yesterday.ResolvedAgainst);
    }

    [Theory]
    [InlineData(" date 2024-04-03 Thailand, UK agree MoUs\n\n", "2024-04-03")]
    [InlineData("หัวข้อข่าว\n\nวันที่นำเข้าข้อมูล 5 ก.ย. 2565\n\nวันที่ปรับปรุงข้อมูล 6 ก.ย. 2565\n\n", "2022-09-05")]
    [InlineData("Thai dance troupe tours Europe\n\nPublished : 4 Mar 2023 09:05 AM | Updated : 6 Mar 2023 11:48 PM\n\n", "2023-03-04")]
    [InlineData("เรื่องใหม่\n\nมิถุนายน 27, 2562\n\n", "2019-06-27")]
    [InlineData("ททท.ชวนเที่ยวน่านรับลมหนาว เตรียมจัดเทศกาลผ้าทอเมืองน่าน ปี 2565 ต่อยอดจากงานแสดงสินค้าหัตถกรรมในเดือนมิถุนายน 2563 ณ นครโอซากา ประเทศญี่ปุ่น\n\nพฤหัส 30 มกราคม 2020 11:25\n\n", "2020-01-30")]
    public void Read_StampForms_ArePublication(string header, string expected)
    {
        var doc = DateReader.Default.Read(header + Body);
        Assert.Equal(expected, doc.Published!.Value.WithoutTime().ToString());
        Assert.Equal(DateRole.Publication, doc.Published.Role);
    }

    [Fact]
    public void Read_PublishedAndUpdatedOnOneLine_BothAreStampsNotEvents()
    {
        var doc = DateReader.Default.Read("Thai dance troupe tours Europe\n\nPublished : 4 Mar 2023 09:05 AM | Updated : 6 Mar 2023 11:48 PM\n\n" + Body);
        Assert.Equal(
            ["4 Mar 2023 09:05 AM=Publication", "6 Mar 2023 11:48 PM=Publication"],
            doc.Mentions.Where(m => m.Text.Contains("Mar", StringComparison.Ordinal)).Select(m => m.Text + "=" + m.Role));
    }

    [Fact]
    public void Read_TodayOpeningTheReport_DatesThePageAndStaysAnEvent()
    {
        var doc = DateReader.Default.Read("วันนี้ (23 กุมภาพันธ์ 2568) นายวรวุฒิ ทองคำ รัฐมนตรีว่าการกระทรวงวัฒนธรรม เปิดเผยว่า กระทรวงร่วมกับภาคเอกชนจัดงานเสวนา");
        Assert.Equal("2025-02-23", doc.Published!.Normalized);
        Assert.Equal(DateRole.Event, doc.Published.Role);
    }

    [Theory]
    [InlineData("ครม.เห็นชอบเสนอสุโขทัย\n\n14 ส.ค.2566 – นายสมศักดิ์ ใจดี รัฐมนตรีว่าการกระทรวงวัฒนธรรม กล่าวหลังการประชุมคณะรัฐมนตรี", "2023-08-14")]
    [InlineData("Thai pop heads to Japan\n\nBANGKOK, March 3, 2024 – The agency and its Japanese partner agreed on Saturday to work together.", "2024-03-03")]
    public void Read_DatelineOpeningTheReport_IsThePublicationStamp(string text, string expected)
    {
        var doc = DateReader.Default.Read(text);
        Assert.Equal(expected, doc.Published!.Normalized);
        Assert.Equal(DateRole.Publication, doc.Published.Role);
    }

    [Theory]
    [InlineData("Bangkok, March 20 (IANS) Strengthening age-old ties, a new centre opened on Thursday.")]
    [InlineData("UNESCO ขึ้นทะเบียนโขน\n\nKhon 29 11 2561\n\nเมื่อวันที่ 28 พฤศจิกายน 2561 ที่ประชุมคณะกรรมการ")]
    [InlineData("พิธีเปิดงานจัดขึ้นในวันนี้ (21 ตุลาคม 2566) ณ หอประชุม มหาวิทยาลัยมหิดล")]
    public void Read_NoStampInTheText_HasNoPublicationDate(string text)
    {
        Assert.Null(DateReader.Default.Read(text).Published);
    }
}
