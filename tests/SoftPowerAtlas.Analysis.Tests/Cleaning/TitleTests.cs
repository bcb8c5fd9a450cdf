using SoftPowerAtlas.Analysis.Cleaning;
using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Tests.Cleaning;

/// <summary>The title is the page's headline: not its chrome, a caption, a stamp or dateline, nor a whole paragraph.</summary>
public class TitleTests
{
    private const string ThaiBody =
        "เมื่อวันที่ 7 พฤษภาคม 2567 นายประดิษฐ์ อุดมศักดิ์ ปลัดกระทรวงวัฒนธรรม ให้การต้อนรับเอกอัครราชทูตญี่ปุ่นประจำประเทศไทย เพื่อหารือแนวทางความร่วมมือด้านภาพยนตร์ ดนตรี และการแลกเปลี่ยนศิลปินระหว่างสองประเทศ โดยทั้งสองฝ่ายเห็นพ้องให้จัดเทศกาลภาพยนตร์ไทยที่กรุงโตเกียวในช่วงปลายปี";

    private const string EnglishBody =
        "The Thai Trade Centre hosted a Muay Thai festival in Dubai on September 24 at the golf club, with demonstrations, food stalls and a screening of Thai films for families. The ambassador thanked the partners for their support and said the festival would return next year with more events.";

    [Theory]
    [InlineData("ข่าวกิจกรรม\n\nเอกอัครราชทูตฯ พบหารือกับผู้อำนวยการมูลนิธิญี่ปุ่น\n\n12 มี.ค. 2567\n\n", "เอกอัครราชทูตฯ พบหารือกับผู้อำนวยการมูลนิธิญี่ปุ่น")]
    [InlineData("กระทรวงวัฒนธรรม\nMinistry of Culture\nหน้าหลัก เกี่ยวกับกระทรวง ข่าวสาร\n\nข่าวกิจกรรมผู้บริหาร\n\nปลัด วธ. หารือเอกอัครราชทูตญี่ปุ่น เตรียมจัดเทศกาลภาพยนตร์\n\nเผยแพร่เมื่อ 08 พ.ค. 2567 | ผู้เข้าชม 120 ครั้ง\n\n", "ปลัด วธ. หารือเอกอัครราชทูตญี่ปุ่น เตรียมจัดเทศกาลภาพยนตร์")]
    [InlineData(" date 2024-04-03 Thailand, UK agree on film co-production\n\n", "Thailand, UK agree on film co-production")]
    [InlineData(" date 2022-05-14  Back To Top\nNational\n\n[Diplomatic Circuit] Embassy to host Thai festival in Seoul\n\nBy Jane Doe\nPublished : May 14, 2022 - 09:12\n", "[Diplomatic Circuit] Embassy to host Thai festival in Seoul")]
    [InlineData("Print this page Print this page | Send this page Send this page | export to PDF Export to PDF\n\nTAT signs tourism MOU with Kyushu\n\n", "TAT signs tourism MOU with Kyushu")]
    [InlineData("SCST visits Thailand to foster exchanges in culture (with photos) ****************************\n\n", "SCST visits Thailand to foster exchanges in culture (with photos)")]
    public void Clean_PageHeader_TitleIsTheHeadline(string header, string title)
    {
        var text = header + (header.Contains("ข่าว", StringComparison.Ordinal) || header.Contains("วธ", StringComparison.Ordinal) ? ThaiBody : EnglishBody);

        var cleaned = Clean(text);

        Assert.Equal(title, cleaned.Metadata.Title);
        var span = cleaned.Metadata.TitleSpan!.Value;
        Assert.Equal(title, text[span.Start..span.End]);
    }

    [Theory]
    [InlineData("กรมส่งเสริมวัฒนธรรม ร่วมกับ สมาคมนักเขียน\nลงนามบันทึกข้อตกลงความร่วมมือ\nส่งเสริมการอ่านในชุมชน\n\n", "กรมส่งเสริมวัฒนธรรม ร่วมกับ สมาคมนักเขียน ลงนามบันทึกข้อตกลงความร่วมมือ ส่งเสริมการอ่านในชุมชน")]
    [InlineData("วธ. จัดงานเทศกาลภาพยนตร์ไทย\nโดย ฝ่ายประชาสัมพันธ์\n\n", "วธ. จัดงานเทศกาลภาพยนตร์ไทย")]
    [InlineData("Embassy hosts Thai film night\nBy Jane Doe\n\n", "Embassy hosts Thai film night")]
    public void Clean_HeadlineWrappedOverShortLines_TitleIsTheWholeHeadline(string header, string title)
    {
        var text = header + (header.Contains("Embassy", StringComparison.Ordinal) ? EnglishBody : ThaiBody);

        var cleaned = Clean(text);

        Assert.Equal(title, cleaned.Metadata.Title);
        var span = cleaned.Metadata.TitleSpan!.Value;
        Assert.StartsWith(title.Split(' ')[0], text[span.Start..span.End], StringComparison.Ordinal);
        Assert.EndsWith(title.Split(' ')[^1], text[span.Start..span.End], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" date 2024-09-27 The ambassador with guests at the opening of the festival.— supplied photo.\n\n" + "PLACEHOLDER", "The Thai Trade Centre hosted a Muay Thai festival in Dubai on September 24 at the golf club, with demonstrations, food stalls and a screening of Thai films for families.")]
    [InlineData("Photo courtesy of @thaifilm (Instagram)\n\n" + "PLACEHOLDER", "The Thai Trade Centre hosted a Muay Thai festival in Dubai on September 24 at the golf club, with demonstrations, food stalls and a screening of Thai films for families.")]
    [InlineData("Bangkok, March 20 (IANS) " + "PLACEHOLDER", "The Thai Trade Centre hosted a Muay Thai festival in Dubai on September 24 at the golf club, with demonstrations, food stalls and a screening of Thai films for families.")]
    [InlineData(" date 2024-05-31 PARIS, May 31, 2024 (GLOBE NEWSWIRE) -- " + "PLACEHOLDER", "The Thai Trade Centre hosted a Muay Thai festival in Dubai on September 24 at the golf club, with demonstrations, food stalls and a screening of Thai films for families.")]
    [InlineData("BANGKOK, Thailand – " + "PLACEHOLDER", "The Thai Trade Centre hosted a Muay Thai festival in Dubai on September 24 at the golf club, with demonstrations, food stalls and a screening of Thai films for families.")]
    [InlineData("BANGKOK (The Daily Courier/Asia Media Network): " + "PLACEHOLDER", "The Thai Trade Centre hosted a Muay Thai festival in Dubai on September 24 at the golf club, with demonstrations, food stalls and a screening of Thai films for families.")]
    public void Clean_NoHeadlineInText_TitleIsTheLeadsFirstSentence(string page, string title)
    {
        var text = page.Replace("PLACEHOLDER", EnglishBody, StringComparison.Ordinal);

        var cleaned = Clean(text);

        Assert.Equal(title, cleaned.Metadata.Title);
        var span = cleaned.Metadata.TitleSpan!.Value;
        Assert.Equal(title, text[span.Start..span.End]);
        Assert.True(cleaned.Metadata.TitleIsLead);
    }

    [Theory]
    [InlineData(" date 2024-09-27 The ambassador with guests.— supplied photo.\n\nThe Thai Trade Centre proudly hosted the Muay Thai Festival 2024 on September 24 at the golf club in Dubai, with demonstrations and food.\n\n", "The Thai Trade Centre proudly hosted the Muay Thai Festival 2024 on September 24 at the golf club in Dubai, with demonstrations and food.")]
    [InlineData("The embassy in Seoul and its partners will hold the Thai festival at the riverside park on Sunday, with boxing and dance shows.\n\n", "The embassy in Seoul and its partners will hold the Thai festival at the riverside park on Sunday, with boxing and dance shows.")]
    public void Clean_FirstLineIsAShortSentenceOfTheBody_TitleIsItsLeadNotAHeadline(string page, string title)
    {
        var text = page + EnglishBody;

        var cleaned = Clean(text);

        Assert.Equal(title, cleaned.Metadata.Title);
        Assert.True(cleaned.Metadata.TitleIsLead);
        Assert.Contains(title, cleaned.Text.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_FirstLineIsASentenceWrappedAtAComma_TitleIsItsFirstSentence()
    {
        const string text = "A Thai film week will take place from 29 March to 31 March in Lima. It is organised by the Royal Thai Embassy, in cooperation with the national cinema,\n"
            + "Government of Peru. Admission to all screenings is free of charge and eight Thai films will be shown with Spanish subtitles.\n"
            + "Panel discussions on film production in Thailand will be held during the week, in order to promote academic exchange.\n";

        var cleaned = Clean(text);

        Assert.Equal("A Thai film week will take place from 29 March to 31 March in Lima.", cleaned.Metadata.Title);
    }

    [Fact]
    public void Clean_ReportOfShortParagraphsWithoutAHeadline_TitleIsTheFirstSentenceNotALaterLine()
    {
        const string text = "The culture ministry is on course to open a Thai cultural centre in Lima to promote Thai food, film and dance.\n\n"
            + "The permanent secretary said last week that a proposal would go to the cabinet for a budget to rent a building.\n\n"
            + "The planned centre grew out of an agreement on cultural cooperation between the two countries, she said.-VNA\n";

        var cleaned = Clean(text);

        Assert.Equal("The culture ministry is on course to open a Thai cultural centre in Lima to promote Thai food, film and dance.", cleaned.Metadata.Title);
        Assert.True(cleaned.Metadata.TitleIsLead);
    }

    [Fact]
    public void Clean_HeadlineEndingInAFullStopAboveAStampAndAWrappedLead_TitleIsTheHeadlinesLeadAndTheDatedLineStaysBody()
    {
        const string page = "The Ambassador of Thailand, together with the Minister and the Defence Attache of the Royal Thai Embassy, attended the Songkran celebration of the Thai community at the town hall.\n\n"
            + "Posted 20 Apr 2024\n\n"
            + "On 13 April 2024, H.E. Mr. Somsak Jaidee, Ambassador of Thailand, together with Mr. Anan Boonma, Minister,\n"
            + "attended the Songkran celebration hosted by the Thai Association at the town hall, with Thai dances and food.\n\n";

        var cleaned = Clean(page + EnglishBody);

        Assert.StartsWith("The Ambassador of Thailand, together with the Minister", cleaned.Metadata.Title, StringComparison.Ordinal);
        Assert.Contains("On 13 April 2024, H.E. Mr. Somsak Jaidee", cleaned.Text.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Thai festival returns to Seoul with boxing, dance and food stalls for families\n\n")]
    [InlineData("เทศกาลไทยกลับมาอีกครั้งที่กรุงโซล พร้อมมวยไทย การแสดงรำไทย และอาหารไทยสำหรับครอบครัว ตลอดสุดสัปดาห์นี้ ณ สวนสาธารณะริมแม่น้ำ.\n\n")]
    public void Clean_HeadlineAboveTheBody_IsNotTheLead(string header)
    {
        var cleaned = Clean(header + EnglishBody);

        Assert.Equal(header.Trim(), cleaned.Metadata.Title);
        Assert.False(cleaned.Metadata.TitleIsLead);
    }

    [Fact]
    public void Clean_ThaiLeadOpeningWithItsDate_TitleIsShortAndTheBodyKeepsEveryDate()
    {
        const string lead = "เมื่อวันที่ 1 พฤษภาคม 2568 เวลา 12.30 – 13.30 น. นางสาวสมศรี ใจดี หัวหน้ากลุ่มความร่วมมือระหว่างประเทศ พร้อมด้วยผู้แทนกรมการท่องเที่ยว เข้าร่วมหารือกับฝ่ายลาว สำหรับการประชุมคณะทำงานด้านวัฒนธรรม ไทย – ลาว ครั้งที่ 2 ซึ่งจะมีกำหนดจัดขึ้นในวันที่ 16 – 19 มิถุนายน 2568 ณ จังหวัดหนองคาย";

        var cleaned = Clean(lead + "\n" + ThaiBody);

        Assert.StartsWith("นางสาวสมศรี ใจดี", cleaned.Metadata.Title, StringComparison.Ordinal);
        Assert.True(cleaned.Metadata.Title!.Length <= 200, cleaned.Metadata.Title);
        Assert.StartsWith(lead, cleaned.Text.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_PublishedAndUpdatedLine_StaysInTheTextAndGivesThePublishedDate()
    {
        const string stamps = "Published : 4 Mar 2023 09:05 AM | Updated : 6 Mar 2023 11:48 PM";
        var text = "Thai dance troupe tours Europe for the first time\n\n" + stamps + "\n\n" + EnglishBody;

        var cleaned = Clean(text);

        Assert.Equal("4 Mar 2023 09:05 AM", cleaned.Metadata.PublishedAsWritten);
        var span = cleaned.Metadata.PublishedSpan!.Value;
        Assert.Equal("4 Mar 2023 09:05 AM", text[span.Start..span.End]);
        Assert.Contains(stamps, cleaned.Text.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_DateBetweenTitleAndItsCopy_IsKept()
    {
        const string title = "จังหวัดสุโขทัยได้รับการพิจารณาให้เป็นสมาชิกเครือข่ายเมืองสร้างสรรค์";
        var cleaned = Clean($"{title}\n\n01 พ.ย. 2562 | เข้าชม : 359\n\n{title}\n\n{ThaiBody}");

        Assert.Equal($"{title}\n\n01 พ.ย. 2562 | เข้าชม : 359\n\n{ThaiBody}", cleaned.Text.Text);
    }

    [Fact]
    public void Clean_LeadingStamp_IsThePublishedDateAsWritten()
    {
        const string text = " date 2023-03 วันนี้ (28 ก.พ.) รองโฆษกประจำสำนักนายกรัฐมนตรี แถลงว่า คณะรัฐมนตรีมีมติเห็นชอบให้เสนอการแสดงหนังใหญ่ต่อยูเนสโกเพื่อพิจารณาขึ้นบัญชีมรดกภูมิปัญญาทางวัฒนธรรมของมนุษยชาติ และให้อธิบดีกรมส่งเสริมวัฒนธรรมเป็นผู้ลงนามในเอกสาร";

        var cleaned = Clean(text);

        Assert.Equal("2023-03", cleaned.Metadata.PublishedAsWritten);
        Assert.Equal(new TextSpan(6, 13), cleaned.Metadata.PublishedSpan);
        Assert.StartsWith("รองโฆษกประจำสำนักนายกรัฐมนตรี", cleaned.Metadata.Title, StringComparison.Ordinal);
    }

    private static CleanResult Clean(string text) => new ClutterCleaner().Clean(MappedText.Identity(text), DocumentMetadata.Empty);
}
