using SoftPowerAtlas.Analysis.Engagements;

namespace SoftPowerAtlas.Analysis.Tests.Engagements;

/// <summary>Sector words that name something else: a meal, a portfolio, a result's performance, a boxing trainer.</summary>
public class SectorWordTests
{
    [Theory]
    // A lunch the ambassador hosts is not the food sector; the film festival the guests talk about is film.
    [InlineData("หารือเทศกาลภาพยนตร์ไทย\n\nเมื่อวันที่ 14 มีนาคม 2568 เอกอัครราชทูตเป็นเจ้าภาพเลี้ยงอาหารกลางวันแก่ผู้ว่าราชการจังหวัดฟุกุโอกะ และหารือเรื่องเทศกาลภาพยนตร์ไทยที่จะจัดขึ้นในปีหน้า ก่อนร่วมรับประทานอาหารค่ำกับคณะผู้แทน", "film", "food")]
    [InlineData("หารือส่งเสริมการท่องเที่ยว\n\nเมื่อวันที่ 2 เมษายน 2568 คณะผู้แทนจากกรุงโซลร่วมรับประทานอาหารค่ำกับนายกสมาคมโรงแรมไทย และหารือการส่งเสริมนักท่องเที่ยวเกาหลี ก่อนเลี้ยงอาหารกลางวันแก่คณะ", "tourism", "food")]
    // A meal word does not hide the food sector named beside it.
    [InlineData("Thai food fair\n\nOn 9 June 2025 the embassy held a Thai food fair with twelve chefs from Bangkok, followed by a luncheon for the guests.", "food", "art")]
    // A Vietnamese ministry's portfolio is no sector; the photo exhibition of the arts is.
    [InlineData("Contemporary art exhibition in Hanoi\n\nOn 3 December 2021 the Ministry of Culture, Sports and Tourism of Viet Nam and the Royal Thai Embassy opened a photo exhibition of contemporary art. The Deputy Minister of Culture, Sports and Tourism thanked the artists.", "art", "sport")]
    [InlineData("Contemporary art exhibition in Hanoi\n\nOn 3 December 2021 the Ministry of Culture, Sports and Tourism of Viet Nam and the Royal Thai Embassy opened a photo exhibition of contemporary art. The Deputy Minister of Culture, Sports and Tourism thanked the artists.", "art", "tourism")]
    [InlineData("Thai pavilion at the video games fair\n\nOn 20 August 2025 the Thai delegation opened its pavilion at the video games fair in Cologne, welcomed by the Federal Minister for Research, Technology and Space. The Federal Ministry of Research, Technology and Space hosted the studios.", "games", "technology")]
    [InlineData("ไทยเปิดศาลาเกม\n\nเมื่อวันที่ 20 สิงหาคม 2568 คณะผู้แทนไทยเปิดศาลาไทยในงานแสดงวิดีโอเกม โดยมีรัฐมนตรีด้านวิจัย เทคโนโลยี และอวกาศแห่งสหพันธรัฐเยอรมนีร่วมงาน รัฐมนตรีด้านวิจัย เทคโนโลยี และอวกาศแห่งสหพันธรัฐเยอรมนีกล่าวต้อนรับ", "games", "technology")]
    // A Muay Thai trainer is sport, not a school teacher.
    [InlineData("สาธิตการไหว้ครูและมวยไทย\n\nเมื่อวันที่ 6 พฤษภาคม 2561 สถานเอกอัครราชทูตนำนักมวยไทยสาธิตการไหว้ครูและแสดงมวยโบราณในงานเทศกาลไทย", "sport", "education")]
    [InlineData("อบรมครูมวยไทย\n\nเมื่อวันที่ 7 พฤษภาคม 2567 การกีฬาแห่งประเทศไทยจัดอบรมครูมวยไทยให้แก่ผู้ฝึกสอนจากยุโรป 30 คน", "sport", "education")]
    // An economy's performance is not the performing arts; a cultural performance is.
    [InlineData("Trade talks\n\nOn 11 February 2025 the two ministers met in Bangkok to review the export performance of Thai silk and agree on a fashion week showcase. Both said the economic performance of the sector was strong.", "fashion", "art")]
    // Where music is named, ศิลปิน and "artists" are the singers; elsewhere they are artists.
    [InlineData("ศิลปินไทยบุกเวทีคอนเสิร์ตโลก\n\nเมื่อวันที่ 5 มกราคม 2568 ศิลปินไทย 12 วงขึ้นแสดงคอนเสิร์ตในเทศกาลดนตรีที่กรุงโซล ศิลปินไทยได้รับเสียงตอบรับอย่างดี", "music", "art")]
    [InlineData("Thai artists in Glasgow\n\nOn 5 January 2025 the embassy opened an exhibition by six Thai artists in Glasgow; the artists will stay for a month.", "art", "music")]
    public void Extract_ASectorWordNamingSomethingElse_NotThatSector(string text, string named, string notNamed)
    {
        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Contains(named, e.Sectors);
        Assert.DoesNotContain(notNamed, e.Sectors);
    }

    [Theory]
    [InlineData("Thai afternoon in Lisbon\n\nOn 2 June 2024 the embassy held a Thai cultural festival at the residence. Guests joined a cooking demonstration and learned to prepare papaya salad.\nThai dancers in classical costume performed a court dance for the guests.", new[] { "food", "art" })]
    public void Extract_EverydayWordsOfASector_ThatSector(string text, string[] sectors)
    {
        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.All(sectors, s => Assert.Contains(s, e.Sectors));
    }

    [Theory]
    [InlineData("Deputy Minister of Culture, Sports and Tourism Ta Quang Dong said", "Culture, Sports and Tourism")]
    [InlineData("joined by the Union Minister of State for External Affairs and Textiles, who spoke", "External Affairs and Textiles")]
    [InlineData("the Department of Tourism and the Office of Contemporary Art & Culture", "Tourism")]
    [InlineData("welcomed by the Federal Minister for Research, Technology and Space. The Federal Ministry of Research, Technology and Space hosted the studios.", "Research, Technology and Space")]
    [InlineData("โดยมีรัฐมนตรีด้านวิจัย เทคโนโลยี และอวกาศแห่งสหพันธรัฐเยอรมนี", "วิจัย เทคโนโลยี และอวกาศ")]
    [InlineData("ผู้แทนกระทรวงวัฒนธรรม กีฬาและการท่องเที่ยวแห่งสาธารณรัฐสังคมนิยมเวียดนาม", "วัฒนธรรม กีฬาและการท่องเที่ยว")]
    public void Mask_APortfolioTitle_MasksThePortfolioFromItsFirstWord(string text, string portfolio)
    {
        var mask = PortfolioTitles.Mask(text, new bool[text.Length]);

        var start = text.IndexOf(portfolio, StringComparison.Ordinal);
        Assert.True(mask[start]);
        Assert.True(mask[start + portfolio.Length - 1]);
        Assert.False(mask[start - 1]);
    }

    [Theory]
    // A ministry that organises a food festival: its own work, not a portfolio ending at a country.
    [InlineData("กระทรวงวัฒนธรรมจัดเทศกาลอาหารไทยของชุมชนริมน้ำ", "เทศกาลอาหารไทย")]
    // Lower-case words after "of" are the sentence, not a title.
    [InlineData("the office of the embassy hosted a film screening", "film screening")]
    // A committee named for a sector works on it (GUIDELINES: the committee's field counts).
    [InlineData("the Committee for Film, Drama and Series met on Friday", "Film, Drama and Series")]
    public void Mask_NotAPortfolio_LeavesTheSectorWords(string text, string words)
    {
        var mask = PortfolioTitles.Mask(text, new bool[text.Length]);

        var start = text.IndexOf(words, StringComparison.Ordinal);
        Assert.All(Enumerable.Range(start, words.Length), i => Assert.False(mask[i]));
    }
}

/// <summary>A list sets out what a plan or an event covers: each item names its sector once, and that is enough.</summary>
public class SectorListTests
{
    [Theory]
    [InlineData("Soft power budget approved\n\nOn 28 November 2024 the cabinet approved the soft power budget for eleven industries:\n1. Festival industry, 900 million baht\n2. Publishing industry, 70 million baht\n3. Games and esports, 120 million baht", new[] { "books", "festival", "games" })]
    [InlineData("ประชุมคณะกรรมการ\n\nเมื่อวันที่ 3 มีนาคม 2568 คณะกรรมการอนุมัติงบประมาณ 3 โครงการ ดังนี้\n- โครงการส่งเสริมภาพยนตร์ไทยในต่างประเทศ\n- โครงการพัฒนาผ้าไหมสู่ตลาดโลก\n- โครงการอบรมเชฟอาหารไทย", new[] { "fashion", "film", "food" })]
    [InlineData("ประชุมคณะกรรมการ\n\nเมื่อวันที่ 3 มีนาคม 2568 คณะกรรมการอนุมัติงบประมาณ 2 โครงการ ดังนี้\n๑. โครงการส่งเสริมภาพยนตร์ไทยในต่างประเทศ\n๒) โครงการส่งเสริมกีฬามวยไทย", new[] { "film", "sport" })]
    public void Extract_AListNamingEachSectorOnce_EverySector(string text, string[] sectors)
    {
        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Equal(sectors, e.Sectors);
    }

    [Theory]
    [InlineData("intro\n1. Festival industry", 6, true)]
    [InlineData("intro\n  - อาหารไทย", 8, true)]
    [InlineData("intro\n๑๒. ภาพยนตร์", 6, true)]
    [InlineData("intro\n3) Music", 6, true)]
    // A year or an amount that opens a line is not an item; nor is a line that does not open with a marker.
    [InlineData("intro\n2024. The year of festivals", 6, false)]
    [InlineData("intro\n1.5 million tourists came", 6, false)]
    [InlineData("The film festival opened", 4, false)]
    public void IsListItem_TheLineASentenceStartsOn_WhetherItOpensWithAMarker(string text, int at, bool item)
    {
        Assert.Equal(item, SectorTagger.IsListItem(text, at));
    }
}

/// <summary>A later engagement whose own paragraph names no sector takes them from the paragraph that goes on telling it.</summary>
public class SectorPassageTests
{
    [Theory]
    [InlineData("Thai week at the Expo\n\nOn 22 April 2025 the minister visited the Thai pavilion at the Expo in Osaka and met its staff.\n\nOn 24 April 2025 the minister presided over the Thai national day ceremony at the Expo.\n\nThe ceremony featured a Thai food market and a Muay Thai show for visitors.", "2025-04-24", new[] { "food", "sport" })]
    [InlineData("สัปดาห์ไทยที่งานเอ็กซ์โป\n\nเมื่อวันที่ 22 เมษายน 2568 รัฐมนตรีเยี่ยมชมศาลาไทยที่งานเอ็กซ์โป นครโอซากา\n\nเมื่อวันที่ 24 เมษายน 2568 รัฐมนตรีเป็นประธานพิธีวันชาติไทยที่งานเอ็กซ์โป\n\nภายในงานมีการสาธิตอาหารไทยและการแสดงมวยไทยให้ผู้เข้าชม", "2025-04-24", new[] { "food", "sport" })]
    public void Extract_AnEngagementWhoseParagraphNamesNoSector_TheNextParagraphsSectors(string text, string date, string[] sectors)
    {
        var e = Assert.Single(Extract.Run(text).Facts().Engagements, e => e.Date?.Value.ToString() == date);

        Assert.Equal(sectors, e.Sectors);
    }

    [Fact]
    public void Extract_AnEngagementWhosePassageNamesASector_NotTheNextParagraphs()
    {
        const string text = "Thai week at the Expo\n\nOn 22 April 2025 the minister visited the Thai pavilion at the Expo in Osaka and met its staff.\n\nOn 24 April 2025 the minister opened a Thai film week at the Expo.\n\nThe week also featured a Thai food market and a Muay Thai show for visitors.";

        var e = Assert.Single(Extract.Run(text).Facts().Engagements, e => e.Date?.Value.ToString() == "2025-04-24");

        Assert.Equal(["film"], e.Sectors);
    }
}
