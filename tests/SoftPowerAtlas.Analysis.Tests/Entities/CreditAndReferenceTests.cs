using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Analysis.Tests.Engagements;

namespace SoftPowerAtlas.Analysis.Tests.Entities;

/// <summary>Credits hold no entity of the story; references back by role name their person.</summary>
public class CreditAndReferenceTests
{
    [Theory]
    [InlineData("Photo courtesy of Somchai Studio (Instagram)\n\nThe minister opened the fair.", "Somchai Studio")]
    [InlineData("Participants at the seminar (Photo: Xinhua)\nThe seminar ran for two days.", "Xinhua")]
    [InlineData("Bangkok (VNA) – The embassy held a reception for partners.", "VNA")]
    [InlineData("The new centre will house a library and a Thai language school.-VNA", "VNA")]
    [InlineData("BANGKOK (The Daily Courier/Asia Media Network): The ministry opened a film fund.", "Asia Media Network")]
    [InlineData("CHIANG MAI, Oct. 4 (Northern Wire Service) - The province hosted a craft fair.", "Northern Wire Service")]
    [InlineData("The films will be shown in March, reported Bangkok Post.", "Bangkok Post")]
    [InlineData("Speaking to the Bangkok Post, the chef said his restaurant serves Thai food.", "Bangkok Post")]
    [InlineData("Delegates visited the old town. (Post Today photo)", "Post Today")]
    [InlineData("Thai Festival in Seoul\n\nBy Anan Kumar\nPublished: Jul 2, 2024\n\nThe embassy will host the fair.", "Anan Kumar")]
    [InlineData("ภาพ: สำนักงานประชาสัมพันธ์จังหวัดน่าน\nจังหวัดน่านจัดงานประเพณี", "สำนักงานประชาสัมพันธ์จังหวัดน่าน")]
    [InlineData("อ่านต่อได้ที่ https://www.prd.go.th/th/content/category/detail/id/39", "prd")]
    [InlineData("Government Public Relations Department : https://www.example.go.th/news/1", "Government Public Relations Department")]
    [InlineData("The minister thanked fans on her Facebook page and in a post on YouTube.", "Facebook")]
    [InlineData("The minister thanked fans on her Facebook page and in a post on YouTube.", "YouTube")]
    [InlineData("ชมการถ่ายทอดสดผ่านเพจเฟซบุ๊กของสถานทูต", "เฟซบุ๊ก")]
    [InlineData("ข่าวกิจกรรม : สถานทูตร่วมงานเทศกาลนานาชาติ  ศูนย์ข่าว กระทรวงวัฒนธรรม\n\nเมื่อวันที่ 25 พฤศจิกายน 2561 สถานทูตร่วมออกร้าน", "กระทรวงวัฒนธรรม")]
    public void Find_NameInACredit_NoEntity(string text, string credited)
    {
        var facts = Extract.Run(text).Facts();

        Assert.DoesNotContain(facts.Mentions, m => m.Text.Contains(credited, StringComparison.OrdinalIgnoreCase) && m.Kind is not (EntityKind.Country or EntityKind.Province or EntityKind.ForeignPlace));
    }

    [Theory]
    [InlineData("โดยองค์การการศึกษา วิทยาศาสตร์ และวัฒนธรรม แห่งสหประชาชาติ จัดการประชุมคณะกรรมการ")]
    [InlineData("โดยองค์การการศึกษา วิทยาศาสตร์และวัฒนธรรม แห่งสหประชาชาติ จัดการประชุมคณะกรรมการ")]
    public void Find_KnownThaiNameSpacedAnotherWay_IsTheKnownBody(string text)
    {
        var facts = Extract.Run(text).Facts();

        var m = Assert.Single(facts.Mentions, m => m.IsOrganization);
        Assert.Equal("body:unesco", m.Key);
    }

    [Theory]
    [InlineData("The consulate's dancers joined the Chinese New Year parade in Sydney.")]
    [InlineData("สถานกงสุลใหญ่ส่งนักแสดงร่วมงานเทศกาลวันตรุษจีนของนครซิดนีย์")]
    public void Find_FestivalNamedByAPeople_NoCountry(string text)
    {
        var facts = Extract.Run(text).Facts();

        Assert.DoesNotContain(facts.Mentions, m => m.Kind == EntityKind.Country);
    }

    [Fact]
    public void Find_EverydayPhraseHoldingACountrysName_NoCountry()
    {
        var facts = Extract.Run("The display showcased Thai Hom Mali rice, herbs and fresh fruit from the ambassadors of Senegal and Mali.").Facts();

        var mali = Assert.Single(facts.Mentions, m => m.Kind == EntityKind.Country && m.Name == "Mali");
        Assert.True(mali.Span.Start > 60);
    }

    [Theory]
    [InlineData("Xinhua signed a content exchange agreement with the Thai News Agency in Bangkok.", "body:xinhua")]
    [InlineData("Xinhua signed a content exchange agreement with the Thai News Agency in Bangkok.", "agency:tna")]
    [InlineData("Meta and the digital economy agency signed an MOU on creator training.", "body:meta")]
    public void Find_OutletOrPlatformAsAParty_StillAnOrganisation(string text, string key)
    {
        var facts = Extract.Run(text).Facts();

        Assert.Contains(facts.Entities, e => e.Key == key);
    }

    [Theory]
    // Neighbours' culture ministries, whose Thai names hold spaces and commas a pattern cannot cross.
    [InlineData("รัฐมนตรีทั้งสองลงนามร่วมกับกระทรวงแถลงข่าว วัฒนธรรม และการท่องเที่ยวแห่งสาธารณรัฐประชาธิปไตยประชาชนลาว ในวันนี้", "body:mict-laos", "LA")]
    [InlineData("ผู้แทนกระทรวงการท่องเที่ยว ศิลปะ และวัฒนธรรมมาเลเซีย เข้าร่วมงาน", "body:motac-malaysia", "MY")]
    [InlineData("The Ministry of Culture and Fine Arts of Cambodia lent twelve masks.", "body:mcfa-cambodia", "KH")]
    public void Find_NeighboursCultureMinistry_KnownForeignBody(string text, string key, string country)
    {
        var facts = Extract.Run(text).Facts();

        var body = Assert.Single(facts.Entities, e => e.Key == key);
        Assert.Equal(country, body.Country);
    }

    [Theory]
    [InlineData("H.E. Mr. Daniel Brooks, Ambassador of Canada to Thailand, visited the museum. The Ambassador praised the collection.", "the Ambassador", "Daniel Brooks")]
    [InlineData("Ambassador Ahmed Karim opened the week. Later the envoy met students.", "the envoy", "Ahmed Karim")]
    [InlineData("นายสุรชัย มั่นคง เอกอัครราชทูต ณ กรุงโรม เป็นประธานในพิธี โดยท่านทูตกล่าวว่า", "ท่านทูต", "สุรชัย มั่นคง")]
    [InlineData("นายสุรชัย มั่นคง เอกอัครราชทูต ณ กรุงโรม เป็นประธานในพิธี ทั้งนี้ เอกอัครราชทูตฯ ได้มอบของที่ระลึก", "เอกอัครราชทูตฯ", "สุรชัย มั่นคง")]
    public void Find_RoleReferringBack_MentionOfThatPerson(string text, string reference, string name)
    {
        var doc = Extract.Run(text);

        var m = Assert.Single(doc.Facts().Mentions, m => m.IsCoreference);
        Assert.Equal(name, m.Name);
        Assert.Equal(reference, m.Text, ignoreCase: true);
        Assert.Equal(text.IndexOf(m.Text, StringComparison.Ordinal), m.Span.Start);
        var person = Assert.Single(doc.Facts().Entities, e => e.Kind == EntityKind.Person && e.Name == name);
        Assert.Contains(m, person.Mentions);
    }

    [Theory]
    // Two ambassadors: "the Ambassador" is either; "the Ambassador of Japan" is someone else.
    [InlineData("Ambassador Ahmed Karim met Ambassador Lars Berg. The Ambassador thanked the hosts.")]
    [InlineData("Ambassador Ahmed Karim opened the week. The Ambassador of Japan sent a message.")]
    public void Find_RoleReferringBackAmbiguously_NoMention(string text)
    {
        var facts = Extract.Run(text).Facts();

        Assert.DoesNotContain(facts.Mentions, m => m.IsCoreference);
    }

    [Fact]
    public void Find_RoleThatNamesItsBody_BodyIsAnEntity()
    {
        const string text = "Acting Government Spokesperson Somsak Rakthai met the delegation at noon.";

        var facts = Extract.Run(text).Facts();

        var body = Assert.Single(facts.Mentions, m => m.Key == "agency:thai-gov");
        Assert.Equal("Government", body.Text);
        Assert.Equal(text.IndexOf("Government", StringComparison.Ordinal), body.Span.Start);
        var person = Assert.Single(facts.Entities, e => e.Kind == EntityKind.Person);
        Assert.Equal("agency:thai-gov", person.Roles[0].Organization?.Key);
    }
}
