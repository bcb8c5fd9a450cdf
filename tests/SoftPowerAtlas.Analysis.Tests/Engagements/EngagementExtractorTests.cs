using SoftPowerAtlas.Analysis.Engagements;
using SoftPowerAtlas.Analysis.Tests.Dates;

namespace SoftPowerAtlas.Analysis.Tests.Engagements;

public class EngagementExtractorTests
{
    [Theory]
    [InlineData("เมื่อวันที่ 14 กุมภาพันธ์ 2567 กรมส่งเสริมอุตสาหกรรม ลงนามบันทึกความเข้าใจกับมูลนิธิแห่งเกาหลี", EngagementType.MouSigning, "2024-02-14")]
    [InlineData("วันที่ 26 กันยายน 2566 นางสาวณัฏฐิญา เนตยสุภา เป็นประธานเปิดการสัมมนาเชิงปฏิบัติการ", EngagementType.TrainingOrSeminar, "2023-09-26")]
    [InlineData("On 20 June 2024, the Ambassador met with the Director of the archive to discuss cooperation.", EngagementType.Meeting, "2024-06-20")]
    [InlineData("On 17 May 2024, the Ambassador exchanged views with the Director of the craft centre on ways to promote Thai crafts.", EngagementType.Meeting, "2024-05-17")]
    [InlineData("วันที่ 9-11 กันยายน 2567 คณะผู้แทนจากเวียดนามเดินทางเยือนจังหวัดสุโขทัย เพื่อศึกษาดูงาน", EngagementType.Visit, "2024-09-09")]
    [InlineData("งานมหกรรมอาหารไทย จัดขึ้นระหว่างวันที่ 12-14 กรกฎาคม 2567 ณ กรุงปารีส", EngagementType.ForumOrExhibition, "2024-07-12")]
    [InlineData("เมื่อวันที่ 4 มีนาคม 2568 รองโฆษกรัฐบาลแถลงผลการประชุมคณะรัฐมนตรีว่า ที่ประชุมเห็นชอบให้กรุงเทพมหานครเสนอตัวเป็นเจ้าภาพงานเทศกาลดนตรี", EngagementType.Announcement, "2025-03-04")]
    [InlineData("On 4 March 2025, the cabinet meeting agreed that Bangkok should bid to host the music festival, a government spokesman said.", EngagementType.Announcement, "2025-03-04")]
    [InlineData("กรมประชาสัมพันธ์ โดยสำนักการประชาสัมพันธ์ต่างประเทศ จัดกิจกรรม “รสชาติแห่งสยาม สู่สายตาชาวโลก” (Taste of Siam for the World) เมื่อวันที่ 8 สิงหาคม 2567 ที่ ร้านอาหารริมน้ำ กรุงเทพมหานคร", EngagementType.ForumOrExhibition, "2024-08-08")]
    public void Extract_DatedPassage_TypeAndDate(string text, EngagementType type, string date)
    {
        var facts = Extract.Run(text).Facts();

        var e = Assert.Single(facts.Engagements);
        Assert.Equal(type, e.Type);
        Assert.Equal(date, e.Date!.Value.WithoutTime().ToString());
    }

    [Theory]
    [InlineData("เมื่อวันที่ 12 มีนาคม 2567 นางสาวสมศรี ใจดี รัฐมนตรีประจำสำนักนายกรัฐมนตรี เป็นประธานเปิดงานเทศกาลอาหารไทย ร่วมกับกรมส่งเสริมวัฒนธรรม", "กรมส่งเสริมวัฒนธรรม")]
    [InlineData("เมื่อวันที่ 12 มีนาคม 2567 นายสมชาย ใจดี โฆษกประจำสำนักนายกรัฐมนตรี แถลงข่าวร่วมกับกรมส่งเสริมวัฒนธรรม เรื่องเทศกาลอาหารไทย", "กรมส่งเสริมวัฒนธรรม")]
    [InlineData("On 12 March 2024, Prime Minister's Office Minister Somsri Jaidee opened the Thai food festival with the Department of Cultural Promotion.", "กรมส่งเสริมวัฒนธรรม")]
    public void Extract_MinisterOrSpokespersonAttachedToTheOffice_OfficeIsNotAParty(string text, string party)
    {
        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        var orgs = e.ThaiSide.Concat(e.ForeignSide).Select(o => o.Name).ToList();
        Assert.Contains(party, orgs);
        Assert.DoesNotContain(orgs, o => o.Contains("นายกรัฐมนตรี", StringComparison.Ordinal) || o.Contains("Prime Minister", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("เมื่อวันที่ 5 มีนาคม 2567 กระทรวงวัฒนธรรมลงนามบันทึกความเข้าใจกับกระทรวงกิจการภายในแห่งรัฐบาลแห่งเขตบริหารพิเศษฮ่องกง สาธารณรัฐประชาชนจีน", new[] { "HK" })]
    [InlineData("On 5 March 2024 the Ministry of Culture signed an MOU with the Home Affairs Bureau of the Hong Kong Special Administrative Region of the People's Republic of China.", new[] { "HK" })]
    [InlineData("On 5 March 2024 the Ministry of Culture signed an MOU with the Macao SAR, People's Republic of China.", new[] { "MO" })]
    [InlineData("เมื่อวันที่ 5 มีนาคม 2567 กระทรวงวัฒนธรรมจัดเทศกาลภาพยนตร์ร่วมกับฮ่องกง จีน และญี่ปุ่น", new[] { "HK", "CN", "JP" })]
    public void Extract_CountryWrittenAfterASpecialAdministrativeRegion_PartOfItsName(string text, string[] countries)
    {
        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Equal(countries.Order(), e.Countries.Order());
    }

    [Theory]
    [InlineData("On 12 March 2024 the Ministry of Culture met the Lanna Crafts Guild on the weaving file, which will be submitted to the National Heritage Board and the cabinet.", "Lanna Crafts Guild", new[] { "National Heritage Board", "Cabinet" })]
    [InlineData("On 12 March 2024 the Ministry of Culture met the Lanna Crafts Guild on the budget, which is expected to be approved by the cabinet next month.", "Lanna Crafts Guild", new[] { "Cabinet" })]
    [InlineData("เมื่อวันที่ 12 มีนาคม 2567 กระทรวงวัฒนธรรมประชุมร่วมกับสมาคมผ้าทอล้านนา เพื่อจัดทำเอกสารผ้าทอ เพื่อนำเสนอต่อคณะรัฐมนตรีพิจารณาต่อไป", "สมาคมผ้าทอล้านนา", new[] { "คณะรัฐมนตรี" })]
    public void Extract_BodyAFileGoesOnToLater_NotAParty(string text, string party, string[] notParties)
    {
        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        var orgs = e.ThaiSide.Concat(e.ForeignSide).SelectMany(o => o.Aliases.Append(o.Name)).ToList();
        Assert.Contains(party, orgs);
        Assert.DoesNotContain(orgs, o => notParties.Contains(o));
    }

    [Theory]
    [InlineData("On 12 March 2024 the Ministry of Culture met the Japan Foundation on a youth exchange between Japan and the ASEAN countries.", "Japan Foundation", "ASEAN")]
    [InlineData("On 12 March 2024 the Ministry of Culture met the Japan Foundation to bring the arts of Thailand and other ASEAN's Member States to Osaka.", "Japan Foundation", "ASEAN")]
    [InlineData("หัวข้อข่าวยาวเรื่องการหารือแลกเปลี่ยนเยาวชนระหว่างกระทรวงวัฒนธรรมกับเจแปนฟาวน์เดชัน\n\nเมื่อวันที่ 12 มีนาคม 2567 นายสมชาย ใจดี เอกอัครราชทูตไทย หารือกับผู้อำนวยการเจแปนฟาวน์เดชัน เรื่องค่ายดนตรีเยาวชนของญี่ปุ่นกับประเทศอาเซียน", "กระทรวงวัฒนธรรม", "ASEAN")]
    [InlineData("เมื่อวันที่ 12 มีนาคม 2567 สถานเอกอัครราชทูตฯ ร่วมออกร้านในงานเทศกาลนานาชาติที่จัดโดยเทศบาลกรุงเฮก ซุ้มของไทยอยู่ในภูมิภาคอาเซียนของงาน", "เทศบาลกรุงเฮก", "ASEAN")]
    [InlineData("On 10 May 2025 the Royal Thai Embassy in Tokyo opened the Thai Festival with Thai government agencies and universities.", "Royal Thai Embassy in Tokyo", "รัฐบาลไทย")]
    public void Extract_GroupNamedOnlyForItsMembersOrRegion_NotAParty(string text, string party, string notParty)
    {
        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        var orgs = e.ThaiSide.Concat(e.ForeignSide).SelectMany(o => o.Aliases.Append(o.Name)).ToList();
        Assert.Contains(party, orgs);
        Assert.DoesNotContain(notParty, orgs);
    }

    [Theory]
    [InlineData("On 12 March 2024 the Ministry of Culture signed a cultural agreement with ASEAN in Jakarta.", "ASEAN")]
    [InlineData("เมื่อวันที่ 12 มีนาคม 2567 กรมส่งเสริมการค้าระหว่างประเทศกระทรวงพาณิชย์จัดงานเทศกาลอาหารไทยที่กรุงโซล", "กระทรวงพาณิชย์")]
    public void Extract_BodyNamedOnItsOwnOrJoinedToTheNameBefore_StillAParty(string text, string party)
    {
        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Contains(party, e.ThaiSide.Concat(e.ForeignSide).SelectMany(o => o.Aliases.Append(o.Name)));
    }

    [Fact]
    public void Extract_PostInLowerCaseAfterTheName_TakesPartWithItsRole()
    {
        const string text = "Culture ministry committee meets on festival plans for the coming year in Bangkok\n\n"
            + "On 30 November 2023 the Ministry of Culture held a meeting of the national soft power committee on festivals.\n\n"
            + "Malee Wongsiri, chairperson of the festival promotion subcommittee, added that the country will hold a water festival next year.";

        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        var malee = Assert.Single(e.People, p => p.Name == "Malee Wongsiri");
        Assert.Equal("chairperson", Assert.Single(malee.Roles).Role);
    }

    [Fact]
    public void Extract_SpeakerWithAPostSeveralParagraphsOn_TakesPart()
    {
        const string text = "Thai Week opens in Doha with food, boxing and dance\n\n"
            + "The Royal Thai Embassy in Doha held Thai Week at the Pearl Hotel on 10 September 2024.\n\n"
            + "Guests tasted Thai food.\n\nA massage corner was busy all day.\n\nDancers performed in the garden.\n\n"
            + "The Thai Trade Centre had a stand of its own.\n\n"
            + "Somsak Wongchai, the Ambassador of Thailand to Qatar, thanked the guests.\n\n"
            + "Malee Srisuk also spoke about the dishes.";

        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        var people = e.People.Select(p => p.Name).ToList();
        Assert.Contains("Somsak Wongchai", people);
        Assert.DoesNotContain(e.ThaiSide.Concat(e.ForeignSide), o => o.Name.Contains("Trade Centre", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_EngagementsDayToldAgainFurtherOn_ItsSpeakersAfterThatStillTakePart()
    {
        const string text = "Thai Week opens in Doha with food, boxing and dance\n\n"
            + "The Royal Thai Embassy in Doha held Thai Week at the Pearl Hotel on 10 September 2024.\n\n"
            + "Guests tasted Thai food and watched a boxing show.\n\n"
            + "The week closed on 10 September 2024 with a dance show.\n\n"
            + "Somsak Wongchai, the Ambassador of Thailand to Qatar, thanked the guests.";

        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Contains(e.People, p => p.Name == "Somsak Wongchai");
    }

    [Fact]
    public void Extract_SpeakerWithNationalityBeforeThePost_TakesPartAndTheCityGivesTheCountry()
    {
        const string text = "HCM CITY — Thai food and fashion are on show at the Thai Fair, which opened in HCM City on May 23, 2025.\n\n"
            + "Speaking at the opening ceremony, Malee Sombat, the Thai consul-general in HCM City, said the fair would grow.";

        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Contains(e.People, p => p.Name == "Malee Sombat");
        Assert.Contains("VN", e.Countries);
    }

    [Fact]
    public void Extract_PostsWrittenBeforeEachHolderInALaterParagraph_EveryHolderTakesPart()
    {
        const string text = "BANGKOK, 17 September 2021: The tourism board signed a memorandum with seven partners on low-carbon travel.\n\n"
            + "The ceremony was hosted by the Minister of Tourism and Sports, Somsak Wongchai, Minister of Natural Resources and Environment, "
            + "Malee Srisuk, and Minister of Higher Education, Science, Research and Innovation Niran Boonmee.";

        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        var people = e.People.Select(p => p.Name).ToList();
        Assert.Contains("Somsak Wongchai", people);
        Assert.Contains("Malee Srisuk", people);
        Assert.Contains("Niran Boonmee", people);
    }

    [Fact]
    public void Extract_ParagraphTellingAnEarlierDate_ItsPeopleTakeNoPart()
    {
        const string text = "Thai Week opens in Doha with food, boxing and dance\n\n"
            + "The Royal Thai Embassy in Doha held Thai Week at the Pearl Hotel on 10 September 2024.\n\n"
            + "Somsak Wongchai, the Ambassador of Thailand to Qatar, thanked the guests.\n\n"
            + "Malee Srisuk, the Director of the Doha Arts Council, has run its Asian season since 2019.\n\n"
            + "Next year the week will move to Lusail, said Niran Boonmee, the Consul of Thailand.";

        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        var people = e.People.Select(p => p.Name).ToList();
        Assert.Contains("Somsak Wongchai", people);
        Assert.Contains("Niran Boonmee", people);
        Assert.DoesNotContain("Malee Srisuk", people);
    }

    [Fact]
    public void Extract_BodyThatApprovedAlready_AParty()
    {
        const string text = "On 12 March 2024 the proposal of the Ministry of Culture was approved by the cabinet.";

        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Contains(e.ThaiSide, o => o.Name == "คณะรัฐมนตรี");
    }

    [Theory]
    [InlineData("On 4 June 2024 the Department of International Trade Promotion held Thai Series Night in Osaka to bring Thai series to the Japanese market.", new[] { "JP" })]
    [InlineData("On 4 June 2024 the Department of International Trade Promotion held Thai Series Night in Seoul, aiming at the Chinese and Japanese markets.", new[] { "KR" })]
    [InlineData("เมื่อวันที่ 4 มิถุนายน 2567 กรมส่งเสริมการค้าระหว่างประเทศจัดงานซีรีส์ไทยที่กรุงโซล เพื่อเจาะตลาดจีนและตลาดญี่ปุ่น", new[] { "KR" })]
    public void Extract_CountryNamedAsAMarket_NotAPartner(string text, string[] countries)
    {
        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Equal(countries.Order(), e.Countries.Order());
    }

    [Theory]
    [InlineData("Thai series go abroad\n\nThe Department of International Trade Promotion organized Seoul Thai Night 2024 on March 11, 2024 for buyers of Thai series.")]
    [InlineData("Thai series go abroad\n\nThe Royal Thai Embassy hosted Thai Series Day on March 11, 2024 for buyers of Thai series.")]
    public void Extract_BodyOrganisesANamedEventOnADay_AnEngagementThatDay(string text)
    {
        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Equal(EngagementType.ForumOrExhibition, e.Type);
        Assert.Equal("2024-03-11", e.Date!.Value.WithoutTime().ToString());
    }

    [Fact]
    public void Extract_HeadlineWrappedOverShortLines_ItsEngagementWordOnTheSecondTypesTheDay()
    {
        const string text = "กรมส่งเสริมวัฒนธรรม ร่วมกับ สมาคมผ้าทอล้านนา\n"
            + "ลงนามบันทึกความเข้าใจ\n"
            + "การส่งเสริมผ้าทอพื้นบ้านภาคเหนือ\n\n"
            + "วันที่ 12 มีนาคม 2567 นายสมชาย ใจดี อธิบดีกรมส่งเสริมวัฒนธรรม\n"
            + "เป็นประธานร่วมกับนายกสมาคมผ้าทอล้านนา ที่จังหวัดเชียงใหม่\n\n"
            + "โอกาสนี้ ผู้แทนสมาคมได้มอบผ้าทอให้แก่กรม";

        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Equal(EngagementType.MouSigning, e.Type);
        Assert.Equal("2024-03-12", e.Date?.Value.WithoutTime().ToString());
    }

    [Fact]
    public void Extract_DayOnALineWrappedIntoTheEngagementsLine_DatesIt()
    {
        const string text = "Ambassador of Thailand attended the Lantern Celebration at the Town Hall in Perth.\n\n"
            + "Ambassador of Thailand attended the Lantern Celebration at the Town Hall in Perth.\n\n"
            + "Posted 27 Nov 2024\n\n"
            + "On 16 November 2024, H.E. Ms. Suda Wongchai, Ambassador of Thailand to the Commonwealth of Australia, together with Mr. Niran Boonmee, Minister,\n"
            + "Royal Thai Embassy in Canberra, attended the Lantern Celebration hosted by Thai Music Club, Perth at the Town Hall.\n"
            + "Guests enjoyed Thai food and dance.";

        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Equal("2024-11-16", e.Date?.Value.WithoutTime().ToString());
    }

    [Fact]
    public void Extract_HeadlineWrappedOverShortLines_TellsNoEngagementOfItsOwn()
    {
        const string text = "กรมส่งเสริมวัฒนธรรม ร่วมกับ สมาคมนักเขียน\nลงนามบันทึกข้อตกลงความร่วมมือ\nส่งเสริมการอ่านในชุมชน\n\n"
            + "วันที่ 18 กุมภาพันธ์ 2564 นายสมชาย ใจดี อธิบดีกรมส่งเสริมวัฒนธรรม\nเป็นประธานในพิธีลงนามบันทึกข้อตกลงความร่วมมือ ระหว่างกรมส่งเสริมวัฒนธรรมและสมาคมนักเขียน ณ ศูนย์วัฒนธรรมแห่งประเทศไทย";

        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Equal("2021-02-18", e.Date!.Value.WithoutTime().ToString());
    }

    [Theory]
    [InlineData("Thai film week opens in Lyon\n\nThe Ministry of Culture held Thai Film Week in Lyon on 12 March 2025.", "กระทรวงวัฒนธรรม")]
    [InlineData("Thai food in Osaka\n\nThe Department of Cultural Promotion opened Thai Food Fair in Osaka on 12 March 2025.", "กรมส่งเสริมวัฒนธรรม")]
    public void Extract_BodyThatHoldsANamedEvent_IsAParty(string text, string party)
    {
        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Contains(party, e.ThaiSide.Concat(e.ForeignSide).Select(o => o.Name));
    }

    [Theory]
    [InlineData("On 12 March 2025 the ASEAN Culture and Arts Week opened in Hanoi with the Ministry of Culture.", "ASEAN")]
    [InlineData("เมื่อวันที่ 12 มีนาคม 2568 กระทรวงวัฒนธรรมเข้าร่วมการประชุมประจำปีขององค์การยูเนสโก (UNESCO Annual Conference) ที่กรุงปารีส", "UNESCO")]
    public void Extract_BodyInsideAnEventsName_IsNoParty(string text, string inName)
    {
        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.DoesNotContain(e.ThaiSide.Concat(e.ForeignSide), o => o.Name.Contains(inName, StringComparison.Ordinal) || o.Aliases.Any(a => a.Contains(inName, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("เมื่อวันที่ 3 มีนาคม 2568 ณ ห้องประชุม กรมศิลปากร กระทรวงวัฒนธรรม ลงนามบันทึกความเข้าใจกับสมาคมผู้ผลิตภาพยนตร์ไทย", "สมาคมผู้ผลิตภาพยนตร์ไทย", "กรมศิลปากร")]
    [InlineData("On 3 March 2025 the Siam Film Guild signed an MOU with the Lanna Crafts Council at the Grand Hall, Fine Arts Department.", "Lanna Crafts Council", "Fine Arts Department")]
    public void Extract_BodyNamedOnlyInTheVenue_NotAParty(string text, string party, string venueOnly)
    {
        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        var orgs = e.ThaiSide.Concat(e.ForeignSide).Select(o => o.Name).ToList();
        Assert.Contains(orgs, o => o.Contains(party, StringComparison.Ordinal));
        Assert.DoesNotContain(orgs, o => o.Contains(venueOnly, StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_LineThatHoldsTheHeadlineAndADay_DatesTheEngagement()
    {
        const string text = "วันอาทิตย์, พฤศจิกายน 24, 2024\n\nงานเทศกาลโคมไฟล้านนา 2567\n\nพิธีเปิดงานเทศกาลโคมไฟล้านนา 2567 วันพฤหัสบดีที่ 11 เมษายน 2567 เวลา 13.30 น.\nนางสาวสมศรี ใจดี รองผู้ว่าราชการจังหวัดเชียงใหม่ เป็นประธานในพิธีเปิดงาน";
        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Equal("2024-04-11", e.Date!.Value.WithoutTime().ToString());
        Assert.Contains(e.People, p => p.Name == "สมศรี ใจดี");
    }

    [Fact]
    public void Extract_DateWithoutAnyEngagementWord_NoEngagement()
    {
        var facts = Extract.Run("ราคาข้าวเมื่อวันที่ 3 มีนาคม 2567 ปรับตัวสูงขึ้นร้อยละ 5").Facts();

        Assert.Empty(facts.Engagements);
    }

    [Fact]
    public void Extract_ReportWithoutADatedEngagementWord_ItsFirstDayIsTheReportsEngagement()
    {
        const string text = "Thai envoy opens a centre for Indian studies in Bangkok\nPosted on 20 March 2025\n\n"
            + "BANGKOK — On Thursday, March 20, the Ambassador of India inaugurated the Centre for Bharat Studies at Mahachulalongkornrajavidyalaya University.\n";

        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Equal("2025-03-20", e.Date!.Value.WithoutTime().ToString());
        Assert.Contains(e.ForeignSide.Concat(e.ThaiSide), o => o.Name.Contains("Mahachulalongkornrajavidyalaya", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_UndatedSigningLateInAReportWithoutDates_UndatedEngagementOfItsType()
    {
        var filler = string.Concat(Enumerable.Range(1, 6).Select(i => $"ข้อมูลประกอบย่อหน้าที่ {i} ว่าด้วยสถิตินักท่องเที่ยวของทั้งสองประเทศ\n\n"));
        var text = "ความร่วมมือด้านการท่องเที่ยวไทย-ญี่ปุ่น\n\n" + filler
            + "กรมการท่องเที่ยวและองค์การส่งเสริมการท่องเที่ยวแห่งประเทศญี่ปุ่นได้ลงนามบันทึกความเข้าใจว่าด้วยความร่วมมือด้านการท่องเที่ยว\n";

        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Equal(EngagementType.MouSigning, e.Type);
        Assert.Null(e.Date);
    }

    [Theory]
    [InlineData("วธ. นำผู้ประกอบการไทยร่วมงานตลาดภาพยนตร์นานาชาติที่เมืองปูซาน\n\n"
        + "กระทรวงวัฒนธรรมนำผู้ประกอบการภาพยนตร์ไทยหกรายเข้าร่วมงานตลาดภาพยนตร์นานาชาติที่เมืองปูซาน สาธารณรัฐเกาหลี เพื่อขยายตลาดภาพยนตร์ไทย\n", "forum_or_exhibition")]
    [InlineData("Thai culture minister visits embassy in Hanoi\n\n"
        + "Culture Minister Somchai Jaidee visited the Royal Thai Embassy in Hanoi and thanked its staff for their work with the Thai community.\n", "visit")]
    public void Extract_ReportWithNoDateAtAll_ItsEngagementUndated(string text, string type)
    {
        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Equal(type, e.Type.ToContract());
        Assert.Null(e.Date);
        Assert.Equal(text.IndexOf("\n\n", StringComparison.Ordinal) + 2, e.Evidence.Start);
    }

    [Theory]
    // The lead praises or thanks; the paragraph after it tells what happened.
    [InlineData("Minister praises embassy staff\n\n"
        + "Tourism Minister Lan Thi Hoa praised the embassy and the Vietnamese community in Thailand.\n\n"
        + "Visiting the embassy before the opening of the regional games, Hoa said people-to-people ties were the core of the partnership.\n\n"
        + "She added that both sides should do more for young athletes.\n", "visit", "Visiting the embassy")]
    [InlineData("รัฐมนตรีชื่นชมชุมชนไทยในเวียงจันทน์\n\n"
        + "นายสมศักดิ์ ใจงาม รัฐมนตรีว่าการกระทรวงวัฒนธรรม ชื่นชมบทบาทของชุมชนไทยที่ช่วยเผยแพร่วัฒนธรรมไทย\n\n"
        + "ในการเยือนสปป.ลาวครั้งนี้ รัฐมนตรีได้มอบหนังสือให้ห้องสมุดโรงเรียนของชุมชนไทย\n", "visit", "ในการเยือน")]
    public void Extract_ReportWhoseLeadTellsNoEngagement_TheNextParagraphsUndated(string text, string type, string from)
    {
        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Equal(type, e.Type.ToContract());
        Assert.Null(e.Date);
        Assert.InRange(text.IndexOf(from, StringComparison.Ordinal), e.Evidence.Start, e.Evidence.End - from.Length); // with the lead before it, which names who
    }

    [Theory]
    [InlineData("กระทรวงวัฒนธรรมเตรียมลงนามบันทึกความเข้าใจกับเกาหลีในเดือนมีนาคม 2568\n\n"
        + "นายสมชาย ใจดี ปลัดกระทรวงวัฒนธรรม เปิดเผยว่า เมื่อเร็ว ๆ นี้ได้เข้าพบหารือกับเอกอัครราชทูตสาธารณรัฐเกาหลีประจำประเทศไทย เรื่องการเตรียมความพร้อมก่อนการลงนาม\n\n"
        + "ทั้งสองฝ่ายเห็นพ้องให้จัดทำแผนงานร่วมกันด้านภาพยนตร์และดนตรี\n")]
    [InlineData("Culture Ministry to sign film MOU with Korea in March 2025\n\n"
        + "Permanent Secretary Somchai Jaidee said he had recently met with the Ambassador of the Republic of Korea to discuss the preparations for the signing.\n\n"
        + "Both sides agreed to draw up a joint work plan on film and music.\n")]
    public void Extract_HeadlineDatesOneEngagementBodyTellsAnotherWithoutDate_Both(string text)
    {
        var facts = Extract.Run(text).Facts();

        Assert.Contains(facts.Engagements, e => e.Type == EngagementType.MouSigning && e.Date?.Normalized == "2025-03");
        var meeting = Assert.Single(facts.Engagements, e => e.Type == EngagementType.Meeting);
        Assert.Null(meeting.Date);
        Assert.Equal(text.IndexOf("\n\n", StringComparison.Ordinal) + 2, meeting.Evidence.Start);
    }

    [Theory]
    [InlineData("เทศบาลนครขอนแก่นเตรียมนำเสนอผลงานในที่ประชุมประจำปีเครือข่ายเมืองสร้างสรรค์ในเดือนกรกฎาคม 2568 ณ ประเทศฝรั่งเศส\n\n"
        + "เทศบาลนครขอนแก่นจัดทำเอกสารนำเสนอผลการดำเนินงานด้านอาหารท้องถิ่นและแผนงานสามปีข้างหน้า\n")]
    [InlineData("Khon Kaen to present its work at the network's annual meeting in July 2025 in France\n\n"
        + "Khon Kaen Municipality is preparing a report on its local food programme and its plan for the next three years.\n")]
    public void Extract_AnnualMeetingDatedInTheHeadline_MeetingOnThatMonth(string text)
    {
        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Equal(EngagementType.Meeting, e.Type);
        Assert.Equal("2025-07", e.Date?.Normalized);
    }

    [Fact]
    public void Extract_NoteWithoutAnyEngagementWord_NoEngagement()
    {
        const string text = "หมายเหตุถึงผู้อ่าน\n\nบทความนี้สรุปสถิติจำนวนผู้ชมละครโทรทัศน์ในช่วงสามปีที่ผ่านมา\n";

        Assert.Empty(Extract.Run(text).Facts().Engagements);
    }

    [Theory]
    [InlineData("ข่าวความร่วมมือด้านภาพยนตร์\n\nเมื่อวันที่ 5 มีนาคม 2567 รัฐมนตรีว่าการกระทรวงวัฒนธรรมหารือกับเอกอัครราชทูตเกาหลีประจำประเทศไทย เรื่องความร่วมมือด้านภาพยนตร์\n\n"
        + "ต่อมาเมื่อวันที่ 13 มิ.ย. กระทรวงวัฒนธรรมลงนามบันทึกความเข้าใจกับสภาภาพยนตร์เกาหลี เพื่อร่วมผลิตภาพยนตร์\n")]
    [InlineData("Film cooperation\n\nOn 5 March 2024, the Minister of Culture met the Ambassador of Korea to discuss cooperation on film.\n\n"
        + "On June 13, the Ministry of Culture signed a memorandum of understanding with the Korean Film Council to co-produce films.\n")]
    public void Extract_SigningOnADayWithoutItsYear_UndatedSigningBesideTheDatedMeeting(string text)
    {
        var facts = Extract.Run(text).Facts();

        Assert.Equal(2, facts.Engagements.Count);
        Assert.Contains(facts.Engagements, e => e.Type == EngagementType.Meeting && e.Date!.Value.WithoutTime().ToString() == "2024-03-05");
        Assert.Contains(facts.Engagements, e => e.Type == EngagementType.MouSigning && e.Date is null);
        Assert.DoesNotContain(facts.Commitments, c => c.Due is not null);
    }

    [Fact]
    public void Extract_SpeakerNamedWithRoleInTheNextParagraph_TakesPart()
    {
        const string text = "Thai film week opens in Hanoi\n\n"
            + "On 3 December 2021, the Royal Thai Embassy in Hanoi opened a Thai film week at the national cinema centre.\n\n"
            + "In his opening remarks, Thai Ambassador to Viet Nam Somchai Jaidee said the films would bring the two peoples closer.\n\n"
            + "Organisers expect more than two thousand viewers.\n";

        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Contains(e.People, p => p.Name == "Somchai Jaidee");
    }

    [Theory]
    [InlineData("On 5 December 2025, the Royal Thai Embassy in Lima held a reception marking the Birthday Anniversary of His Majesty King Somsak Rattanakorn. Ambassador Suda Jaidee welcomed the guests.", "Somsak Rattanakorn")]
    [InlineData("On 5 December 2025, Ambassador Suda Jaidee opened a Thai cultural evening in Lima that began with a tribute to the late Queen Malee Srisuk.", "Malee Srisuk")]
    [InlineData("เมื่อวันที่ 12 มีนาคม 2568 นางสุดา ใจดี อธิบดีกรมส่งเสริมวัฒนธรรม ประชุมหารือกับผู้แทนจังหวัดน่าน ตามนโยบายของ นายสมชาย รักไทย ที่ต้องการส่งเสริมเทศกาลท้องถิ่น", "สมชาย รักไทย")]
    public void Extract_PersonAnOccasionHonoursOrWhosePolicyIsFollowed_TakesNoPart(string sentence, string bystander)
    {
        var e = Assert.Single(Extract.Run("Report\n\n" + sentence + "\n").Facts().Engagements);

        Assert.Contains(e.People, p => p.Name is "Suda Jaidee" or "สุดา ใจดี");
        Assert.DoesNotContain(e.People, p => p.Name == bystander);
    }

    [Fact]
    public void Extract_ForumNextWeekToldLaterByItsDays_OneForumOnItsFirstDay()
    {
        const string text = " date 2025-07-06 Film forum in Bangkok\n\n"
            + "The culture minister and two film directors will speak at a film forum in Bangkok next week, the ministry said.\n\n"
            + "The forum will take place from July 8 to 11 at the national convention centre, with screenings and talks.\n";

        var forums = Extract.Run(text).Facts().Engagements.Where(e => e.Type == EngagementType.ForumOrExhibition).ToList();

        Assert.DoesNotContain(forums, e => e.Date is { } d && d.Value.WithoutTime().ToString() == "2025-07-07");
        Assert.Contains(forums, e => e.Date is { } d && d.Value.WithoutTime().ToString() == "2025-07-08");
    }

    [Fact]
    public void Extract_OnlyDateIsTheStampAboveTheReport_DatesItsEngagement()
    {
        const string text = "ททท. ร่วมกับองค์การท่องเที่ยวคิวชู ลงนามบันทึกความเข้าใจส่งเสริมการท่องเที่ยว\n9 กุมภาพันธ์ 2561\n\n"
            + "การท่องเที่ยวแห่งประเทศไทย ลงนามบันทึกความเข้าใจกับองค์การส่งเสริมการท่องเที่ยวภูมิภาคคิวชู เพื่อส่งเสริมการเดินทางระหว่างกัน\n";

        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Equal(EngagementType.MouSigning, e.Type);
        Assert.Equal("2018-02-09", e.Date!.Value.WithoutTime().ToString());
    }

    [Fact]
    public void Extract_StampAboveTheReportAndOnlyYearsBesides_StampDatesItsEngagement()
    {
        const string text = "ททท. ร่วมกับองค์การท่องเที่ยวคิวชู ลงนามบันทึกความเข้าใจส่งเสริมการท่องเที่ยว ปี 61\n9 กุมภาพันธ์ 2561\n\n"
            + "การท่องเที่ยวแห่งประเทศไทย ลงนามบันทึกความเข้าใจกับองค์การส่งเสริมการท่องเที่ยวภูมิภาคคิวชู เพื่อส่งเสริมการเดินทางระหว่างกันตลอดปี 2561\n";

        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Equal("2018-02-09", e.Date!.Value.WithoutTime().ToString());
    }

    [Fact]
    public void Extract_ReportWhoseBodyGivesNoDay_AnnouncesOnItsPublicationDate()
    {
        const string text = "ททท. จุดพลุปีแห่งความสัมพันธ์ไทย-เกาหลี 2 ปีทอง\n23 ธ.ค. 2565 06:20 น.\n\n"
            + "การท่องเที่ยวแห่งประเทศไทย และองค์การส่งเสริมการท่องเที่ยวเกาหลี กำหนดให้ปี 2566-2567 เป็นปีแห่งการท่องเที่ยวเกาหลี-ไทย\n";

        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Equal(EngagementType.Announcement, e.Type);
        Assert.Equal("2022-12-23", e.Date!.Value.WithoutTime().ToString());
        Assert.Equal(2, e.ThaiSide.Count + e.ForeignSide.Count);
    }

    [Fact]
    public void Extract_SessionList_OneEngagementPerSessionAndFutureOnesAreCommitments()
    {
        const string text = "วันพุธที่ 27 กันยายน 2566\n"
            + "วันที่ 26 กันยายน 2566 กระทรวงอุตสาหกรรม เปิดการสัมมนาเชิงปฏิบัติการ นักประชาสัมพันธ์\n"
            + "ทั้งนี้ การสัมมนาฯ จัดทั้งหมด 3 ครั้ง ได้แก่ ครั้งที่ 1 วันที่ 26 กันยายน ครั้งที่ 2 วันที่ 26 ตุลาคม และครั้งที่ 3 วันที่ 7 ธันวาคม 2566 โดยกระทรวงอุตสาหกรรม (อก.)";
        var facts = Extract.Run(text).Facts();

        Assert.Equal(["2023-09-26", "2023-10-26", "2023-12-07"], facts.Engagements.Select(e => e.Date!.Value.ToString()));
        Assert.All(facts.Engagements, e => Assert.Equal(EngagementType.TrainingOrSeminar, e.Type));
        Assert.Equal(["2023-10-26", "2023-12-07"], facts.Commitments.Where(c => c.Due is not null).Select(c => c.Due!.Value.ToString()));
    }

    [Fact]
    public void Extract_DateInsideABuildingName_IsNotTheEngagementDate()
    {
        const string text = "5 กุมภาพันธ์ 2567 กรมการพัฒนาชุมชนหารือกับคณะจากญี่ปุ่น ณ ศูนย์ราชการเฉลิมพระเกียรติ 80 พรรษา 5 ธันวาคม 2550";
        var facts = Extract.Run(text).Facts();

        var e = Assert.Single(facts.Engagements);
        Assert.Equal("2024-02-05", e.Date!.Value.ToString());
        Assert.Equal(["JP"], e.Countries);
    }

    [Fact]
    public void Extract_EmbassyOfAForeignCountryInThailand_PartnerIsTheSendingCountry()
    {
        const string text = "เมื่อวานนี้ (29 พ.ค. 67) มีการพบปะหารือระหว่างคณะกรรมการพัฒนาซอฟต์พาวเวอร์ฯ กับ “Claire Dubois” ผู้แทนจากสถานทูตฝรั่งเศสประจำประเทศไทย และผู้แทนจากสถานทูตฝรั่งเศสประจำประเทศสิงค์โปร์";
        var facts = Extract.Run(text).Facts();

        var e = Assert.Single(facts.Engagements);
        Assert.Equal("2024-05-29", e.Date!.Value.ToString());
        Assert.Equal(["FR"], e.Countries);
        Assert.Contains(e.People, p => p.Name == "Claire Dubois");
    }

    [Fact]
    public void Extract_MisspelledLatinNameInTitle_ResolvedToTheBodyInTheText()
    {
        var doc = Extract.File(Path.Combine(SeedCorpus.Folder(), "001_b80b28f5dfd618d5.txt"));

        var kumamon = Assert.Single(doc.Facts().Entities, e => e.Aliases.Contains("Kumamon Group"));
        Assert.Contains("Kumamong Group", kumamon.Aliases);
    }

    [Fact]
    public void Extract_FiscalYearAndWithinYear_CommitmentsDue()
    {
        const string text = "อพท. ได้วางเป้าหมายขับเคลื่อนเมืองสร้างสรรค์ โดยเมืองสุโขทัยได้รับคัดเลือกไปแล้วเมื่อเดือนตุลาคม 2562 "
            + "และอีก 2 เมือง คาดว่าจะยื่นเสนอต่อยูเนสโก้ในปีงบประมาณ 2564 และอีก 2 เมืองต่อไป ตั้งเป้าหมายยื่นเสนอภายในปี 2566";
        var facts = Extract.Run(text).Facts();

        Assert.Equal(["FY2021", "2023"], facts.Commitments.Where(c => c.Due is not null).Select(c => c.Due!.Normalized));
        var designation = Assert.Single(facts.Engagements);
        Assert.Equal(EngagementType.Announcement, designation.Type); // GUIDELINES: a city admitted to a network is an announcement
        Assert.Equal("2019-10", designation.Date!.Normalized);
    }

    [Theory]
    [InlineData("วันนี้ (11 ธ.ค. 2567) ที่ประชุมคณะกรรมการมรดกโลก สมัยที่ 19 ระหว่างวันที่ 8-13 ธ.ค. 2567 ณ กรุงอะซุนซิออง ประกาศขึ้นทะเบียนต้มยำกุ้งเป็นมรดกวัฒนธรรมที่จับต้องไม่ได้", "2024-12-11")]
    [InlineData("On 9 December 2025 the committee, meeting from 6 to 12 December 2025 in New Delhi, inscribed the Thai shadow play on its list.", "2025-12-09")]
    public void Extract_AnnouncementOnADayOfASession_AnnouncementOnThatDay(string text, string date)
    {
        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Equal(EngagementType.Announcement, e.Type);
        Assert.Equal(date, e.Date!.Normalized);
    }

    [Theory]
    [InlineData("000_54ba3ec425b012a1", "meeting", "2024-05-29")]
    [InlineData("001_b80b28f5dfd618d5", "meeting", "2024-02-05")]
    [InlineData("002_877d92276ca8bb9f", "meeting", "2023-01-11")]
    [InlineData("004_059bed643f8e1418", "training_or_seminar", "2023-09-26")]
    public void Extract_Seed_LeadEngagement(string seed, string type, string date)
    {
        var doc = Extract.File(Path.Combine(SeedCorpus.Folder(), seed + ".txt"));

        var lead = doc.Facts().Engagements[0];
        Assert.Equal(type, lead.Type.ToContract());
        Assert.Equal(date, lead.Date!.Value.WithoutTime().ToString());
        Assert.All(lead.ThaiSide.Concat(lead.ForeignSide).Concat(lead.People).SelectMany(e => e.Mentions), m =>
        {
            var o = doc.Text.ToOriginal(m.Span);
            Assert.False(o.IsEmpty);
        });
    }
}

public class EventRulesTests
{
    [Fact]
    public void Extract_DateToldAsHistory_NoEngagement()
    {
        var facts = Extract.Run("Crafts of Ishikawa\n\nIshikawa, whose capital Kanazawa joined the UNESCO Creative Cities Network as a City of Crafts and Folk Art in 2009, is home to 36 craft industries.").Facts();

        Assert.Empty(facts.Engagements);
    }

    [Fact]
    public void Extract_ReportOpensWithItsDate_EngagementTypedByTheHeadline()
    {
        const string text = "พิธีเปิดนิทรรศการศาลาไทยในกรุงโรม\n\n"
            + "(21 พ.ค. 64) เวลา 19.00 น. นางสาววิมลรัตน์ ใจดี ผู้อำนวยการสำนักงานศิลปวัฒนธรรมร่วมสมัย กล่าวต้อนรับแขกผู้มีเกียรติ";
        var facts = Extract.Run(text).Facts();

        var e = Assert.Single(facts.Engagements);
        Assert.Equal(EngagementType.ForumOrExhibition, e.Type);
        Assert.Equal("2021-05-21", e.Date!.Value.WithoutTime().ToString());
    }

    [Fact]
    public void Extract_OneDateTwoEngagementsInSeparateParagraphs_BothReported()
    {
        const string text = "Thai films in Canberra\n\nOn 20 June 2024, the Ambassador opened the Thai Film Week exhibition at the archive in Canberra.\n\n"
            + "On 20 June 2024, the Ambassador also met with the Director of the archive to discuss cooperation.";
        var facts = Extract.Run(text).Facts();

        Assert.Equal([EngagementType.Meeting, EngagementType.ForumOrExhibition], facts.Engagements.Select(e => e.Type).Order());
        Assert.All(facts.Engagements, e => Assert.Equal("2024-06-20", e.Date!.Value.ToString()));
    }

    [Fact]
    public void Extract_RelativeWordBesideItsDate_OneEngagement()
    {
        const string text = "วันที่ 30 พฤษภาคม 2567\nเมื่อวานนี้ (29 พ.ค. 67) กรมส่งเสริมวัฒนธรรมหารือกับสถานทูตฝรั่งเศสประจำประเทศไทย";
        var facts = Extract.Run(text).Facts();

        var e = Assert.Single(facts.Engagements);
        Assert.Equal("2024-05-29", e.Date!.Value.ToString());
    }

    [Fact]
    public void Extract_ProvinceThatActs_PartyButTheProvinceOfAnAddressIsNot()
    {
        const string text = "เมื่อวันที่ 5 มีนาคม 2568 จังหวัดขอนแก่นร่วมกับสำนักงานวัฒนธรรมจังหวัดขอนแก่น ลงนามบันทึกความเข้าใจกับเมืองชองจู "
            + "ณ โรงแรมพูลแมน จังหวัดอุดรธานี";
        var facts = Extract.Run(text).Facts();

        var e = Assert.Single(facts.Engagements);
        Assert.Contains(e.ThaiSide, o => o.Key == "province:TH-40");
        Assert.DoesNotContain(e.ThaiSide.Concat(e.ForeignSide), o => o.Key == "province:TH-41");
    }
}

public class EventRulesStatementTests
{
    [Fact]
    public void Extract_DateOfAStatementAboutAnotherDay_OnlyThatDaysEngagement()
    {
        const string text = "รัฐบาลจัดเวทีซอฟต์พาวเวอร์\n\n"
            + "วันนี้ (23 กุมภาพันธ์ 2568) นายวรวุฒิ ทองคำ รัฐมนตรีว่าการกระทรวงวัฒนธรรม เปิดเผยว่า กระทรวงร่วมกับภาคเอกชนจัดงานฟอรั่มซอฟต์พาวเวอร์ "
            + "ในวันที่ 24 กุมภาพันธ์ 2568 ณ กรุงเทพฯ";
        var facts = Extract.Run(text).Facts();

        var e = Assert.Single(facts.Engagements);
        Assert.Equal("2025-02-24", e.Date!.Value.ToString());
        Assert.Equal(EngagementType.ForumOrExhibition, e.Type);
    }

    [Fact]
    public void Extract_YearAlone_DatesNoEngagement()
    {
        const string text = "ความร่วมมือไทย-กรีซ\n\nทั้งสองประเทศลงนามความตกลงว่าด้วยความร่วมมือด้านวัฒนธรรมในปี 2547 และต่ออายุในปี 2562";
        var facts = Extract.Run(text).Facts();

        Assert.DoesNotContain(facts.Engagements, e => e.Date is not null);
    }
}

public class PartnerCountryTests
{
    [Theory]
    [InlineData("ไทยในเยอรมนี\n\nเมื่อวันที่ 16 ตุลาคม 2567 สำนักพิมพ์ไทยร่วมงานมหกรรมหนังสือ ณ นครแฟรงก์เฟิร์ต ประเทศเยอรมนี", "DE")]
    [InlineData("Thai culture in Canberra\n\nOn 20 June 2024, the Royal Thai Embassy opened a Thai food festival in Canberra, Australia.", "AU")]
    public void Extract_EventAbroad_TheHostCountryTakesPart(string text, string country)
    {
        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Contains(country, e.Countries);
    }

    [Theory]
    [InlineData("เทศกาลไทยที่บัลติมอร์\n\nเมื่อวันที่ 1 กรกฎาคม 2567 สถานเอกอัครราชทูตไทย ณ กรุงวอชิงตัน จัดงานเทศกาลอาหารไทย ณ ร้านอาหารไทยแห่งหนึ่งในเมืองบัลติมอร์", "US")]
    [InlineData("งานวันไทย\n\nเมื่อวันที่ 9 สิงหาคม 2568 สถานเอกอัครราชทูต ณ กรุงเม็กซิโก จัดงานเทศกาลไทย ณ ลานกิจกรรมศูนย์ศิลปะแห่งชาติ", "MX")]
    public void Extract_EventOfAThaiMissionNamedByItsCity_ThatCountryHosts(string text, string country)
    {
        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Equal([country], e.Countries);
    }

    [Fact]
    public void Extract_MissionNamedByOneCityAtWorkInAnotherCountry_OnlyTheCountryNamed()
    {
        const string text = "ภาพถ่ายไทยในริกา\n\nเมื่อวันที่ 3 กันยายน 2565 สถานเอกอัครราชทูต ณ กรุงสตอกโฮล์ม จัดนิทรรศการภาพถ่ายไทย ณ กรุงริกา ประเทศลัตเวีย";

        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Equal(["LV"], e.Countries);
    }

    [Fact]
    public void Extract_ForeignGovernmentsOwnRelease_ThePageCountryTakesPart()
    {
        const string text = "Secretary visits Thailand to promote arts exchange\n\n"
            + "The Secretary for Home Affairs, Mr Lam Ka-wing, began his visit to Thailand on 14 May 2025. He met the Thai Minister of Culture in Bangkok.\n\n"
            + "Mr Lam said Macao and Thailand share a long history. Macao artists will perform in Bangkok next year, and Macao will host a Thai film week.\n\n"
            + "He also invited Thai designers to the Macao design fair, and thanked Chinese partners for their support.\n";

        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Equal(["MO"], e.Countries);
    }

    [Fact]
    public void Extract_NoForeignCountryClearlyTheSubject_NoneAdded()
    {
        const string text = "Film week opens\n\n"
            + "The Culture Minister opened the film week in Bangkok on 14 May 2025.\n\n"
            + "Films from Japan, Korea and France were shown, and Japan sent two directors.\n";

        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Empty(e.Countries);
    }

    [Theory]
    [InlineData("เวทีซอฟต์พาวเวอร์\n\nเมื่อวันที่ 28 มิถุนายน 2567 กระทรวงวัฒนธรรมจัดฟอรั่มซอฟต์พาวเวอร์ ซึ่งมีพาวิลเลียนของเกาหลีใต้ ร่วมจัดแสดงด้วย", "KR")]
    [InlineData("สัมมนาซีรีส์ไทยสู่ตลาดโลก ครั้งที่ 1\n\nเมื่อวันที่ 3 มีนาคม 2567 กรมส่งเสริมวัฒนธรรมจัดสัมมนาเรื่องซีรีส์ไทย เพื่อให้เติบโตเช่นเดียวกับเกาหลีใต้", "KR")]
    [InlineData("มรดกโลก\n\nเมื่อวันที่ 15 ธันวาคม 2564 คณะกรรมการของยูเนสโก ประกาศขึ้นทะเบียนโนราในการประชุม ณ กรุงปารีส สาธารณรัฐฝรั่งเศส", "FR")]
    [InlineData("ไทยร่วมประชุมคณะกรรมการมรดกภูมิปัญญาที่ปารีส\n\nเมื่อวันที่ 15 ธันวาคม 2564 กรมส่งเสริมวัฒนธรรมเข้าร่วมการประชุมคณะกรรมการระหว่างรัฐบาล ณ สำนักงานใหญ่องค์การยูเนสโก กรุงปารีส สาธารณรัฐฝรั่งเศส", "FR")]
    public void Extract_CountryNamedAsideOrAsAMultilateralVenue_NotAPartner(string text, string country)
    {
        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.DoesNotContain(country, e.Countries);
    }

    [Theory]
    [InlineData("Thai dance night\n\nOn 4 May 2024, the Ministry of Culture held a Thai dance festival at Siam Hall.\nThe Ambassador of Peru and the Ambassador of Chile joined the evening with their families.", "PE", "CL")]
    [InlineData("ค่ำคืนนาฏศิลป์ไทย\n\nเมื่อวันที่ 4 พฤษภาคม 2567 กระทรวงวัฒนธรรมจัดงานค่ำคืนนาฏศิลป์ไทย ณ หอประชุมสยาม\nโดยมีเอกอัครราชทูตเปรู และเอกอัครราชทูตชิลี ร่วมงาน", "PE", "CL")]
    public void Extract_EnvoysNamedInTheNextParagraph_TheirCountriesTakePart(string text, string first, string second)
    {
        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Contains(first, e.Countries);
        Assert.Contains(second, e.Countries);
    }
}

public class CabinetApprovalTests
{
    [Theory]
    [InlineData("ครม. ไฟเขียวบันทึกความเข้าใจ\n\nเมื่อวันที่ 18 กรกฎาคม 2566 คณะรัฐมนตรีมีมติอนุมัติร่างบันทึกความเข้าใจด้านวัฒนธรรมระหว่างไทยกับญี่ปุ่น และอนุมัติให้รัฐมนตรีว่าการกระทรวงวัฒนธรรมลงนาม")]
    [InlineData("Cabinet approves MOU\n\nOn 18 July 2023, the Cabinet approved the draft memorandum of understanding on cultural cooperation with Japan and authorised the Culture Minister to sign it.")]
    public void Extract_CabinetApprovesADraftAgreement_AnnouncementNotSigning(string text)
    {
        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Equal(EngagementType.Announcement, e.Type);
        Assert.Equal("2023-07-18", e.Date!.Value.ToString());
    }
}

public class UndatedCabinetDecisionTests
{
    [Theory]
    [InlineData("Thai series to go to Korea\n\nA government spokesman said the Cabinet has okayed the draft memorandum of understanding between the Culture Ministry and Korea's Content Agency, to be signed next year.")]
    [InlineData("ไทยจับมือเกาหลีด้านซีรีส์\n\nโฆษกรัฐบาลเปิดเผยว่า คณะรัฐมนตรีมีมติเห็นชอบร่างบันทึกความเข้าใจระหว่างกระทรวงวัฒนธรรมกับหน่วยงานด้านคอนเทนต์ของเกาหลีใต้ และจะลงนามในปีหน้า")]
    public void Extract_UndatedCabinetApproval_AnnouncementNotSigning(string text)
    {
        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Equal(EngagementType.Announcement, e.Type);
        Assert.Null(e.Date);
    }
}

public class DayInsideAPeriodTests
{
    [Theory]
    [InlineData("เมื่อวันที่ 9 มีนาคม 2567 กงสุลใหญ่ได้เข้าร่วมงานเทศกาลอาหารไทยซึ่งจัดขึ้นที่สวนสาธารณะกลางเมือง ระหว่างวันที่ 8 – 10 มีนาคม 2567 โดยมีผู้เข้าชมงานจำนวนมาก", "2024-03-08", "วันที่ 8 – 10 มีนาคม 2567")]
    [InlineData("On 9 March 2024 the consul-general joined the Thai food festival held in the city park from 8 to 10 March 2024, which drew large crowds.", "2024-03-08", "8 to 10 March 2024")]
    public void Extract_DayAndThePeriodItFallsInOneSentence_OneEngagementDatedByThePeriod(string text, string date, string written)
    {
        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Equal(date, e.Date!.Value.ToString());
        Assert.Equal(text.IndexOf(written, StringComparison.Ordinal), e.Date.Span.Start);
    }
}

public class PortfolioSectorTests
{
    [Fact]
    public void Extract_AnArtSpacesName_NoTechnology()
    {
        const string text = "Gallery partnership\n\nOn 24 March 2025 the Office of Contemporary Art and Culture signed a memorandum of understanding with Riverside Art Space to support regional exhibitions.";

        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.DoesNotContain("technology", e.Sectors);
    }

    [Fact]
    public void Extract_AMinistrysPortfolioInAnOfficesName_NoSector()
    {
        const string text = "มอบรางวัลร้านอาหารไทย\n\nเมื่อวันที่ 1 กรกฎาคม 2567 อัครราชทูตที่ปรึกษา (ฝ่ายการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม) มอบรางวัลแก่ผู้ชนะการแข่งขันเทศกาลอาหารไทย";

        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.DoesNotContain("technology", e.Sectors);
        Assert.Contains("food", e.Sectors);
    }
}

public class DatelineTests
{
    [Fact]
    public void Extract_OneParagraphAndASourceLine_TheParagraphIsTheBody()
    {
        const string text = "นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงวัฒนธรรม เป็นประธานเปิดเทศกาลวัฒนธรรมสัญจรสำหรับคณะทูตานุทูต ณ โรงแรมริมโขง จังหวัดหนองคาย เมื่อวันที่ 14 กุมภาพันธ์ 2558\nที่มา: http://www.example.go.th";

        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Equal("2015-02-14", e.Date!.Value.ToString());
        Assert.Equal(text.IndexOf("วันที่ 14", StringComparison.Ordinal), e.Date.Span.Start);
    }

    [Fact]
    public void Extract_ADayAndTimeOnTheirOwnLineOverTheBody_DateTheReportsEngagement()
    {
        const string text = "พิธีลงนามบันทึกข้อตกลงความร่วมมือด้านหอศิลป์ภูมิภาค\n\nวันจันทร์ที่ 24 มีนาคม 2568 เวลา 13.00 น.\n\nนางสาวอรุณี ใจดี ผู้อำนวยการสำนักงานศิลปวัฒนธรรมร่วมสมัย ร่วมลงนามบันทึกข้อตกลงความร่วมมือ ประจำปีงบประมาณ พ.ศ. 2568 กับหอศิลป์เอกชนสองแห่ง";

        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Equal(EngagementType.MouSigning, e.Type);
        Assert.Equal("2025-03-24", e.Date!.Value.ToString()[..10]);
        Assert.Equal(text.IndexOf("วันจันทร์", StringComparison.Ordinal), e.Date.Span.Start);
    }
}

public class StatementAndMonthTests
{
    [Fact]
    public void Extract_DateRightAfterSaid_DatesTheStatementNotAnEngagement()
    {
        const string text = "Film office eyes foreign crews\n\nBANGKOK, 23 June 2017 – The Department of Tourism has launched a film destination campaign.\n\nThe tourism minister said this week that foreign productions bring money to the provinces.";

        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Equal("2017-06-23", e.Date!.Value.ToString());
    }

    [Fact]
    public void Extract_MonthAloneBesideADayOfItOfTheSameKind_OneEngagement()
    {
        const string text = "Film week in Mumbai\n\nThe Tourism Authority of Thailand opened a three-day film festival in Mumbai, held between 9-11 August 2019. Many of the countries also hold cultural festivals during the month of August.";

        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Equal("2019-08-09", e.Date!.Value.ToString());
    }
}
