using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Analysis.Facts;
using SoftPowerAtlas.Analysis.Tests.Engagements;

namespace SoftPowerAtlas.Analysis.Tests.Entities;

public class PersonRolesTests
{
    [Theory]
    // Thai: role then body after a space, glued to it, or a pattern-found office inside the longest role form.
    [InlineData("วันนี้ นายทวีพงษ์ วิชัยดิษฐ ผู้อำนวยการ อพท. ให้การต้อนรับคณะ", "ทวีพงษ์ วิชัยดิษฐ", "ผู้อำนวยการ", "ผู้อำนวยการ อพท.", "อพท.", "agency:dasta")]
    [InlineData("พร้อมด้วยนาย Kiyochi Uchida หัวหน้าสำนักงานจังหวัดคุมาโมโตะ เข้าพบ", "Kiyochi Uchida", "หัวหน้า", "หัวหน้าสำนักงานจังหวัดคุมาโมโตะ", "สำนักงานจังหวัดคุมาโมโตะ", "body:")]
    [InlineData("นางสาวอรวรรณ เลิศสุวรรณ รองอธิบดีกรมทรัพย์สินทางปัญญา เป็นประธานเปิดการสัมมนา", "อรวรรณ เลิศสุวรรณ", "รองอธิบดี", "รองอธิบดีกรมทรัพย์สินทางปัญญา", "กรมทรัพย์สินทางปัญญา", "agency:")]
    [InlineData("โดยมี “Julien Lacorne” ผู้แทนจากสถานทูตฝรั่งเศสประจำประเทศไทย เข้าร่วม", "Julien Lacorne", "ผู้แทน", "ผู้แทนจากสถานทูตฝรั่งเศสประจำประเทศไทย", "สถานทูตฝรั่งเศสประจำประเทศไทย", "org:")]
    // English: ", Role of the Body" after the name, and "Role of Country to Host, Title Name" before it.
    [InlineData("On 3 May, Mr. Julien Lacorne, Cultural Attaché of the French Embassy, opened the week.", "Julien Lacorne", "Cultural Attaché", "Cultural Attaché of the French Embassy", "French Embassy", "org:")]
    [InlineData("The minister met the Ambassador of Japan to Thailand, H.E. Mr. Taro Yamada, in Bangkok.", "Taro Yamada", "Ambassador", "Ambassador of Japan", "Japan", "country:JP")]
    [InlineData("signed by Ms. Pimchanok Srisuk, Director-General of the DITP, and the French side.", "Pimchanok Srisuk", "Director-General", "Director-General of the DITP", "DITP", "agency:")]
    [InlineData("Somsak Wongchai, the Ambassador of Thailand to Qatar, welcomed the guests.", "Somsak Wongchai", "Ambassador", "Ambassador of Thailand", "Thailand", "country:TH")]
    public void Find_PersonWithRole_RoleBodyAndOffsets(string sentence, string name, string role, string roleAsWritten, string orgAsWritten, string orgKeyPrefix)
    {
        var doc = Extract.Run(sentence);
        var text = doc.Text.Text;

        var person = Assert.Single(doc.Facts().Entities, e => e.Kind == EntityKind.Person && e.Name == name);
        var r = Assert.Single(person.Roles);
        Assert.Equal(role, r.Role);
        Assert.Equal(roleAsWritten, text[r.Span.Start..r.Span.End]);
        Assert.Equal(text.IndexOf(roleAsWritten, StringComparison.Ordinal), r.Span.Start);
        Assert.NotNull(r.Organization);
        Assert.Equal(orgAsWritten, r.Organization.Text);
        Assert.Equal(orgAsWritten, text[r.Organization.Span.Start..r.Organization.Span.End]);
        Assert.StartsWith(orgKeyPrefix, r.Organization.Key, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_RoleBeforeANameFarIntoOneLongLine_RoleBodyAndOffsets()
    {
        // The clause before the name is read as a view of the text: the same role at offset 60,000 as at the start.
        var lead = string.Concat(Enumerable.Repeat("The festival drew visitors from Chiang Mai, Lyon and Osaka to the riverside stalls. ", 700));
        var doc = Extract.Run(lead + "The minister met the Ambassador of Japan to Thailand, H.E. Mr. Taro Yamada, in Bangkok.");
        var text = doc.Text.Text;

        var person = Assert.Single(doc.Facts().Entities, e => e.Kind == EntityKind.Person && e.Name == "Taro Yamada");
        var r = Assert.Single(person.Roles);
        Assert.Equal("Ambassador", r.Role);
        Assert.Equal(text.IndexOf("Ambassador of Japan", StringComparison.Ordinal), r.Span.Start);
        Assert.Equal("Ambassador of Japan", text[r.Span.Start..r.Span.End]);
        Assert.True(r.Span.Start > 50_000);
        Assert.Equal("Japan", r.Organization?.Text);
    }

    [Theory]
    [InlineData("Spokesperson Anucha Burapachaisri met with the press.", "Anucha Burapachaisri", "Spokesperson")]
    [InlineData("นางสาวอาภรณ์ เพชรรัตน์ ผู้เชี่ยวชาญเฉพาะด้าน กล่าวว่า", "อาภรณ์ เพชรรัตน์", "ผู้เชี่ยวชาญเฉพาะด้าน")]
    [InlineData("Speaking at the opening, Malee Sombat, the Thai consul-general in Osaka, said the fair would grow.", "Malee Sombat", "consul-general")]
    [InlineData("The fair was opened by Minister of Higher Education, Science, Research and Innovation Malee Sombat.", "Malee Sombat", "Minister of Higher Education, Science, Research and Innovation")]
    public void Find_RoleWithoutBody_RoleOnly(string sentence, string name, string role)
    {
        var person = Assert.Single(Extract.Run(sentence).Facts().Entities, e => e.Kind == EntityKind.Person && e.Name == name);

        var r = Assert.Single(person.Roles);
        Assert.Equal(role, r.Role);
        Assert.Null(r.Organization);
    }

    [Theory]
    [InlineData("นายสมชาย ใจดี กล่าวว่า งานนี้ดีมาก")]
    [InlineData("Mr. John Smith said the festival was a success.")]
    public void Find_NoRoleWritten_NoRole(string sentence)
    {
        var person = Assert.Single(Extract.Run(sentence).Facts().Entities, e => e.Kind == EntityKind.Person);

        Assert.Empty(person.Roles);
    }

    [Fact]
    public void Find_RoleBetweenTwoPeople_GoesToTheOneItFollows()
    {
        var facts = Extract.Run("นายทวีพงษ์ วิชัยดิษฐ ผู้อำนวยการ อพท. นายสมชาย ใจดี กล่าวว่า").Facts();

        Assert.Single(facts.Entities.Single(e => e.Name == "ทวีพงษ์ วิชัยดิษฐ").Roles);
        Assert.Empty(facts.Entities.Single(e => e.Name == "สมชาย ใจดี").Roles);
    }

    [Theory]
    [InlineData("ให้การต้อนรับนายจูเลียน ลากอร์น (Julien Lacorne) ผู้ช่วยทูตฝ่ายวัฒนธรรม และคณะ", "จูเลียน ลากอร์น", "Julien Lacorne")]
    [InlineData("The meeting was opened by Mr. Julien Lacorne (จูเลียน ลากอร์น) of the embassy.", "จูเลียน ลากอร์น", "Julien Lacorne")]
    [InlineData("ให้การต้อนรับ Mr. Hiroshi Tanaka (นายฮิโรชิ ทานากะ) กงสุลใหญ่ และคณะ", "ฮิโรชิ ทานากะ", "Hiroshi Tanaka")]
    [InlineData("ต้อนรับนายคิม จองโฮ (Kim Jong-ho) ผู้อำนวยการ และคณะ", "คิม จองโฮ", "Kim Jong-ho")]
    // The same role in the same body, once in Thai and once in English: one person.
    [InlineData("นายจูเลียน ลากอร์น ผู้ช่วยทูตฝ่ายวัฒนธรรม อพท. กล่าวเปิดงาน\n\nMr. Julien Lacorne, Cultural Attaché of DASTA, said the week would grow.", "จูเลียน ลากอร์น", "Julien Lacorne")]
    public void Resolve_ThaiAndLatinSpellingsLinkedByText_OneEntityWithBoth(string text, string thai, string latin)
    {
        var facts = Extract.Run(text).Facts();

        var person = Assert.Single(facts.Entities, e => e.Kind == EntityKind.Person);
        Assert.Contains(thai, person.Aliases);
        Assert.Contains(latin, person.Aliases);
        var written = Extract.Run(text).Text.Text;
        Assert.Contains(person.Mentions, m => written[m.Span.Start..m.Span.End].EndsWith(latin, StringComparison.Ordinal));
    }

    [Theory]
    // Two spellings with no link in the text stay two people: no transliteration guessing.
    [InlineData("นายจูเลียน ลากอร์น กล่าวเปิดงาน ต่อมา Mr. Julien Lacorne said the week would grow.")]
    // Same role, different bodies: not linked.
    [InlineData("นายจูเลียน ลากอร์น ผู้อำนวยการ อพท. กล่าวเปิดงาน\n\nMr. Julien Lacorne, Director of the CEA, said the week would grow.")]
    public void Resolve_SpellingsNotLinkedByText_TwoPeople(string text)
    {
        var facts = Extract.Run(text).Facts();

        Assert.Equal(2, facts.Entities.Count(e => e.Kind == EntityKind.Person));
    }

    [Theory]
    [InlineData("โดยจังหวัดขอนแก่นร่วมกับสำนักงานวัฒนธรรมจังหวัดขอนแก่นจะเป็นเจ้าภาพร่วม", "จังหวัดขอนแก่น", EntityKind.ThaiOrganization)]
    [InlineData("โดยเมืองคานาซาวะจะรับช่างหัตถกรรมจากเชียงใหม่ 10 คน", "เมืองคานาซาวะ", EntityKind.ForeignOrganization)]
    [InlineData("นายประสิทธิ์ วงศ์ใหญ่ รองผู้ว่าราชการจังหวัดเชียงใหม่ ให้การต้อนรับคณะ", "จังหวัดเชียงใหม่", EntityKind.ThaiOrganization)]
    public void Find_PlaceThatActs_IsAParty(string sentence, string written, EntityKind kind)
    {
        var facts = Extract.Run(sentence).Facts();

        var m = Assert.Single(facts.Mentions, m => m.Text == written);
        Assert.Equal(kind, m.Kind);
        Assert.Contains(facts.Entities, e => e.Mentions.Contains(m));
    }

    [Theory]
    [InlineData("ณ จังหวัดขอนแก่น มีผู้เข้าร่วมกว่า 200 คน", "จังหวัดขอนแก่น")]
    [InlineData("เดินทางไปเมืองคานาซาวะ ประเทศญี่ปุ่น", "เมืองคานาซาวะ")]
    public void Find_PlaceAsSetting_StaysAPlace(string sentence, string written)
    {
        var facts = Extract.Run(sentence).Facts();

        var m = Assert.Single(facts.Mentions, m => m.Text == written);
        Assert.True(m.Kind is EntityKind.Province or EntityKind.ForeignPlace, m.Kind.ToString());
    }

    [Fact]
    public void ExtractedFacts_Person_CarriesRoleOrganizationAndSpansIntoTheFile()
    {
        const string text = "วันนี้ นายทวีพงษ์ วิชัยดิษฐ ผู้อำนวยการ อพท. ให้การต้อนรับคณะผู้แทนจากญี่ปุ่น เพื่อหารือความร่วมมือ";
        var facts = ExtractedFacts.From(Extract.Run(text));

        var person = Assert.Single(facts.Entities, e => e.Kind == "person");
        Assert.Equal("ผู้อำนวยการ", person.Role);
        Assert.Equal("agency:dasta", person.OrganizationId);
        var role = person.Roles[0];
        Assert.Equal("ผู้อำนวยการ อพท.", text[role.Start..role.End]);
        var org = role.Organization!;
        Assert.Equal("อพท.", text[org.Start..org.End]);
        Assert.Equal(("agency:dasta", "อพท."), (org.Id, org.AsWritten));
        var span = person.Spans[0];
        Assert.Equal("นายทวีพงษ์ วิชัยดิษฐ", text[span.Start..span.End]);
        Assert.Contains(facts.Entities, e => e.Kind == "country" && e.Id == "country:JP");
    }
}
