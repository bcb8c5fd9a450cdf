using System.Text.Json.Nodes;
using SoftPowerAtlas.Analysis.Facts;
using SoftPowerAtlas.Analysis.Tests.Engagements;

namespace SoftPowerAtlas.Analysis.Tests.Facts;

/// <summary>
/// The facts JSON as the store keeps it. <c>Golden/Facts/previous_version.facts.json</c> is what the
/// version before the typed model wrote (<c>atlas extract --json</c>, and so <c>facts_json</c>) for
/// <c>previous_version.txt</c>, a release written for these tests; <c>before_entity_list.facts.json</c>
/// is the same facts as versions before the entity list, places and roles wrote them.
/// </summary>
public sealed class FactsJsonTests
{
    [Fact]
    public void Read_AsThePreviousVersionWroteIt_EveryPartWithItsOffsetsInTheFile()
    {
        var text = Golden.Read("previous_version.txt");

        var read = FactsJson.Read(Golden.Read("previous_version.facts.json"));

        Assert.True(read.IsSuccess, read.Error);
        var facts = read.Facts;
        Assert.Equal(("previous_version.txt", null, "th", "2025-03-13"), (facts.Source, facts.SourceUrl, facts.Language, facts.Published));
        Assert.Equal("กรมส่งเสริมวัฒนธรรมหารือความร่วมมือด้านภาพยนตร์กับญี่ปุ่น", facts.Title);
        Assert.All(facts.Dates.Concat(facts.DateReferences).Concat(facts.RelativeDates), d => Assert.Equal(d.Text, text[d.Start..d.End]));
        Assert.Equal(
            [("เผยแพร่เมื่อ 13 มีนาคม 2568", "2025-03-13", "publication"), ("วันที่ 20-22 พฤษภาคม 2568", "2025-05-20/2025-05-22", "event"), ("ปีงบประมาณ 2569", "FY2026", "deadline"), ("วันที่ 31 กุมภาพันธ์ 2569", null, "event")],
            facts.Dates.Select(d => (d.Text, d.Normalized, d.Role)));
        Assert.Equal("2026-02 has no day 31", facts.Dates[3].Error);
        var reference = Assert.Single(facts.DateReferences);
        Assert.Equal(("วันที่ 20 พฤษภาคม", "2025-05-20", 400, 417), (reference.Text, reference.Normalized, reference.Start, reference.End));
        var yesterday = Assert.Single(facts.RelativeDates, d => d.Text == "เมื่อวานนี้");
        Assert.Equal(("2025-03-12", new DateOnly(2025, 3, 13)), (yesterday.Normalized, yesterday.ResolvedAgainst));
        Assert.Null(facts.Dates[0].ResolvedAgainst);

        var meeting = facts.Events[0];
        Assert.Equal(("meeting", "2025-03-12", null), (meeting.Type, meeting.Date, meeting.EndDate));
        Assert.Equal(["JP"], meeting.PartnerCountries);
        Assert.Equal(["film", "food"], meeting.Sectors);
        Assert.StartsWith("เมื่อวานนี้ นางสาวกมลวรรณ", text[meeting.Evidence.Start..meeting.Evidence.End], StringComparison.Ordinal);
        var dcp = Assert.Single(meeting.ThaiOrgs);
        Assert.Equal(("agency:dcp", null, "TH"), (dcp.Id, dcp.Kind, dcp.Country)); // a participant carries no kind
        Assert.All(dcp.Spans, s => Assert.Equal("กรมส่งเสริมวัฒนธรรม", text[s.Start..s.End]));
        Assert.Equal(["person:กมลวรรณศรีสุข", "person:hiroshitanaka"], meeting.People.Select(p => p.Id));
        Assert.Equal("อธิบดี", meeting.People[0].Role);

        var director = Assert.Single(facts.Entities, e => e.Id == "person:กมลวรรณศรีสุข");
        Assert.Equal(("person", "อธิบดี", "กรมส่งเสริมวัฒนธรรม", "agency:dcp"), (director.Kind, director.Role, director.Organization, director.OrganizationId));
        var body = director.Roles[0].Organization!;
        Assert.Equal(("กรมส่งเสริมวัฒนธรรม", "กรมส่งเสริมวัฒนธรรม"), (body.AsWritten, text[body.Start..body.End]));
        Assert.Equal("อธิบดีกรมส่งเสริมวัฒนธรรม", text[director.Roles[0].Start..director.Roles[0].End]);
        var noBody = Assert.Single(facts.Entities, e => e.Id == "person:วิชัยมั่นคง");
        Assert.Equal(("ผู้อำนวยการ", null, null), (noBody.Role, noBody.Organization, noBody.OrganizationId));
        Assert.Null(Assert.Single(noBody.Roles).Organization);
        Assert.Empty(Assert.Single(facts.Entities, e => e.Id == "agency:dcp").Roles);

        var fiscal = Assert.Single(facts.Commitments, c => c.Due == "FY2026");
        Assert.Equal(("กรมส่งเสริมวัฒนธรรม", fiscal.Text), (fiscal.Who, text[fiscal.Start..fiscal.End]));
        Assert.Equal(
            [("country", "JP", "ญี่ปุ่น"), ("province", "TH-10", "กรุงเทพมหานคร"), ("country", "TH", "ไทย"), ("province", "TH-50", "จังหวัดเชียงใหม่"), ("country", "TH", "ไทย")],
            facts.Places.Select(p => (p.Kind, p.Code, text[p.Start..p.End])));
    }

    [Fact]
    public void Write_WhatWasReadBack_TheSameBytesAsThePreviousVersion()
    {
        var json = Golden.Read("previous_version.facts.json");

        var written = FactsJson.Write(FactsJson.Read(json).Facts!); // the golden file is read in the test above

        Assert.Equal(json, written);
    }

    [Fact]
    public void Read_WrittenBeforeTheEntityListPlacesAndRoles_ThoseEmptyTheRestKept()
    {
        var read = FactsJson.Read(Golden.Read("before_entity_list.facts.json"));

        Assert.True(read.IsSuccess, read.Error);
        Assert.Empty(read.Facts.Entities);
        Assert.Empty(read.Facts.Places);
        Assert.Equal((4, 1, 2, 4, 4), (read.Facts.Dates.Count, read.Facts.DateReferences.Count, read.Facts.RelativeDates.Count, read.Facts.Events.Count, read.Facts.Commitments.Count));
        var person = read.Facts.Events[0].People[0];
        Assert.Equal(("person:กมลวรรณศรีสุข", null, null), (person.Id, person.Kind, person.Role));
        Assert.Empty(person.Roles);
        Assert.Equal([new OriginalSpan(100, 120)], person.Spans);
    }

    [Theory]
    [InlineData("กรมส่งเสริมวัฒนธรรมร่วมกับสถานเอกอัครราชทูตฝรั่งเศสจัดเทศกาลภาพยนตร์ เมื่อวันที่ 5 มิถุนายน 2567 และจะจัดอีกครั้งในปีหน้า")]
    [InlineData("On 11 January 2023, Ms. Jane Doe, Director of the Thai Film Office, met Mr. Kim Min-jun of the Korean Film Council in Bangkok.")]
    public void Write_FreshAnalysis_ReadsBackToTheSameJson(string text)
    {
        var json = FactsJson.Write(ExtractedFacts.From(Extract.Run(text)));

        var read = FactsJson.Read(json);

        Assert.True(read.IsSuccess, read.Error);
        Assert.Equal(json, FactsJson.Write(read.Facts));
    }

    [Fact]
    public void Map_EngagementWithAPlace_ThePlaceCarriesItsOffsetsInTheFile()
    {
        const string text = "Thai film week in Lima\n\nOn 3 March 2025 the Royal Thai Embassy opened a Thai film week at the Lima Film Hall, with talks by two directors.\n";

        var facts = FactsMapping.Map(Extract.Run(text));

        var week = Assert.Single(facts.Events);
        Assert.Equal("Lima Film Hall", week.Place);
        var span = week.PlaceSpan!.Value;
        Assert.Equal("Lima Film Hall", text[span.Start..span.End]);
    }

    [Fact]
    public void Write_EntitiesWithAndWithoutRoles_RoleFieldsOnlyForAPersonGivenOne()
    {
        var facts = new ExtractedFacts
        {
            Entities =
            [
                Entity("agency:cea", "organisation") with { Country = "TH" },
                Entity("person:ปรีชาสุขใจ", "person") with { Roles = [new ExtractedRole { Role = "ผู้อำนวยการ", Start = 20, End = 31 }] },
            ],
            Events = [new ExtractedEvent { Type = "meeting", PartnerCountries = [], ThaiOrgs = [Entity("agency:cea", null)], ForeignOrgs = [], People = [], Sectors = ["design"], Evidence = new OriginalSpan(0, 80) }],
        };

        var json = JsonNode.Parse(FactsJson.Write(facts))!;

        var agency = json["entities"]![0]!.AsObject();
        Assert.Equal(["id", "name", "kind", "country", "aliases", "mentions", "spans"], agency.Select(p => p.Key));
        var person = json["entities"]![1]!.AsObject();
        Assert.Equal(["id", "name", "kind", "aliases", "mentions", "spans", "role", "organization", "organization_id", "roles"], person.Select(p => p.Key));
        Assert.Null(person["organization"]);
        Assert.True(person.ContainsKey("organization_id"));
        Assert.Equal("""{"role":"ผู้อำนวยการ","start":20,"end":31,"organization":null}""", person["roles"]![0]!.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal(["id", "name", "aliases", "mentions", "spans"], json["events"]![0]!["thai_orgs"]![0]!.AsObject().Select(p => p.Key));
        Assert.Equal("[[3,9],[40,46]]", agency["spans"]!.ToJsonString());
        Assert.Equal("""{"start":0,"end":80}""", json["events"]![0]!["evidence"]!.ToJsonString());
    }

    [Fact]
    public void Write_ThaiQuotesAndMarkup_ThaiAndMarkupAsIsQuotesEscaped()
    {
        var json = FactsJson.Write(new ExtractedFacts { Title = "เทศกาล \"Thai Film & Food\" <Week>" });

        Assert.Contains("""  "title": "เทศกาล \"Thai Film & Food\" <Week>",""", json, StringComparison.Ordinal);
        Assert.StartsWith("{\n  \"source\": null,\n", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "does not contain any JSON tokens")]
    [InlineData("null", "the facts are null")]
    [InlineData("[]", "$")]
    [InlineData("{}", "missing required properties including: 'dates', 'relative_dates', 'events', 'commitments'")]
    [InlineData("""{"dates": [], "relative_dates": [], "events": [], "commitments": [""", "LineNumber: 0")]
    [InlineData("""{"dates": "12 มีนาคม 2568", "relative_dates": [], "events": [], "commitments": []}""", "Path: $.dates")]
    [InlineData("""{"dates": [null], "relative_dates": [], "events": [], "commitments": []}""", "Path: $.dates[0]")]
    [InlineData("""{"dates": [{"text": "5 มิ.ย. 67", "start": 3, "end": 99999999999, "role": "event"}], "relative_dates": [], "events": [], "commitments": []}""", "Path: $.dates[0].end")]
    [InlineData("""{"dates": [], "relative_dates": [], "events": [{"type": null}], "commitments": []}""", "Path: $.events[0].type")]
    [InlineData("""{"dates": [], "relative_dates": [], "events": [], "commitments": [], "entities": [{"id": "agency:cea", "name": "สศส.", "aliases": [null], "mentions": [], "spans": []}]}""", "Path: $.entities[0].aliases[0]")]
    [InlineData("""{"dates": [], "relative_dates": [], "events": [], "commitments": [], "entities": [{"id": "agency:cea", "name": "สศส.", "aliases": [], "mentions": [], "spans": [[4]]}]}""", "a span is [start, end]")]
    public void Read_BadOrTruncated_SaysWhatAndWhere(string json, string expected)
    {
        var read = FactsJson.Read(json);

        Assert.False(read.IsSuccess);
        Assert.Null(read.Facts);
        Assert.Contains(expected, read.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TheGoldenFileCutShort_FailsWithTheLine()
    {
        var json = Golden.Read("previous_version.facts.json");

        var read = FactsJson.Read(json[..(json.Length / 2)]);

        Assert.False(read.IsSuccess);
        Assert.Matches(@"LineNumber: \d+", read.Error);
    }

    private static ExtractedEntity Entity(string id, string? kind) => new()
    {
        Id = id,
        Name = id[(id.IndexOf(':', StringComparison.Ordinal) + 1)..],
        Kind = kind,
        Aliases = [],
        Mentions = [],
        Spans = [new OriginalSpan(3, 9), new OriginalSpan(40, 46)],
    };

    /// <summary>Files under the test project's Golden/Facts, copied beside the tests.</summary>
    private static class Golden
    {
        public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "Facts", name));
    }
}
