using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Analysis.Tests.Engagements;

namespace SoftPowerAtlas.Analysis.Tests.Entities;

/// <summary>Thai names: where a name begins and ends when a title, a verb or a role is glued to it.</summary>
public class PersonNameTests
{
    [Theory]
    // A verb of saying after a given name is not a surname.
    [InlineData("นายปรีชา กล่าวว่า งานปีนี้มีผู้ร่วมงานมากกว่าปีที่แล้ว", "ปรีชา")]
    [InlineData("นางสาวพิมพ์ลดา เปิดเผยว่า กรมจะจัดงานอีกครั้งในปีหน้า", "พิมพ์ลดา")]
    [InlineData("นายสมศักดิ์กล่าวในพิธีเปิดว่า", "สมศักดิ์")]
    [InlineData("นายสมชาย จะเดินทางไปญี่ปุ่นเดือนหน้า", "สมชาย")]
    [InlineData("นายสมชาย มาเป็นประธานในพิธี", "สมชาย")]
    public void Find_GivenNameBeforeSpeechVerb_GivenNameOnly(string text, string given)
    {
        var facts = Extract.Run(text).Facts();

        var m = Assert.Single(facts.Mentions, m => m.Kind == EntityKind.Person);
        Assert.Equal(given, m.Name);
        Assert.True(m.GivenNameOnly);
        Assert.DoesNotContain(facts.Entities, e => e.Kind == EntityKind.Person);
    }

    [Theory]
    // ICU cuts "นางสาว" + an unknown name in odd places; the whole title still goes.
    [InlineData("พร้อมด้วยนางสาวศิรินภา ทองดี และนางสาวนภัสวรรณ แซ่ตั้ง นักวิเทศสัมพันธ์", "นภัสวรรณ แซ่ตั้ง")]
    [InlineData("โดยนายกฤษณพงศ์ ศรีสุข ปลัดกระทรวงวัฒนธรรม กล่าวว่า", "กฤษณพงศ์ ศรีสุข")]
    [InlineData("นายวีรวัฒน์ ศักดิ์ทอง ณ อยุธยา เอกอัครราชทูต ณ กรุงเวียนนา", "วีรวัฒน์ ศักดิ์ทอง ณ อยุธยา")]
    [InlineData("โดยมีนายดาโช เชริง วังชุก นายกรัฐมนตรีภูฏาน ร่วมเป็นสักขีพยาน", "เชริง วังชุก")]
    [InlineData("นาวาอากาศเอก ธนกร สุขสม ผู้อำนวยการ อพท. เป็นประธาน", "ธนกร สุขสม")]
    [InlineData("โดยนายทาคาชิ ยามาดะผู้ว่าราชการจังหวัดฟุกุโอกะ กล่าวต้อนรับ", "ทาคาชิ ยามาดะ")]
    [InlineData("นำโดยนายพลัฏฐ์ ศรีสวัสดิ์ ผู้อำนวยการสำนักงาน", "พลัฏฐ์ ศรีสวัสดิ์")]
    [InlineData("เป็นประธานกล่าวเปิดงาน และนายสมพงษ์\nรุ่งเรืองศรี รองผู้อำนวยการใหญ่", "สมพงษ์ รุ่งเรืองศรี")]
    [InlineData("ได้รับเกียรติจากศาสตราจารย์เกียรติคุณ นายแพทย์สมหวัง ดีงาม ราษฎรอาวุโส", "สมหวัง ดีงาม")]
    // A foreign surname ICU cuts into a function word and a piece (มา|เนต), before a role.
    [InlineData("ให้การต้อนรับ นายฮุน มาเนต นายกรัฐมนตรีกัมพูชา ณ ทำเนียบรัฐบาล", "ฮุน มาเนต")]
    [InlineData("ทำให้คุณแม่และคุณครูมีความสุข\nนางสาววาสนา ศรีสุข รองอธิบดี กล่าว", "วาสนา ศรีสุข")]
    // A surname that opens with a country's name (ไทย…).
    [InlineData("โดยมี น.ส.มณีรัตน์ ไทยประเสริฐ รมช.พาณิชย์ ร่วมงาน", "มณีรัตน์ ไทยประเสริฐ")]
    [InlineData("นายสมชาย ไทยรุ่งเรือง รองอธิบดีกรมศิลปากร กล่าวว่า", "สมชาย ไทยรุ่งเรือง")]
    public void Find_TitledThaiName_WholeNameWithoutTitle(string text, string name)
    {
        var doc = Extract.Run(text);

        var m = Assert.Single(doc.Facts().Mentions, m => m.Kind == EntityKind.Person && m.Name == name);
        Assert.False(m.GivenNameOnly);
        var surname = name.Split(' ')[^1];
        Assert.Equal(text.IndexOf(surname, StringComparison.Ordinal) + surname.Length, m.Span.End);
        Assert.EndsWith(surname, doc.Text.Text[m.Span.Start..m.Span.End], StringComparison.Ordinal);
    }

    [Theory]
    // A title inside another word is not a title; an abbreviation with ฯ is not a name.
    [InlineData("ที่ประชุมมีผู้ทรงคุณวุฒิฯ จากทุกภาคส่วนเข้าร่วม")]
    [InlineData("นายกเทศมนตรีนครเชียงใหม่ เมื่อวันที่ 3 มีนาคม")]
    [InlineData("ผลิตภัณฑ์คุณภาพสูง จากชุมชนทั่วประเทศ")]
    [InlineData("เฝ้ารับเสด็จสมเด็จพระนางเจ้าฯ พระบรมราชินี")]
    public void Find_TitleInsideAnotherWord_NoPerson(string text)
    {
        var facts = Extract.Run(text).Facts();

        Assert.DoesNotContain(facts.Entities, e => e.Kind == EntityKind.Person);
    }

    [Theory]
    // No title, but the text shows a name: a role glued before it, a Latin spelling in brackets, a list item with a role.
    [InlineData("โดยกงสุลใหญ่ธีรพงษ์ แก้วมณี และผู้อำนวยการ ททท. สำนักงานซิดนีย์", "ธีรพงษ์ แก้วมณี")]
    [InlineData("ผู้ได้รับรางวัล ได้แก่\n- ปิแอร์ กาญาร์ (Pierre Gagnaire) สาขาอาหาร", "ปิแอร์ กาญาร์")]
    [InlineData("นำโดย ดร.สมชาย ใจดี ประธานสมาคม, โยฮัน ลาร์สสัน เลขาธิการสมาคม พร้อมคณะ", "โยฮัน ลาร์สสัน")]
    [InlineData("เมื่อวันที่ 5 มีนาคม 2567 เอกอัครราชทูต สมพร ใจงาม พร้อมด้วยเจ้าหน้าที่ ได้เข้าร่วมงาน", "สมพร ใจงาม")]
    [InlineData("กระทรวงวัฒนธรรม โดย สมพร ใจงาม รัฐมนตรีว่าการกระทรวงวัฒนธรรม เป็นประธานในพิธีเปิดงาน", "สมพร ใจงาม")]
    [InlineData("กรรมการที่น่าสนใจ เช่น สมพร ใจงาม นายกสมาคมหัตถกรรมไทย และผู้ประกอบการอีกหลายราย", "สมพร ใจงาม")]
    [InlineData("หลังการประชุมคณะรัฐมนตรี (ครม.) สมพร ใจงาม นายกรัฐมนตรี เป็นประธานการประชุม", "สมพร ใจงาม")]
    [InlineData("ในงานมีการสอนทำขนมครก โดย เชฟ สมพร ใจงาม และจัดให้ผู้ร่วมงานลองทำ", "สมพร ใจงาม")]
    public void Find_UntitledThaiNameWithEvidence_Person(string text, string name)
    {
        var facts = Extract.Run(text).Facts();

        var m = Assert.Single(facts.Mentions, m => m.Kind == EntityKind.Person && m.Name == name);
        Assert.Equal(text.IndexOf(name, StringComparison.Ordinal), m.Span.End - name.Length);
    }

    [Fact]
    public void Find_GivenNameGluedToWhatThePersonDid_NameEndsBeforeIt()
    {
        var facts = Extract.Run("โดย น.ส.สมศรีมีท่าทีผ่อนคลาย สีหน้ายิ้มแย้ม กล่าวทักทายคณะกรรมการ").Facts();

        var m = Assert.Single(facts.Mentions, m => m.Kind == EntityKind.Person);
        Assert.Equal("สมศรี", m.Name);
    }

    [Theory]
    // A role glued to a phrase, a quoted title, a known place inside: not a name.
    [InlineData("รัฐมนตรีด้านวิจัย เทคโนโลยี และอวกาศ ร่วมเปิดงาน")]
    [InlineData("เอกอัครราชทูตต่างประเทศในประเทศไทย อวยพรวันสงกรานต์")]
    [InlineData("เอกอัครราชทูต ณ กรุงโรม เป็นประธานในพิธี")]
    [InlineData("มีการแลกเปลี่ยนเชฟจากทั้งสองเมือง การเสวนาเรื่องอาหาร")]
    [InlineData("เอกอัครราชทูต ประจำประเทศอิตาลี เป็นประธานในพิธี")]
    [InlineData("ภายใต้แนวคิด “สงกรานต์ในประเทศไทย ประเพณีปีใหม่ไทย” ที่ยูเนสโกรับรอง")]
    [InlineData("กระทรวงวัฒนธรรมแถลงข่าวการประกวดขับร้องเพลงพื้นบ้าน ประจำปี 2567 \"ลำนำ ถิ่นสยาม\" 4 ภาค")]
    [InlineData("เปิดตัวโครงการ “สานฝัน ลายผ้า” ให้เยาวชนทั่วประเทศ")]
    public void Find_PhraseThatLooksLikeUntitledName_NoPerson(string text)
    {
        var facts = Extract.Run(text).Facts();

        Assert.DoesNotContain(facts.Mentions, m => m.Kind == EntityKind.Person);
    }
}
