using System.Collections.Frozen;
using SoftPowerAtlas.Analysis.Facts;

namespace SoftPowerAtlas.Storage;

/// <summary>
/// A document ready to be stored: the loader's text and metadata, the analysis' normalised and
/// segmented text and its fingerprints. Values are checked as they are set.
/// </summary>
public sealed record NewDocument
{
    /// <summary>Languages a document can be stored with, as the contract writes them.</summary>
    public static readonly FrozenSet<string> Languages = FrozenSet.Create(StringComparer.Ordinal, "th", "en", "mixed", "other");

    /// <summary>Path or URL the text was read from.</summary>
    public required string Source { get; init => field = RequireText(value); }

    /// <summary>Loader format in lower case: text, markdown, html, word, pdf, image.</summary>
    public required string Format { get; init => field = RequireText(value); }

    /// <summary>
    /// The headline, at most <see cref="MaxTitleLength"/> characters (a longer one is cut at a
    /// character boundary and ends with "…"): a page whose title is megabytes long is still shown in a
    /// line, not repeated at full length in every list, page and index.
    /// </summary>
    public string? Title { get; init => field = CapTitle(value); }

    /// <summary>Source address found in the text (front matter, a "ที่มา :" line), not where it was read from.</summary>
    public string? SourceUrl { get; init; }

    public string? Byline { get; init; }

    /// <summary>Publication date exactly as written in the document.</summary>
    public string? PublishedAsWritten { get; init; }

    /// <summary>Publication date in contract form (yyyy-MM-dd); null until the dates stage fills it.</summary>
    public string? Published { get; init; }

    /// <summary>th, en, mixed or other.</summary>
    public required string Language
    {
        get;
        init => field = Languages.Contains(value)
            ? value
            : throw new ArgumentException($"language '{value}' is not one of th, en, mixed, other", nameof(value));
    }

    /// <summary>Name of the encoding the file was decoded with.</summary>
    public required string Encoding { get; init => field = RequireText(value); }

    /// <summary>The decoded file exactly as read: every stored offset points into it.</summary>
    public required string OriginalText { get; init => field = RequireWellFormed(value); }

    /// <summary>Cleaned, normalised article text.</summary>
    public required string CleanText { get; init => field = RequireWellFormed(value); }

    /// <summary>Words of the clean text separated by single spaces, for full-text indexing.</summary>
    public required string SegmentedText { get; init => field = RequireWellFormed(value); }

    /// <summary>Lower-case hex SHA-256 from <see cref="Analysis.Duplicates.Fingerprint.ContentHash"/>.</summary>
    public required string ContentHash
    {
        get;
        init => field = value is { Length: 64 } && value.All(char.IsAsciiHexDigitLower)
            ? value
            : throw new ArgumentException("content hash must be 64 lower-case hex digits", nameof(value));
    }

    public required ulong SimHash { get; init; }

    /// <summary>Id of the stored document this one nearly duplicates.</summary>
    public long? NearDuplicateOf { get; init; }

    /// <summary>What analysis extracted: written to the fact tables and, as packed JSON, to <c>facts_packed</c>.</summary>
    public ExtractedFacts? Facts { get; init; }

    /// <summary>The PDF, Word file or image the text was read from, kept as the original (<c>document_files</c>).</summary>
    public Analysis.Formats.DocumentFile? File { get; init; }

    /// <summary>Longest title kept; real headlines run to about 200 characters.</summary>
    public const int MaxTitleLength = 500;

    private static string? CapTitle(string? title)
    {
        if (title is null || title.Length <= MaxTitleLength)
        {
            return title;
        }

        var cut = MaxTitleLength - 1;
        if (char.IsHighSurrogate(title[cut - 1]))
        {
            cut--;
        }

        return string.Concat(title.AsSpan(0, cut).TrimEnd(), "…");
    }

    private static string RequireText(string value) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("value is required", nameof(value)) : value;

    /// <summary>
    /// Stores keep text as UTF-8, which cannot hold an unpaired surrogate: it would come back as
    /// U+FFFD and silently change the text. Decoders never produce one, so one here is a bug upstream.
    /// </summary>
    private static string RequireWellFormed(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                throw new ArgumentException($"unpaired surrogate at offset {i}", nameof(value));
            }
        }

        return value;
    }
}

/// <summary>A document as stored, with its id, every source it was met at, and when it was ingested.</summary>
public sealed record StoredDocument
{
    public required long Id { get; init; }

    /// <summary>Path or URL of the first ingest.</summary>
    public required string Source { get; init; }

    /// <summary>Every path or URL this exact text was ingested from, first first.</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    public required string Format { get; init; }

    public string? Title { get; init; }

    public string? SourceUrl { get; init; }

    public string? Byline { get; init; }

    public string? PublishedAsWritten { get; init; }

    public string? Published { get; init; }

    public required string Language { get; init; }

    public required string Encoding { get; init; }

    public required string OriginalText { get; init; }

    public required string CleanText { get; init; }

    public required string SegmentedText { get; init; }

    public required string ContentHash { get; init; }

    public required ulong SimHash { get; init; }

    public long? NearDuplicateOf { get; init; }

    /// <summary>When the document was first stored, UTC.</summary>
    public required DateTimeOffset IngestedAt { get; init; }

    /// <summary>The facts as stored at ingest or re-extraction; read them with <see cref="Analysis.Facts.FactsJson.Read"/>.</summary>
    public string? FactsJson { get; init; }

    /// <summary>Why the stored facts could not be unpacked (damaged bytes); <see cref="FactsJson"/> is then null.</summary>
    public string? FactsDamage { get; init; }
}

/// <summary>A stored document found by a duplicate lookup; <paramref name="Distance"/> is 0 for an exact match.</summary>
public sealed record DocumentMatch(long DocumentId, string Source, ulong SimHash, int Distance);

/// <summary>Counts for <c>atlas show</c> and health checks.</summary>
/// <param name="Documents">Distinct texts stored.</param>
/// <param name="NearDuplicates">Documents linked to an earlier near duplicate.</param>
/// <param name="ExtraSources">Re-ingests of a stored text from another path or URL.</param>
/// <param name="SchemaVersion">Last migration applied.</param>
public sealed record StoreStats(long Documents, long NearDuplicates, long ExtraSources, int SchemaVersion);
