using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Reading;
using SoftPowerAtlas.Storage.Tracking;
using SoftPowerAtlas.Web.Documents;

namespace SoftPowerAtlas.Web.Pages.Documents;

/// <summary>One document: its cleaned text with the facts highlighted in place (and the passage a link names), its engagements and commitments.</summary>
public sealed class ShowModel(IAtlasStore store, AtlasReader reader, CommitmentTracker tracker, DocumentAnnotator annotator) : PageModel
{
    public StoredDocument Document { get; private set; } = null!; // Set in OnGet before rendering.

    public AnnotatedDocument Annotated { get; private set; } = null!;

    public IReadOnlyList<EngagementRow> Engagements { get; private set; } = [];

    public IReadOnlyList<CommitmentRow> Commitments { get; private set; } = [];

    public IReadOnlyList<DocumentSummary> NearDuplicates { get; private set; } = [];

    /// <summary>The other versions of its release: the original it translates or copies, its translations and copies (issue 25).</summary>
    public IReadOnlyList<DocumentVersion> Versions { get; private set; } = [];

    /// <summary>The passage <c>?passage=START-END</c> (original offsets) asked to highlight, when the document has one there.</summary>
    public Passage? Passage { get; private set; }

    /// <summary>The original file's page starts (offsets into the original text) when the document was read from a PDF, Word file or image.</summary>
    public IReadOnlyList<int>? PageStarts { get; private set; }

    /// <summary>The page of the original file the highlighted passage starts on; null without a passage or a file.</summary>
    public int? PassagePage => Passage is { } p && PageStarts is { } starts ? SoftPowerAtlas.Analysis.Formats.PagedText.PageAt(starts, p.OriginalStart) : null;

    public IActionResult OnGet(long id, string? passage)
    {
        var document = store.GetDocument(id);
        if (document is null)
        {
            return NotFound();
        }

        Document = document;
        Annotated = annotator.Annotate(document);
        PageStarts = SoftPowerAtlas.Storage.Files.DocumentFiles.PageStarts(store, id);
        if (passage?.Split('-') is [var a, var b]
            && int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            && int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var end))
        {
            Passage = Annotated.PassageAt(start, end);
        }

        Engagements = reader.ListEngagements(EngagementFilter.Any, 0, 100, documentId: id).Items;
        Commitments = tracker.Track(reader.ListCommitments(0, 100, documentId: id).Items);
        NearDuplicates = reader.NearDuplicates(id);
        Versions = reader.Versions(id);
        return Page();
    }
}
