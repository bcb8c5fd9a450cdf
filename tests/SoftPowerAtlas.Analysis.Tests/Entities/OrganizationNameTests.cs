using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Analysis.Tests.Engagements;

namespace SoftPowerAtlas.Analysis.Tests.Entities;

/// <summary>Organisation names found by pattern: where they begin and end, and what is not one.</summary>
public class OrganizationNameTests
{
    [Theory]
    // Two bodies joined by "and", a person or a role after "and", a verb glued to a headline's name.
    [InlineData("a meeting between the Fine Arts Council and the National Puppet Museum of Laos", "National Puppet Museum of Laos")]
    [InlineData("a meeting between the Fine Arts Council and the National Puppet Museum of Laos", "Fine Arts Council")]
    [InlineData("lecturers of Naresuan Arts University and Lanna Music University joined", "Lanna Music University")]
    [InlineData("sent by the Ministry of Tourism and Mr. Somkid Chaiwan, Consul-General", "Ministry of Tourism")]
    [InlineData("said the leader of the Thai Unity Party and Chair of the National Film Board.", "Thai Unity Party")]
    [InlineData("said the leader of the Thai Unity Party and Chair of the National Film Board.", "National Film Board")]
    [InlineData("Siam Crafts Association Attended the Fair in Lyon", "Siam Crafts Association")]
    // Names that hold "and" or "of" themselves.
    [InlineData("supported by the Qatar Muay Thai and Kickboxing Federation and others", "Qatar Muay Thai and Kickboxing Federation")]
    [InlineData("guests included the chief of the Lanna Crafts for Life Foundation and others", "Lanna Crafts for Life Foundation")]
    [InlineData("organised by the Leisure and Heritage Services Department this month", "Leisure and Heritage Services Department")]
    [InlineData("the Committee on the Promotion and Preservation of Folk Wisdom met", "Committee on the Promotion and Preservation of Folk Wisdom")]
    [InlineData("with help from the Royal Thai Consulate-General in Sydney and partners", "Royal Thai Consulate-General in Sydney")]
    // Company names, and bodies whose head comes first (Romance word order).
    [InlineData("บพค. จับมือ CJ Entertainment พัฒนาบุคลากร", "CJ Entertainment")]
    [InlineData("ลงนามกับ Universidad Nacional de Colombia(UNAL) เพื่อแลกเปลี่ยนนักศึกษา", "Universidad Nacional de Colombia")]
    // A legal suffix belongs to the company.
    [InlineData("signed with Siam Lotus Trading Co., Ltd. on Monday", "Siam Lotus Trading Co., Ltd.")]
    [InlineData("ลงนามร่วมกับบริษัท สยามศิลป์ มีเดีย จำกัด (มหาชน) เพื่อพัฒนาคอนเทนต์", "บริษัท สยามศิลป์ มีเดีย จำกัด (มหาชน)")]
    // A Thai name that holds a word which usually ends one.
    [InlineData("โดยคณะกรรมการส่งเสริมและรักษามรดกภูมิปัญญาทางวัฒนธรรมเป็นผู้พิจารณา", "คณะกรรมการส่งเสริมและรักษามรดกภูมิปัญญาทางวัฒนธรรม")]
    [InlineData("ร่วมกับคณะกรรมการแห่งชาติว่าด้วยการศึกษาเพื่อการพัฒนา จัดงาน", "คณะกรรมการแห่งชาติว่าด้วยการศึกษาเพื่อการพัฒนา")]
    [InlineData("สำนักพิมพ์ชายฝั่งร่วมซื้อขายลิขสิทธิ์งานแปลกับต่างประเทศ", "สำนักพิมพ์ชายฝั่ง")]
    [InlineData("ประชุมคณะอนุกรรมการขับเคลื่อนเครือข่ายเมืองสร้างสรรค์ของยูเนสโก ครั้งที่ 2", "คณะอนุกรรมการขับเคลื่อนเครือข่ายเมืองสร้างสรรค์ของยูเนสโก")]
    [InlineData("ข่าวดี รัฐบาลญี่ปุ่นปลดล็อกการเดินทางสำหรับนักท่องเที่ยวไทย", "รัฐบาลญี่ปุ่น")]
    [InlineData("ร่วมกับรัฐบาลกรุงโซล จัดงานเทศกาลอาหารไทย", "รัฐบาลกรุงโซล")]
    // A municipality ends with the city it is named by, whatever is glued after it; an unknown town's is read as any name.
    [InlineData("ข่าวเด่น : เทศบาลนครเมลเบิร์นชื่นชมบทบาทนักดนตรีไทย", "เทศบาลนครเมลเบิร์น")]
    [InlineData("เทศบาลนครเชียงใหม่ชูงานหัตถกรรมสู่เวทีโลก", "เทศบาลนครเชียงใหม่")]
    [InlineData("โดยเทศบาลตำบลหนองหญ้าปล้อง ร่วมกับชุมชน", "เทศบาลตำบลหนองหญ้าปล้อง")]
    [InlineData("โดยมีสมาคมไทยแห่งรัฐโอเรกอนให้การต้อนรับคณะ", "สมาคมไทยแห่งรัฐโอเรกอน")]
    // A list of portfolios after "of" belongs to the ministry.
    [InlineData("HANOI — Laos' Ministry of Information, Culture and Tourism and the Royal Thai Embassy in Vientiane co-hosted", "Laos' Ministry of Information, Culture and Tourism")]
    [InlineData("HANOI — Laos' Ministry of Information, Culture and Tourism and the Royal Thai Embassy in Vientiane co-hosted", "Royal Thai Embassy in Vientiane")]
    // A possessive 's is outside the name before a common word; a country's possessive before a body's name is part of it.
    [InlineData("This is part of the Siam Heritage Council’s plan to tour Europe.", "Siam Heritage Council")]
    [InlineData("The Siam Heritage Council's members met in Lyon.", "Siam Heritage Council")]
    [InlineData("It is the Tourism Authority of Thailand’s first campaign in Peru.", "Tourism Authority of Thailand")]
    [InlineData("Việt Nam's Ministry of Culture, Sports and Tourism hosted the week.", "Việt Nam's Ministry of Culture, Sports and Tourism")]
    // A city or prefecture that signs is its government.
    [InlineData("TAT signed a letter of intent with Sendai City and partners.", "Sendai City")]
    [InlineData("The mayor welcomed guests on behalf of the City of Sendai.", "City of Sendai")]
    // "and" after a name with no object yet, after a known body's whole name or a place, or before an acronym joins two parties.
    [InlineData("The Royal Thai Embassy and Lotus Reel Media Sdn Bhd signed the pact.", "Lotus Reel Media Sdn Bhd")]
    [InlineData("The Royal Thai Embassy and Lotus Reel Media Sdn Bhd signed the pact.", "Royal Thai Embassy")]
    [InlineData("The Office of Craft Exports and KRAFTA will share a stand in Milan.", "Office of Craft Exports")]
    [InlineData("helped by the Tourism Authority of Thailand and Lanna-based weaving groups", "Tourism Authority of Thailand")]
    [InlineData("with the Cultural Council of Laos and Kickboxing-linked clubs", "Cultural Council of Laos")]
    // A meeting's number (ครั้งที่ 2/2567) glued to the committee's name is not part of it.
    [InlineData("ประชุมคณะกรรมการส่งเสริมหัตถศิลป์แห่งชาติครั้งที่ 2/2567 ที่ทำเนียบรัฐบาล", "คณะกรรมการส่งเสริมหัตถศิลป์แห่งชาติ")]
    // "ประจำปี" (of the year) glued after a body's name is not part of it.
    [InlineData("ขออนุมัติงบประมาณรายจ่ายกองทุนส่งเสริมงานหัตถศิลป์ประจำปี 2569", "กองทุนส่งเสริมงานหัตถศิลป์")]
    // A centre or an office named by its known city after ณ is that branch.
    [InlineData("ลงนามระหว่างศูนย์วัฒนธรรมไทย ณ กรุงเทพมหานคร และศูนย์วัฒนธรรมไทย ณ นครปูซาน ที่ห้องประชุม", "ศูนย์วัฒนธรรมไทย ณ นครปูซาน")]
    // A short form closed by its full stop ends the name though the next word is glued to it.
    [InlineData("ข่าวเด่น กรมศสช.นำคณะทูตชมงานหัตถกรรมไทย", "กรมศสช.")]
    public void Find_OrganisationByPattern_NameAsWritten(string text, string name)
    {
        var doc = Extract.Run(text);

        var m = Assert.Single(doc.Facts().Mentions, m => m.IsOrganization && m.Text == name);
        Assert.Equal(text.IndexOf(name, StringComparison.Ordinal), m.Span.Start);
    }

    [Theory]
    // A bare head, a legal suffix alone, a generic class of bodies, an event's name.
    [InlineData("The Embassy will post the series every Thursday.")]
    [InlineData("Ltd. is short for limited, as in a company's name.")]
    [InlineData("ความร่วมมือกับมหาวิทยาลัยชั้นนำและบริษัทผู้ผลิตภาพยนตร์")]
    [InlineData("ผู้แทนจากสถานเอกอัครราชทูตต่างประเทศ ร่วมงาน")]
    [InlineData("นักศึกษาจากสถาบันอุดมศึกษาระดับแนวหน้า")]
    [InlineData("The 18th Session of the Mekong Heritage Forum opened in Vientiane.")]
    [InlineData("Bangkok Design Week and the Thai Food Festival Lyon drew crowds.")]
    [InlineData("ดีป้าจะเปิดรับสมัครโครงการบ่มเพาะ (Game Studio Incubation) รุ่นที่ 2")]
    [InlineData("ผลงานของสำนักพิมพ์ไทยและมหาวิทยาลัยไทยหลายแห่ง")]
    [InlineData("โดยมีคณะกรรมการผู้ทรงคุณวุฒิ เข้าร่วมประชุม")]
    [InlineData("สภาพแวดล้อมของงานเทศกาลดีขึ้นมาก")]
    [InlineData("ประสานงานกับสถานเอกอัครราชทูตไทยประจำประเทศเพื่อนบ้าน")]
    [InlineData("ในงานมีการออกร้านของสถานเอกอัครราชทูตประเทศต่าง ๆ จำนวน 47 ประเทศ")]
    [InlineData("ผู้แทนสถานเอกอัครราชทูตประเทศต่างๆ เข้าร่วมงาน")]
    [InlineData("The series was shown by Thai Entertainment channels across Asia.")]
    [InlineData("Culture Office Signs Pact With Osaka Trade Bureau For Film Week\nThe two bodies will share venues.")]
    [InlineData("CULTURE OFFICE AND OSAKA TRADE BUREAU AGREE TO SHARE FILM VENUES\nThe two bodies will share venues.")]
    [InlineData("คณะรัฐมนตรีมอบหมายให้กระทรวงวัฒนธรรมลงนามฝ่ายไทยกับญี่ปุ่นในเดือนหน้า")]
    [InlineData("ประธานคณะกรรมการติดภารกิจ จึงมอบหมายให้รองประธานทำหน้าที่แทน")]
    [InlineData("มีสถานทูตและสำนักงานองค์การระหว่างประเทศร่วมออกร้าน")]
    [InlineData("ผู้แทนองค์การระหว่างประเทศเข้าร่วมงาน")]
    public void Find_NotAnOrganisation_NoneByPattern(string text)
    {
        var facts = Extract.Run(text).Facts();

        Assert.DoesNotContain(facts.Mentions, m => m.IsOrganization && m.Source == MentionSource.Pattern);
    }

    [Fact]
    public void Resolve_BranchesNamedByTheirCities_OneEntityPerCityHoweverItIsWritten()
    {
        const string text = "ศูนย์วัฒนธรรมไทย ณ กรุงเทพฯ จับมือศูนย์วัฒนธรรมไทย ณ นครปูซาน\n\nเมื่อวันที่ 9 กันยายน 2562 ศูนย์วัฒนธรรมไทย ณ กรุงเทพมหานคร ลงนามกับศูนย์วัฒนธรรมไทย ณ นครปูซาน";

        var branches = Extract.Run(text).Facts().Entities.Where(e => e.IsOrganization && e.Name.StartsWith("ศูนย์วัฒนธรรมไทย", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, branches.Count);
        Assert.Contains(branches, e => e.Name.EndsWith("นครปูซาน", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_KnownBodyNamedByItsCity_StaysThatBody()
    {
        var facts = Extract.Run("เมื่อวันที่ 5 มีนาคม 2567 สำนักงานส่งเสริมการค้าในต่างประเทศ ณ กรุงปารีส จัดงานเทศกาลอาหารไทย").Facts();

        Assert.Contains(facts.Entities, e => e.Key == "agency:thai-trade-center");
    }

    [Fact]
    public void Find_LegalFormInBrackets_NoBodyOfItsOwn()
    {
        const string text = "Mrs. Malai Srisuk, chair of the Creative Economy Agency Thailand (Public Organization)’s board, signed the pact.";

        Assert.DoesNotContain(Extract.Run(text).Facts().Mentions, m => m.IsOrganization && m.Text.StartsWith("Public", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("The award night took place at the Emirates Golf Club on Saturday.", "Emirates Golf Club")]
    [InlineData("The forum was held at Riverside Convention Centre in Bangkok.", "Riverside Convention Centre")]
    [InlineData("เมื่อวันที่ 18 ก.ค. ที่ทำเนียบรัฐบาล รองโฆษกแถลงผลการประชุม", "ทำเนียบรัฐบาล")]
    [InlineData("The two leaders met at the Command Building, Government House, on Tuesday.", "Government House")]
    [InlineData("The MOUs were signed at noon inside the Government House compound.", "Government House")]
    [InlineData("จัดนิทรรศการ ณ พิพิธภัณฑ์ผ้าพื้นถิ่นเมืองน่าน ระหว่างวันที่ 3-5 มีนาคม", "พิพิธภัณฑ์ผ้าพื้นถิ่นเมืองน่าน")]
    [InlineData("Delegates toured Tokyo. Visitors crowded in Sendai City on Sunday.", "Sendai")]
    public void Find_Venue_VenueNotOrganisation(string text, string name)
    {
        var facts = Extract.Run(text).Facts();

        var m = Assert.Single(facts.Mentions, m => m.Text == name);
        Assert.Contains(m.Kind, (EntityKind[])[EntityKind.Venue, EntityKind.ForeignPlace]);
        Assert.DoesNotContain(facts.Entities, e => e.Name == name);
    }

    [Theory]
    // ICU glues the body's first letter to the role before it (ผู้|อำนวย|การก|รม…); the role's end is a word's end.
    [InlineData("นายสมชาย ใจดี ผู้อำนวยการกรมศิลปากร กล่าวว่า", "กรมศิลปากร", "ผู้อำนวยการ")]
    [InlineData("Ms. Le Thi Lan รองผู้อำนวยการกรมวัฒนธรรมและกีฬาจังหวัดเถื่อเทียนเว้ พร้อมคณะ", "กรมวัฒนธรรมและกีฬาจังหวัดเถื่อเทียนเว้", "รองผู้อำนวยการ")]
    public void Find_BodyGluedToARole_BodyAndRole(string text, string body, string role)
    {
        var facts = Extract.Run(text).Facts();

        var m = Assert.Single(facts.Mentions, m => m.IsOrganization && m.Text == body);
        Assert.Equal(text.IndexOf(body, StringComparison.Ordinal), m.Span.Start);
        var person = Assert.Single(facts.Entities, e => e.Kind == EntityKind.Person);
        Assert.Equal(role, person.Roles[0].Role);
        Assert.Equal(body, person.Roles[0].Organization?.Text);
    }

    [Theory]
    [InlineData("organised by the Heritage and Leisure Services Department (HLSD). HLSD will tour the show.", "HLSD", 2)]
    [InlineData("สำนักงานขับเคลื่อนการปฏิรูปวัฒนธรรม (สำนักงาน ป.ร.ว.) และสำนักงาน ป.ร.ว. จะร่วมกันจัดงาน", "สำนักงาน ป.ร.ว.", 2)]
    public void Find_AbbreviationDefinedInBrackets_MentionsOfTheBody(string text, string abbreviation, int times)
    {
        var facts = Extract.Run(text).Facts();

        var body = Assert.Single(facts.Entities, e => e.IsOrganization && e.Mentions.Any(m => m.Text == abbreviation));
        Assert.Equal(times, body.Mentions.Count(m => m.Text == abbreviation));
        Assert.Equal(text.IndexOf(abbreviation, StringComparison.Ordinal), body.Mentions.First(m => m.Text == abbreviation).Span.Start);
    }

    [Theory]
    [InlineData("ร่วมกับสมาคมช่างทอผ้าล้านนา (Lanna Weavers Association - LWA) จัดงานผ้าทอ เมื่อวันที่ 3 พฤษภาคม 2568 ที่เชียงใหม่", "สมาคมช่างทอผ้าล้านนา", "Lanna Weavers Association")]
    [InlineData("joined by the Lanna Weavers Association (สมาคมช่างทอผ้าล้านนา) at the fair", "Lanna Weavers Association", "สมาคมช่างทอผ้าล้านนา")]
    public void Find_NameInTheOtherScriptInBrackets_OneBody(string text, string first, string bracketed)
    {
        var facts = Extract.Run(text).Facts();

        var body = Assert.Single(facts.Entities, e => e.IsOrganization);
        Assert.Contains(body.Mentions, m => m.Text == first);
        Assert.Contains(body.Mentions, m => m.Text == bracketed && m.Span.Start == text.IndexOf(bracketed, StringComparison.Ordinal));
    }

    [Fact]
    public void Find_NameCutByAHardWrappedLine_TheBodyNamedWholeElsewhere()
    {
        const string text = "ประชุมคณะอนุกรรมการส่งเสริมงานหัตถกรรมพื้นบ้านภาคเหนือ\n\nเมื่อวันที่ 3 มีนาคม 2568 ผู้แทนกรมได้เข้าร่วมการประชุมคณะอนุกรรมการส่งเสริมงานหัตถกรรม\nพื้นบ้านภาคเหนือ ครั้งที่ 1/2568";
        var facts = Extract.Run(text).Facts();

        var body = Assert.Single(facts.Entities, e => e.IsOrganization && e.Name.StartsWith("คณะอนุกรรมการ", StringComparison.Ordinal));
        Assert.Equal("คณะอนุกรรมการส่งเสริมงานหัตถกรรมพื้นบ้านภาคเหนือ", body.Name);
        Assert.Equal(2, body.Mentions.Count);
    }

    [Fact]
    public void Find_PatternNameWithAKnownAbbreviation_TheKnownBody()
    {
        var facts = Extract.Run("ร่วมกับกรมส่งเสริมวัฒนธรรมไทย (สวธ.) จัดงาน").Facts();

        var body = Assert.Single(facts.Entities, e => e.IsOrganization);
        Assert.Equal("agency:dcp", body.Key);
    }

    [Theory]
    [InlineData("Thailand's Ministry of Culture and the Korea Foundation signed the plan.", "Thailand's Ministry of Culture", "agency:mculture")]
    [InlineData("Speaking there, Tourism Authority of Thailand Governor Somsri Chaiyo said arrivals rose.", "Tourism Authority of Thailand", "agency:tat")]
    [InlineData("The Ministry of Culture of Thailand also sent a puppet troupe.", "Ministry of Culture of Thailand", "agency:mculture")]
    // The English press's short name of the national soft power strategy committee.
    [InlineData("The forum is co-hosted by the Ministry of Culture and the National Soft Power Committee.", "National Soft Power Committee", "agency:sp-strategy")]
    public void Find_KnownBodyWithCountryOrRoleAround_TheKnownBody(string text, string written, string key)
    {
        var facts = Extract.Run(text).Facts();

        var m = Assert.Single(facts.Mentions, m => m.IsOrganization && m.Key == key);
        Assert.Equal(written, m.Text);
        Assert.Equal(text.IndexOf(written, StringComparison.Ordinal), m.Span.Start);
    }

    [Theory]
    [InlineData("Việt Nam's Ministry of Culture, Sports and Tourism and the Thai embassy co-hosted a concert.", "Việt Nam's Ministry of Culture, Sports and Tourism", "VN")]
    [InlineData("Korea's Ministry of Culture, Sports and Tourism and the Thai embassy co-hosted a concert.", "Korea's Ministry of Culture, Sports and Tourism", "KR")]
    [InlineData("Japan's Ministry of Culture welcomed the Thai delegation.", "Japan's Ministry of Culture", "JP")]
    public void Find_KnownBodyNameWrittenWithItsCountry_ThatCountrysBody(string text, string written, string country)
    {
        var facts = Extract.Run(text).Facts();

        var m = Assert.Single(facts.Mentions, m => m.IsOrganization && m.Text == written);
        Assert.Equal(country, m.Country);
        Assert.Equal(text.IndexOf(written, StringComparison.Ordinal), m.Span.Start);
    }

    [Theory]
    [InlineData("Somsri Chaiyo, leader of the Siam Unity Party and Vice Chairperson of the festival board, spoke first.", "Siam Unity Party")]
    [InlineData("The Lanna Crafts Guild and Deputy Director of the museum opened the fair.", "Lanna Crafts Guild")]
    [InlineData("นางสาวสมศรี ใจดี อธิบดีกรมสารนิเทศและโฆษกกระทรวงการต่างประเทศ เปิดงานเทศกาลไทย", "กรมสารนิเทศ")]
    [InlineData("นายสมชาย ใจดี ผู้อำนวยการสำนักงานส่งเสริมวัฒนธรรมและรองโฆษกกระทรวงวัฒนธรรม กล่าวว่า", "สำนักงานส่งเสริมวัฒนธรรม")]
    public void Find_BodyJoinedByAndToAPost_NameEndsBeforeThePost(string text, string name)
    {
        var facts = Extract.Run(text).Facts();

        var m = Assert.Single(facts.Mentions, m => m.IsOrganization && m.Text.StartsWith(name, StringComparison.Ordinal));
        Assert.Equal(name, m.Text);
    }

    [Theory]
    [InlineData("A spokesman said that the Lanna Crafts Guild The Ministry of Commerce organized the fair.", "Lanna Crafts Guild", "Ministry of Commerce")]
    [InlineData("He said the Siam Film Academy The Thai Film Council would screen ten films.", "Siam Film Academy", "Thai Film Council")]
    public void Find_CapitalisedTheInsideARun_TwoBodies(string text, string first, string second)
    {
        var names = Extract.Run(text).Facts().Mentions.Where(m => m.IsOrganization).Select(m => m.Text).ToList();

        Assert.Contains(first, names);
        Assert.Contains(names, n => n.EndsWith(second, StringComparison.Ordinal) && !n.Contains(first, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Speaking there, Tourism Authority of Thailand Governor Somsri Chaiyo said arrivals rose.", "Governor", "agency:tat")]
    [InlineData("Chiang Mai Governor Wichai Thongdee welcomed the delegation.", "Governor", "province:TH-50")]
    public void Find_BodyWrittenBeforeTheRole_RoleWithThatBody(string text, string role, string bodyKey)
    {
        var person = Assert.Single(Extract.Run(text).Facts().Entities, e => e.Kind == EntityKind.Person);

        Assert.Equal(role, person.Roles[0].Role);
        Assert.Equal(bodyKey, person.Roles[0].Organization?.Key);
    }

    [Fact]
    public void Find_MuseumAsAParty_Organisation()
    {
        const string text = "กรมศิลปากรลงนามความร่วมมือกับพิพิธภัณฑ์พื้นบ้านแห่งชาติลาว เมื่อวันที่ 2 พฤษภาคม";

        var m = Assert.Single(Extract.Run(text).Facts().Mentions, m => m.Text == "พิพิธภัณฑ์พื้นบ้านแห่งชาติลาว");

        Assert.Equal(EntityKind.ForeignOrganization, m.Kind);
        Assert.Equal("LA", m.Country);
    }

    [Fact]
    public void Find_ProvinceAsTheBodyOfARole_ItsAdministration()
    {
        var facts = Extract.Run("นายวิรัช ศรีเมือง รองปลัดกรุงเทพมหานคร มอบโอวาทแก่เยาวชน").Facts();

        var m = Assert.Single(facts.Mentions, m => m.Text == "กรุงเทพมหานคร");
        Assert.Equal(EntityKind.ThaiOrganization, m.Kind);
    }

    [Theory]
    // A venue named as the body that sits there.
    [InlineData("ข่าวทำเนียบรัฐบาลรายงานว่า ครม. อนุมัติงบประมาณ", "ทำเนียบรัฐบาล")]
    public void Find_VenueAsItsBody_TheBody(string text, string written)
    {
        var facts = Extract.Run(text).Facts();

        var m = Assert.Single(facts.Mentions, m => m.Text == written);
        Assert.Equal("agency:thai-gov", m.Key);
    }

    [Theory]
    [InlineData("พร้อมด้วยกองนโยบายและการต่างประเทศ สำนักงานปลัดกระทรวงวัฒนธรรม", "กองนโยบายและการต่างประเทศ", "สำนักงานปลัดกระทรวงวัฒนธรรม")]
    [InlineData("Media contact: CEA Communications Department, Bangkok", "Communications Department", "CEA")]
    [InlineData("ผู้อำนวยการ ททท. สำนักงานสุโขทัย เข้าร่วมงาน", "สำนักงานสุโขทัย", "ททท.")]
    [InlineData("การท่องเที่ยวแห่งประเทศไทย สำนักงานเชียงราย หอการค้าจังหวัดเชียงราย", "สำนักงานเชียงราย", "การท่องเที่ยวแห่งประเทศไทย")]
    [InlineData("ผู้แทนการท่องเที่ยวแห่งประเทศไทย สำนักงานกรุงโตเกียว ร่วมออกบูธ", "สำนักงานกรุงโตเกียว", "การท่องเที่ยวแห่งประเทศไทย")]
    [InlineData("The embassy, with the Tourism Authority of Thailand, Seoul Office, ran a food stall.", "Seoul Office", "Tourism Authority of Thailand")]
    public void Find_InternalUnit_DivisionWithItsBody(string text, string unit, string body)
    {
        var facts = Extract.Run(text).Facts();

        var m = Assert.Single(facts.Mentions, m => m.Text == unit);
        Assert.Equal(EntityKind.Division, m.Kind);
        Assert.Equal(body, m.Parent?.Text);
        Assert.DoesNotContain(facts.Entities, e => e.Name == unit);
    }

    [Fact]
    public void Resolve_EmbassyOfOneCountryNamedThreeWays_OneEntity()
    {
        const string text = "The Thai Embassy in Seoul and the Korea Foundation will host the fair.\nThe festival is organised by the Royal Embassy of Thailand in Seoul every year.\nThai Embassy staff will cook.";

        var embassies = Extract.Run(text).Facts().Entities.Where(e => e.Name.Contains("Embassy", StringComparison.Ordinal)).ToList();

        var embassy = Assert.Single(embassies);
        Assert.Equal("TH", embassy.Country);
    }

    [Fact]
    public void Find_AcronymInARunOfCapitals_NotTheBody()
    {
        var facts = Extract.Run("ยูเนสโกประกาศให้นวดไทย (NUAD THAI) เป็นมรดกวัฒนธรรม ส่วนการบินไทย (THAI) ให้การสนับสนุน").Facts();

        var m = Assert.Single(facts.Mentions, m => m.Text == "THAI");
        Assert.Equal("agency:thai-airways", m.Key);
    }

    [Fact]
    public void Find_AcronymWrittenAsAWord_NotTheBody()
    {
        // ATTA is an association's acronym; "Atta" here is a director's given name.
        var facts = Extract.Run("The film was directed by Atta Hemchai, and the ATTA travel fair opened.").Facts();

        Assert.Single(facts.Mentions, m => m.Key == "agency:atta");
        Assert.Contains(facts.Entities, e => e.Kind == EntityKind.Person && e.Name == "Atta Hemchai");
    }

    [Theory]
    // A name cut at a hyphen is shorter than the word สำนักงาน that starts a branch's name: the check read past its end and threw.
    [InlineData("ผู้แทนสมาคมที-ป็อปแห่งประเทศญี่ปุ่นร่วมงานแถลงข่าวที่กรุงเทพฯ", "สมาคม")]
    [InlineData("นายกสมาคมอี-สปอร์ตไทยกล่าวต้อนรับคณะจากเกาหลี", "สมาคม")]
    public void Find_NameShorterThanABranchHead_MentionsInsideTheText(string text, string head)
    {
        var doc = Extract.Run(text);

        var m = Assert.Single(doc.Facts().Mentions, m => m.IsOrganization && m.Text.StartsWith(head, StringComparison.Ordinal));
        Assert.Equal(text.IndexOf(head, StringComparison.Ordinal), m.Span.Start);
        Assert.Equal(text[m.Span.Start..m.Span.End], m.Text);
    }
}
