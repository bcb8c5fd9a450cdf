using SoftPowerAtlas.Analysis.Pipeline;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Dates;

/// <summary>
/// Pipeline stage "dates": reads the dates of the current text, chooses the publication date (the
/// front-matter one first) and stores <see cref="DocumentDates"/> with spans into the original text.
/// </summary>
public sealed class DateStage(DateReader? reader = null) : IAnalysisStage
{
    private readonly DateReader _reader = reader ?? DateReader.Default;

    public string Name => "dates";

    public void Run(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var original = context.Source.Original;
        var frontMatter = FrontMatterDate(context.Metadata, original);
        var read = _reader.Read(context.Text.Text, frontMatter);

        var mentions = new List<DateMention>(read.Mentions.Count + 1);
        DateMention? published = null;
        foreach (var m in read.Mentions)
        {
            Pipeline.AnalysisBudget.ThrowIfExceeded();
            var span = context.Text.ToOriginal(m.Span);
            if (frontMatter is not null && frontMatter.Span.Overlaps(span))
            {
                continue;
            }

            var mapped = m with { Span = span, Text = span.End <= original.Length ? original[span.Start..span.End] : m.Text };
            if (ReferenceEquals(m, read.Published))
            {
                published = mapped;
            }

            mentions.Add(mapped);
        }

        // The front-matter or stamp date is published unless the text gave its day (a month stamp and "วันนี้ (5 ต.ค.)").
        var stamp = frontMatter is null ? null : frontMatter with { Role = DateRole.Publication };
        if (read.Published is not null && published is null)
        {
            published = stamp;
        }

        if (stamp is not null && !stamp.Span.IsEmpty)
        {
            mentions.Add(stamp);
        }

        mentions.Sort(static (a, b) => a.Span.Start.CompareTo(b.Span.Start));
        context.Set(new DocumentDates(mentions, published));
    }

    /// <summary>The loader's publication date as written, read by the reader, placed at its span in the original.</summary>
    private DateMention? FrontMatterDate(Documents.DocumentMetadata metadata, string original)
    {
        if (string.IsNullOrWhiteSpace(metadata.PublishedAsWritten))
        {
            return null;
        }

        var written = metadata.PublishedAsWritten;
        var parsed = _reader.Find(written).FirstOrDefault(m => m.HasValue && !m.IsRelative && m.End is null);
        if (parsed is null)
        {
            return null;
        }

        // The text is what the file holds at the span (Thai digits and all), as for every other mention;
        // the loader's copy may already be normalised.
        var span = metadata.PublishedSpan ?? new TextSpan(0, 0);
        var text = !span.IsEmpty && span.End <= original.Length ? original[span.Start..span.End] : written;
        return parsed with { Span = span, Text = text, Role = DateRole.Publication };
    }
}
