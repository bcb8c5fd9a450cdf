using SoftPowerAtlas.Analysis.Dates;
using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Analysis.Segmentation;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Engagements;

/// <summary>What engagement and commitment extraction read: all spans are in the normalised text.</summary>
internal sealed partial record ExtractionInput(
    string Text,
    IReadOnlyList<Paragraph> Paragraphs,
    IReadOnlyList<TextSpan> Sentences,
    IReadOnlyList<EntityMention> Mentions,
    IReadOnlyList<ResolvedEntity> Entities,
    IReadOnlyList<DateMention> Dates,
    IReadOnlyList<Token> Tokens,
    string? TitleText,
    DateOnly? Published)
{
    private readonly TextBoundaries _boundaries = new(Text, Tokens);

    /// <summary>
    /// A page without a headline is titled by its first paragraph's lead (<see cref="Documents.DocumentMetadata.TitleIsLead"/>):
    /// that paragraph stays body text (<see cref="TitleText"/> is null), and the lead still says what the report is about.
    /// </summary>
    public string? LeadTitle { get; init; }

    /// <summary>What the report says it is about: its headline, else its lead.</summary>
    public string? Headline => TitleText ?? LeadTitle;

    /// <summary>Where words begin and end, as the segmenter found them.</summary>
    public Func<int, bool> IsBoundary => _boundaries.IsBoundary;

    private Dictionary<EntityMention, ResolvedEntity>? _entityOf;

    /// <summary>The resolved entity each mention belongs to (by reference), built once: asked for every engagement's mentions.</summary>
    public ResolvedEntity? EntityOf(EntityMention mention)
    {
        if (_entityOf is null)
        {
            var map = new Dictionary<EntityMention, ResolvedEntity>();
            foreach (var e in Entities)
            {
                foreach (var m in e.Mentions)
                {
                    map.TryAdd(m, e);
                }
            }

            _entityOf = map;
        }

        return _entityOf.GetValueOrDefault(mention);
    }

    /// <summary>True inside the name of an organisation: words there say what the body is, not what the text is about.</summary>
    public bool[] NameMask { get; } = MaskNames(Text, Mentions);

    private bool[]? _sectorMask;

    /// <summary>Where sector words do not count: names of organisations and portfolios of ministries and posts (<see cref="PortfolioTitles"/>).</summary>
    public bool[] SectorMask => _sectorMask ??= PortfolioTitles.Mask(Text, NameMask);

    private static bool[] MaskNames(string text, IReadOnlyList<EntityMention> mentions)
    {
        var mask = new bool[text.Length];
        foreach (var m in mentions)
        {
            // A committee "ด้านภาพยนตร์ ละคร และซีรีส์" is named for the sector it works on: that name counts.
            if (m.IsOrganization && !m.Text.Contains("ด้าน", StringComparison.Ordinal))
            {
                Array.Fill(mask, true, m.Span.Start, m.Span.Length);
            }
        }

        // "สำนักงานที่ปรึกษาการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม", "อัครราชทูตที่ปรึกษา (ฝ่ายการอุดมศึกษา
        // วิทยาศาสตร์ วิจัยและนวัตกรรม)": a ministry's portfolio of several words, written whole, names an office
        // or a posting of that ministry's, not what the text is about.
        foreach (var portfolio in Portfolios)
        {
            for (var at = text.IndexOf(portfolio, StringComparison.Ordinal); at >= 0; at = text.IndexOf(portfolio, at + portfolio.Length, StringComparison.Ordinal))
            {
                Array.Fill(mask, true, at, portfolio.Length);
            }
        }

        return mask;
    }

    private const string Ministry = "กระทรวง";

    /// <summary>The portfolios of the ministries whose Thai names run to several words (การอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม).</summary>
    private static readonly string[] Portfolios = [.. ReferenceData.Default.Agencies
        .Where(a => a.Kind == AgencyKind.Ministry)
        .SelectMany(a => a.Names.Select(n => n.Text))
        .Where(n => n.StartsWith(Ministry, StringComparison.Ordinal) && n.Contains(' ', StringComparison.Ordinal))
        .Select(n => n[Ministry.Length..])
        .Distinct(StringComparer.Ordinal)];

    private static readonly string[] CreditLineStarts = [.. Loading.EmbeddedWordList.Lines("Engagements/Data/credit-lines.txt")];

    /// <summary>A line that credits a source, a photo or a press contact ("Media contact: …", "ที่มา : …"): no participant or sector is read from it.</summary>
    public bool IsCreditLine(TextSpan span)
    {
        var lineStart = TextLines.LastBreak(Text, Math.Max(0, span.Start - 1)) + 1;
        var line = Text.AsSpan(lineStart, Math.Max(0, span.End - lineStart)).TrimStart(" \t*_(".AsSpan());
        foreach (var start in CreditLineStarts)
        {
            if (line.StartsWith(start, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The first title-like line of the body, if any, with the lines it is wrapped over (a headline written on three short
    /// lines, "…ร่วมกับ…" / "ลงนามบันทึกข้อตกลง…" / "การส่งเสริม…": its engagement's word is on the second).
    /// </summary>
    public TextSpan? Title => _title ??= FindTitle();

    private TextSpan? _title;

    private TextSpan? FindTitle()
    {
        var first = -1;
        for (var i = 0; i < Paragraphs.Count && first < 0; i++)
        {
            first = IsTitle(Paragraphs[i].Span) ? i : -1;
        }

        if (first < 0)
        {
            return null;
        }

        var span = Paragraphs[first].Span;
        for (var i = first + 1; i < Paragraphs.Count && IsTitle(Paragraphs[i].Span) && Text.AsSpan(span.End, Paragraphs[i].Span.Start - span.End).Count('\n') == 1
            && Text.AsSpan(span.End, Paragraphs[i].Span.Start - span.End).IsWhiteSpace(); i++)
        {
            span = new TextSpan(span.Start, Paragraphs[i].Span.End);
        }

        return span;
    }

    /// <summary>A line that repeats the document's title (site prefixes and suffixes allowed).</summary>
    public bool IsTitle(TextSpan span)
    {
        // A one-paragraph text (beside credit lines: "ที่มา: …"), or a long paragraph, is the body itself whatever its first line is called.
        if (TitleText is not { Length: > 8 } title || span.Length > 300 || !Paragraphs.Any(p => p.Span != span && !IsCreditLine(p.Span)))
        {
            return false;
        }

        var line = Text.AsSpan(span.Start, span.Length).Trim();
        if (line.Length > title.Length && line.IndexOf(title.AsSpan().Trim(), StringComparison.Ordinal) is >= 0 and var at && GoesOnWithADay(span, at, title.AsSpan().Trim().Length))
        {
            return false;
        }

        return line.Length <= title.Length * 2 + 40
            && (line.SequenceEqual(title) || line.Contains(title.AsSpan().Trim(), StringComparison.Ordinal) || title.AsSpan().Contains(line, StringComparison.Ordinal));
    }

    /// <summary>
    /// "พิธีเปิดงาน [the title] วันพฤหัสบดีที่ 11 เมษายน 2567 เวลา 13.30 น.": a line that holds the title and gives a day
    /// besides is the report's own dateline, not a repeat of its headline.
    /// </summary>
    private bool GoesOnWithADay(TextSpan span, int titleAt, int titleLength)
    {
        var lead = span.Start + (Text.AsSpan(span.Start, span.Length).Length - Text.AsSpan(span.Start, span.Length).TrimStart().Length);
        var titleSpan = new TextSpan(lead + titleAt, lead + titleAt + titleLength);
        return DatesCoveredBy(span).Any(d => d.HasValue && d.Value.HasYear && d.Value.Granularity >= DateGranularity.Day && d.Role != DateRole.Publication && !titleSpan.Overlaps(d.Span));
    }

    /// <summary>The tokens that lie wholly inside [from, to), in order.</summary>
    public IEnumerable<Token> TokensIn(int from, int to)
    {
        Pipeline.AnalysisBudget.ThrowIfExceeded();
        var (lo, hi) = (0, Tokens.Count);
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (Tokens[mid].Start < from)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var i = lo; i < Tokens.Count && Tokens[i].End <= to; i++)
        {
            yield return Tokens[i];
        }
    }

    public TextSpan SentenceAt(int position)
    {
        Pipeline.AnalysisBudget.ThrowIfExceeded();
        // Sentences and paragraphs are in order and do not overlap: the last that starts at or before the position is the only one that can hold it.
        var s = Containing(Sentences, static s => s, position);
        if (s >= 0)
        {
            return Sentences[s];
        }

        var p = Containing(Paragraphs, static p => p.Span, position);
        if (p >= 0)
        {
            return Paragraphs[p].Span;
        }

        return new TextSpan(position, Math.Min(Text.Length, position + 1));
    }

    /// <summary>The index of the span of <paramref name="spans"/> (in order, not overlapping) that holds <paramref name="position"/>, else -1.</summary>
    internal static int Containing<T>(IReadOnlyList<T> spans, Func<T, TextSpan> span, int position)
    {
        var (lo, hi) = (0, spans.Count);
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (span(spans[mid]).Start <= position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo > 0 && position < span(spans[lo - 1]).End ? lo - 1 : -1;
    }
}
