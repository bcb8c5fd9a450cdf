using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Analysis.Tests.Engagements;

namespace SoftPowerAtlas.Analysis.Tests.Entities;

/// <summary>Romanised names in English text, found by the context English news gives them.</summary>
public class LatinNameTests
{
    [Theory]
    // A role before the name.
    [InlineData("Culture Minister Suthida Kaewmanee opened the fair on Monday.", "Suthida Kaewmanee")]
    [InlineData("The concert featured Thai violinist Anuwat Rattanaporn and the city orchestra.", "Anuwat Rattanaporn")]
    [InlineData("Vietnamese Ambassador to Thailand Tran Duc Thang welcomed the guests.", "Tran Duc Thang")]
    [InlineData("It was opened by the Director General of the Films Bureau Ravindra Mehta in Pune.", "Ravindra Mehta")]
    [InlineData("Việt Nam's Deputy Minister of Foreign Affairs Lê Thị Hằng also attended.", "Lê Thị Hằng")]
    [InlineData("the festival board deputy chairman, Kittipong Suwannarat, said on Friday.", "Kittipong Suwannarat")]
    // A role after the name.
    [InlineData("Pornchai Wongsawat, Ambassador of Thailand to Oman, opened the week.", "Pornchai Wongsawat")]
    [InlineData("Guests included Ratchanee Boonma, executive director of the trade office.", "Ratchanee Boonma")]
    [InlineData("The film was introduced by Park Ji-hoon, the Korean film director of the year.", "Park Ji-hoon")]
    [InlineData("Thai pianist Somsri Inthawong gave a recital, and Lin Mei-hua, curator of the museum, spoke.", "Lin Mei-hua")]
    // A verb of saying, or a credit of work.
    [InlineData("\"We are proud,\" said Wanida Chaiyaporn after the signing.", "Wanida Chaiyaporn")]
    [InlineData("The ties are strong, according to Oliver Hartley, the council's country head.", "Oliver Hartley")]
    [InlineData("The programme includes ‘Rain Season (2021)’ directed by Natthaphon Srisuk, and two shorts.", "Natthaphon Srisuk")]
    public void Find_LatinNameWithContext_Person(string text, string name)
    {
        var doc = Extract.Run(text);

        var m = Assert.Single(doc.Facts().Mentions, m => m.Kind == EntityKind.Person && m.Name == name);
        Assert.Equal(text.IndexOf(name, StringComparison.Ordinal), m.Span.Start);
        Assert.Equal(name, doc.Text.Text[m.Span.Start..m.Span.End]);
    }

    [Fact]
    public void Find_FullNameWrittenAgainWithoutContext_SamePersonAtEveryPlace()
    {
        const string text = "Culture Minister Suthida Kaewmanee flew to Osaka on Monday.\n\n"
            + "On 24 April, Suthida Kaewmanee is scheduled to open the Thai pavilion.";

        var facts = Extract.Run(text).Facts();

        var person = Assert.Single(facts.Entities, e => e.Kind == EntityKind.Person);
        Assert.Equal("Suthida Kaewmanee", person.Name);
        Assert.Equal([text.IndexOf("Suthida", StringComparison.Ordinal), text.LastIndexOf("Suthida", StringComparison.Ordinal)], person.Mentions.Select(m => m.Span.Start).Order());
    }

    [Fact]
    public void Find_PeopleInASemicolonList_EveryItem()
    {
        const string text = "Seated: Sakda Rungroj, Ambassador of Thailand to Qatar; Malee Suksan, Consul–General of Thailand to Doha; Hamad Al Kuwari of the Qatar Boxing Federation.";

        var names = Extract.Run(text).Facts().Entities.Where(e => e.Kind == EntityKind.Person).Select(e => e.Name).ToList();

        Assert.Equal(["Sakda Rungroj", "Malee Suksan", "Hamad Al Kuwari"], names);
    }

    [Theory]
    [InlineData("The screening was full. In attendance were Nattawut Sornchai, Pimlada Kaewkong, and Claire Fontaine.", new[] { "Nattawut Sornchai", "Pimlada Kaewkong", "Claire Fontaine" })]
    [InlineData("The night was attended by Kittisak Boonyarit and Hélène Martin.", new[] { "Kittisak Boonyarit", "Hélène Martin" })]
    [InlineData("Guests were Suda Wongchai and Marco Rossi, both chefs.", new[] { "Suda Wongchai", "Marco Rossi" })]
    // A month as a given name, first or later in the list.
    [InlineData("The screening was full. In attendance were August Kittipong, Pimlada Kaewkong, and Claire Fontaine.", new[] { "August Kittipong", "Pimlada Kaewkong", "Claire Fontaine" })]
    [InlineData("The screening was full. In attendance were Pimlada Kaewkong, June Srisuk and Claire Fontaine.", new[] { "Pimlada Kaewkong", "June Srisuk", "Claire Fontaine" })]
    public void Find_NamesListedAsThoseAttending_EveryItem(string text, string[] expected)
    {
        var names = Extract.Run(text).Facts().Entities.Where(e => e.Kind == EntityKind.Person).Select(e => e.Name).ToList();

        Assert.Equal(expected, names);
    }

    [Theory]
    [InlineData("In August Kittipong Wongsa said the fair would return.", "Kittipong Wongsa")]
    [InlineData("The fair ran until May. Kittipong Wongsa said it would return.", "Kittipong Wongsa")]
    public void Find_MonthBeforeAName_KeepsItsMonth(string text, string name)
    {
        var names = Extract.Run(text).Facts().Entities.Where(e => e.Kind == EntityKind.Person).Select(e => e.Name).ToList();

        Assert.Equal([name], names);
    }

    [Fact]
    public void Find_NameBesideAPersonButNotJoinedAsAListItem_NotAPerson()
    {
        const string text = "The award went to Kittisak Boonyarit. Golden Lotus Trading sponsored it.";

        var names = Extract.Run(text).Facts().Entities.Where(e => e.Kind == EntityKind.Person).Select(e => e.Name).ToList();

        Assert.Empty(names);
    }

    [Theory]
    // Titles with and without a space, surnames in capitals, royal titles, possessives, particles.
    [InlineData("Mrs.Pranee Thongchai, Permanent Secretary, opened the event.", "Pranee Thongchai")]
    [InlineData("The guest of honour was H.E.Mrs.Carmen Ortega of the embassy.", "Carmen Ortega")]
    [InlineData("Attending were Mr. SATO Kenji, Vice Governor of Oita Prefecture.", "SATO Kenji")]
    [InlineData("on the anniversary of King Bhumibol  Adulyadej's visit to Dhaka", "Bhumibol Adulyadej")]
    [InlineData("met the Governor, Mr Kittisak Somboon Na Ayudhya, in Bangkok", "Kittisak Somboon Na Ayudhya")]
    [InlineData("inaugurated jointly by the ambassador and Phra Rajvoramuni who is the rector", "Rajvoramuni")]
    // Military and naval ranks.
    [InlineData("together with Captain Anan Srisuk, RTN, Naval Attache, attended the fair", "Anan Srisuk")]
    [InlineData("welcomed by Wing Commander Piya Thongdee, Air Attache", "Piya Thongdee")]
    // Malaysian styles, stacked.
    [InlineData("The meeting was chaired by YB Dato Sri Ahmad Rosli, Minister of Culture.", "Ahmad Rosli")]
    [InlineData("She was received by Datuk Seri Aminah Yusof in Putrajaya.", "Aminah Yusof")]
    public void Find_TitledLatinName_NameWithoutTitle(string text, string name)
    {
        var facts = Extract.Run(text).Facts();

        Assert.Contains(facts.Entities, e => e.Kind == EntityKind.Person && e.Name == name);
    }

    [Theory]
    // Events, titles of works, bodies and places in capitals are not people.
    [InlineData("Thai Cinema Showcase 2024 opens in Osaka with six films.")]
    [InlineData("Visitors enjoyed the Songkran Water Festival Paris and the T-POP Night concert.")]
    [InlineData("The opening \"Sanook Night\" drew crowds to Tenjin Chuo Park.")]
    [InlineData("The embassy invited the dance troupe called “Ban Rak” group to perform.")]
    [InlineData("Guests enjoyed the “Siam Sound” band and Thai desserts.")]
    [InlineData("The delegation toured Prince Mahidol Hall and the King Sejong Institute.")]
    [InlineData("The General Conference adopted the decision in Paris.")]
    [InlineData("The Cultural Co-operation Forum and Design Week ran in parallel.")]
    [InlineData("She met Ms. Anna Weber, Vice President of the Leipziger Buchmesse, to discuss the fair.")]
    [InlineData("กระทรวงวัฒนธรรมเปิดตัวโครงการ Thai Heritage Stories Presented by Nong Kai Jao เพื่อสื่อสารความเป็นไทย")]
    [InlineData("On 5 May 2025 the ministry announced the campaign Songkran Splash Powered by Chang Noi Sompong at a press conference.")]
    // A place's name before a comma and a role is no one's: "…at Wangsuan Park, PM …".
    [InlineData("Lantern Fair kicks off at Wangsuan Park, PM Anong to visit on Friday")]
    public void Find_CapitalisedThingsThatAreNotPeople_NoPerson(string text)
    {
        var facts = Extract.Run(text).Facts();

        Assert.DoesNotContain(facts.Mentions, m => m.Kind == EntityKind.Person && !m.Text.Contains("Weber", StringComparison.Ordinal) && m.Text != "Anong");
    }

    [Fact]
    public void Find_PostsListedAfterAPerson_OnlyThePerson()
    {
        const string Text = "On 3 May 2024 the consulate opened the Lotus Fair with Consul Anong Srisuk, organised in partnership with the Lotus Foundation, "
            + "several consulates, Congresswoman, NYS Senator, NYS Assemblyman, and NYC Councilwoman.";

        var people = Extract.Run(Text).Facts().Entities.Where(e => e.Kind == EntityKind.Person).Select(e => e.Name);

        Assert.Equal(["Anong Srisuk"], people);
    }

    [Fact]
    public void Resolve_SurnameAlone_JoinsTheFullName()
    {
        const string text = "The Secretary for Tourism, Mr Kevin Lau, met Thai officials. Mr Lau said the visit was fruitful.";

        var person = Assert.Single(Extract.Run(text).Facts().Entities, e => e.Kind == EntityKind.Person);

        Assert.Equal("Kevin Lau", person.Name);
        Assert.Equal(2, person.Mentions.Count);
    }

    [Fact]
    public void Resolve_ShortNameOfTwoPeople_JoinsNeither()
    {
        const string text = "Minister of Culture Nguyen Van Minh met Ambassador Tran Van Minh in Bangkok.\nLater, Minh said the talks went well.";

        var people = Extract.Run(text).Facts().Entities.Where(e => e.Kind == EntityKind.Person).ToList();

        Assert.Equal(2, people.Count);
        Assert.All(people, p => Assert.Single(p.Mentions));
    }
}
