namespace SoftPowerAtlas.Analysis.Formats;

/// <summary>
/// The file a PDF, Word or image document was read from, kept beside its text: its bytes (offered for
/// download as the original), its media type, and where each page starts in the stored text.
/// </summary>
public sealed record DocumentFile(string MediaType, byte[] Bytes, IReadOnlyList<int> PageStarts)
{
    /// <summary>The 1-based page an offset into the stored text falls on.</summary>
    public int PageAt(int offset) => PagedText.PageAt(PageStarts, offset);
}
