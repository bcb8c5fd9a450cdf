using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Text;
using YamlDotNet.Core;

namespace SoftPowerAtlas.Analysis.Loading;

/// <summary>
/// Markdown, or plain text, with optional YAML front matter: metadata from the front matter (spans on the
/// values as written), body with the Markdown marks taken out and every kept character mapped to the original.
/// </summary>
internal static class MarkdownReader
{
    private static readonly string[] TitleKeys = ["title"];
    private static readonly string[] DateKeys = ["date", "published", "pubdate", "published_at", "publishdate", "datepublished"];
    private static readonly string[] SourceKeys = ["source", "url", "link", "canonical", "source_url"];
    private static readonly string[] BylineKeys = ["author", "byline", "by"];

    /// <summary>Reads front matter, then the body: Markdown marks stripped when <paramref name="markdown"/>, else copied as is.</summary>
    public static ReadOutcome Read(string text, string source, List<string> warnings, bool markdown)
    {
        var metadata = DocumentMetadata.Empty;
        var bodyStart = 0;
        if (FindFrontMatter(text) is { } frontMatter)
        {
            var read = FrontMatterYaml.Read(text[frontMatter.YamlStart..frontMatter.YamlEnd]);
            if (read.Refused)
            {
                return new ReadOutcome(null, metadata, new LoadError(source, LoadErrorKind.TooDeep, $"{source} {read.Problem}"));
            }

            if (read.Entries is { } entries)
            {
                metadata = Metadata(text, frontMatter.YamlStart, entries);
                bodyStart = frontMatter.AfterClose;
            }
            else
            {
                warnings.Add($"{source}: {read.Problem}");
            }
        }

        if (!markdown && bodyStart == 0)
        {
            return new ReadOutcome(MappedText.Identity(text), metadata);
        }

        var builder = new MappedText.Builder(text.Length, text.Length - bodyStart);
        if (markdown)
        {
            MarkdownText.Strip(text, bodyStart, text.Length, builder);
        }
        else
        {
            builder.AppendCopied(text.AsSpan(bodyStart), bodyStart);
        }

        return new ReadOutcome(builder.Build(), metadata);
    }

    /// <summary>Front matter: a first line <c>---</c>, YAML, and a closing <c>---</c> or <c>...</c> line.</summary>
    private static (int YamlStart, int YamlEnd, int AfterClose)? FindFrontMatter(string text)
    {
        var firstEnd = text.IndexOf('\n', StringComparison.Ordinal);
        if (firstEnd < 0 || text.AsSpan(0, firstEnd).TrimEnd() is not "---")
        {
            return null;
        }

        var lineStart = firstEnd + 1;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            var end = lineEnd < 0 ? text.Length : lineEnd;
            var line = text.AsSpan(lineStart, end - lineStart).TrimEnd();
            if (line is "---" or "...")
            {
                return (firstEnd + 1, lineStart, lineEnd < 0 ? text.Length : lineEnd + 1);
            }

            if (lineEnd < 0)
            {
                break;
            }

            lineStart = lineEnd + 1;
        }

        return null;
    }

    private static DocumentMetadata Metadata(string text, int start, IReadOnlyList<FrontMatterYaml.Entry> entries)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var spans = new Dictionary<string, TextSpan>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            values[entry.Key] = entry.Value;
            spans[entry.Key] = ValueSpan(text, start, entry);
        }

        var metadata = new DocumentMetadata { FrontMatter = values };
        if (First(TitleKeys) is { } title)
        {
            metadata = metadata with { Title = title.Value, TitleSpan = title.Span };
        }

        if (First(DateKeys) is { } date)
        {
            metadata = metadata with { PublishedAsWritten = date.Value, PublishedSpan = date.Span };
        }

        if (First(SourceKeys) is { } url)
        {
            metadata = metadata with { SourceUrl = url.Value };
        }

        if (First(BylineKeys) is { } byline)
        {
            metadata = metadata with { Byline = byline.Value };
        }

        return metadata;

        (string Value, TextSpan Span)? First(string[] keys)
        {
            foreach (var key in keys)
            {
                if (values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value))
                {
                    return (value.Trim(), TrimSpan(text, spans[key]));
                }
            }

            return null;
        }
    }

    /// <summary>Span of a scalar's value in the original: inside the quotes when it is written as is.</summary>
    private static TextSpan ValueSpan(string text, int offset, FrontMatterYaml.Entry entry)
    {
        var value = entry.Value;
        var start = offset + (int)entry.Start;
        var end = offset + (int)entry.End;
        if (entry.Style is ScalarStyle.DoubleQuoted or ScalarStyle.SingleQuoted && end - start >= 2)
        {
            start++;
            end--;
        }

        end = Math.Min(end, text.Length);
        if (text.AsSpan(start, end - start).SequenceEqual(value))
        {
            return new TextSpan(start, end);
        }

        var found = value.Length > 0 ? text.IndexOf(value, start, end - start, StringComparison.Ordinal) : -1;
        return found >= 0 ? new TextSpan(found, found + value.Length) : new TextSpan(start, end);
    }

    private static TextSpan TrimSpan(string text, TextSpan span)
    {
        int start = span.Start, end = span.End;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return new TextSpan(start, end);
    }
}
