using SoftPowerAtlas.Analysis.Dates;
using SoftPowerAtlas.Analysis.Engagements;
using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Tests.Engagements;

/// <summary>
/// The indexed lookups of <see cref="ExtractionInput"/> answer what a pass over every mention answers, in
/// the same order, on a page written as one long line (mentions in text order) and on mentions out of order.
/// </summary>
public sealed class ExtractionInputLookupsTests
{
    private static readonly string[] Sentences =
    [
        "เมื่อวันที่ 12 มีนาคม 2568 นายสมชาย ใจดี อธิบดีกรมส่งเสริมวัฒนธรรม ต้อนรับคณะจากกรุงโซล สาธารณรัฐเกาหลี ณ โรงละครแห่งชาติ จังหวัดเชียงใหม่ ",
        "The Tourism Authority of Thailand met the Korea Tourism Organization in Busan, South Korea on 5 May 2025. ",
        "เอกอัครราชทูตญี่ปุ่นประจำประเทศไทยเข้าพบรัฐมนตรีว่าการกระทรวงวัฒนธรรม ที่กรุงเทพมหานคร เพื่อหารือเรื่องเทศกาลภาพยนตร์ระหว่างวันที่ 3-5 เมษายน 2568 ",
        "Ms. Anna Berg of the Swedish Institute visited Chiang Mai Province with UNESCO officials. ",
    ];

    private static readonly Func<EntityMention, bool> IsPlace = static m => m.Kind is EntityKind.ForeignPlace or EntityKind.Country;
    private static readonly Func<EntityMention, bool> IsActor = static m => m.IsOrganization || m.Kind == EntityKind.Person;

    private static ExtractionInput LongLine(bool shuffled)
    {
        var text = string.Concat(Enumerable.Range(0, 120).Select(i => Sentences[i % Sentences.Length]));
        var doc = Extract.Run(text);
        var facts = doc.Facts();
        var mentions = facts.Mentions.Where(m => !m.IsCoreference).ToList();
        if (shuffled)
        {
            mentions = [.. mentions.OrderBy(m => (m.Span.Start * 7919) % 1009)];
        }
        else
        {
            // In text order, as the finder gives them: the indexes are used, not the passes they replace.
            Assert.True(mentions.Zip(mentions.Skip(1)).All(p => p.First.Span.Start <= p.Second.Span.Start));
            var places = mentions.Where(IsPlace).ToList();
            Assert.True(places.Count > 100 && places.Zip(places.Skip(1)).All(p => p.First.Span.End <= p.Second.Span.End));
        }

        var dates = (doc.Get<DocumentDates>()?.Mentions ?? []).Select(d => d with { Span = doc.Text.FromOriginal(d.Span) }).ToList();
        Assert.True(dates.Count >= 80, $"{dates.Count} dates");
        if (shuffled)
        {
            dates = [.. dates.OrderBy(d => (d.Span.Start * 7919) % 1009)];
        }

        return new ExtractionInput(doc.Text.Text, doc.Paragraphs, doc.Sentences, mentions, facts.Entities, dates, doc.Tokens, null, null);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MentionsCoveredBy_SentencesAndPassages_SameAsAPassOverAll(bool shuffled)
    {
        var input = LongLine(shuffled);
        Assert.True(input.Mentions.Count > 500, $"{input.Mentions.Count} mentions");
        var spans = input.Sentences.Concat([new TextSpan(0, 0), new TextSpan(input.Text.Length, input.Text.Length), new TextSpan(50, 10)]).ToList();
        for (var i = 0; i < spans.Count; i++)
        {
            // One span, and a passage of three scattered ones given out of order.
            IReadOnlyList<TextSpan> passage = [spans[i], spans[(i * 13) % spans.Count], spans[(i * 5) % spans.Count]];
            Assert.Equal(input.Mentions.Where(m => spans[i].Covers(m.Span)), input.MentionsCoveredBy(spans[i]));
            Assert.Equal(input.Mentions.Where(m => passage.Any(s => s.Covers(m.Span))), input.MentionsCoveredBy(passage));
            Assert.Equal(input.Dates.Where(d => spans[i].Covers(d.Span)), input.DatesCoveredBy(spans[i]));
            Assert.Equal(input.Dates.Where(d => passage.Any(s => s.Covers(d.Span))), input.DatesCoveredBy(passage));
        }
    }

    [Fact]
    public void FirstStartInAndEntitiesAmong_EverySentenceAsAPassage_SameAsAPassOverAll()
    {
        var input = LongLine(shuffled: false);
        // An entity made for one engagement (a province that acts) is not one of the document's: read as before.
        var province = input.Mentions.First(m => m.Kind == EntityKind.Province);
        var acting = new ResolvedEntity(province.Key, province.Name, province.Kind, null, [province.Text], input.MentionsWithKey(province.Key));
        var orgs = input.Entities.Append(acting).ToList();
        foreach (var sentence in input.Sentences)
        {
            var passage = input.MentionsCoveredBy(sentence, new TextSpan(0, 300)).ToHashSet();
            var first = input.FirstStartIn(passage);
            Assert.Equal(orgs.Select(o => o.Mentions.Where(passage.Contains).Select(m => m.Span.Start).DefaultIfEmpty(int.MaxValue).Min()), orgs.Select(first));

            var named = passage.Select(input.EntityOf).OfType<ResolvedEntity>().ToHashSet();
            Assert.Equal(input.Entities.Where(named.Contains), input.EntitiesAmong(named));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LastEndingByAndIsInsideMention_EveryPosition_SameAsAPassOverAll(bool shuffled)
    {
        var input = LongLine(shuffled);
        for (var at = -1; at <= input.Text.Length + 1; at += 3)
        {
            Assert.Same(input.Mentions.LastOrDefault(x => x.Span.End <= at && IsPlace(x)), input.LastEndingBy(at, IsPlace));
            Assert.Equal(input.Mentions.Any(m => m.Span.Start < at && at < m.Span.End && IsActor(m)), input.IsInsideMention(at, IsActor));
        }
    }

    [Fact]
    public void MentionsWithKeyAndEntityWithKey_EveryKey_SameAsAPassOverAll()
    {
        var input = LongLine(shuffled: false);
        foreach (var key in input.Mentions.Select(m => m.Key).Concat(input.Entities.Select(e => e.Key)).Append("org:none").Distinct(StringComparer.Ordinal))
        {
            Assert.Equal(input.Mentions.Where(m => m.Key == key), input.MentionsWithKey(key));
            Assert.Same(input.Entities.FirstOrDefault(e => e.Key == key), input.EntityWithKey(key));
        }
    }

    [Fact]
    public void BodyParagraphsBefore_EveryParagraph_SameAsAPassOverAll()
    {
        // A headline, its repeat by the site, body paragraphs, the headline again half-way down and a credit line.
        const string Headline = "กรมส่งเสริมวัฒนธรรมจัดงานเทศกาลอาหารไทยที่กรุงโซล";
        var body = Enumerable.Range(0, 40).Select(i => i == 20 ? Headline : $"ย่อหน้าที่ {i} เมื่อวันที่ {1 + (i % 27)} มีนาคม 2568 นายสมชาย ใจดี เข้าร่วมงานเทศกาลอาหารไทย ณ กรุงโซล");
        var text = string.Join("\n\n", new[] { Headline, Headline }.Concat(body).Append("ที่มา: กรมส่งเสริมวัฒนธรรม"));
        var doc = Extract.Run(text);
        var facts = doc.Facts();
        var input = new ExtractionInput(doc.Text.Text, doc.Paragraphs, doc.Sentences, facts.Mentions, facts.Entities, [], doc.Tokens, Headline, null);
        var titles = input.Paragraphs.Select((p, i) => (p, i)).Where(x => input.IsTitle(x.p.Span)).Select(x => x.i).ToList();
        Assert.True(titles.Count >= 2 && titles[^1] > 10, $"title lines at {string.Join(", ", titles)} of {input.Paragraphs.Count}");
        for (var p = 0; p <= input.Paragraphs.Count; p++)
        {
            Assert.Equal(input.Paragraphs.Take(p).Count(x => !input.IsTitle(x.Span)), input.BodyParagraphsBefore(p));
        }
    }
}
