using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Reading;
using SoftPowerAtlas.Storage.Tracking;
using SoftPowerAtlas.Web.Documents;

namespace SoftPowerAtlas.Web.Apis;

/// <summary>A stored document with its cleaned text and every fact found in it (offsets into the cleaned and the original text).</summary>
public sealed record DocumentResponse(
    long Id,
    string? Title,
    string? Published,
    string Language,
    string Source,
    IReadOnlyList<string> Sources,
    string? SourceUrl,
    long? NearDuplicateOf,
    DateTimeOffset IngestedAt,
    string CleanText,
    IReadOnlyList<FactMark> Facts,
    IReadOnlyList<DocumentSummary> NearDuplicates)
{
    /// <summary>The other versions of its release (issue 25): the original it translates or copies, and its translations and copies.</summary>
    public IReadOnlyList<DocumentVersion> Versions { get; init; } = [];

    /// <summary>For a document read from a PDF, Word or image file: the download address of that file (null for text, Markdown and HTML).</summary>
    public string? File { get; init; }

    /// <summary>For a document read from a file: where each page starts, as UTF-16 offsets into the original text the facts' original offsets point into (page 1 first).</summary>
    public IReadOnlyList<int>? PageStarts { get; init; }
}

/// <summary>/api/documents: the list in ingest order, one document with its facts, and taking one back out (admins).</summary>
public static class DocumentsApi
{
    public static void MapDocumentsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/documents").WithTags("Documents");
        group.MapGet("", List).WithSummary("Documents in ingest order, paged.");
        group.MapGet("/{id:long}", Get).WithSummary("One document: cleaned text, facts with offsets, near duplicates.");
        group.MapGet("/{id:long}/engagements", Engagements).WithSummary("The engagements a document reports.");
        group.MapGet("/{id:long}/commitments", Commitments).WithSummary("The commitments a document reports.");
        group.MapDelete("/{id:long}", Delete).RequireAuthorization(Security.AtlasPolicies.Admin)
            .WithSummary("Take a document back out (admins): it goes with its facts, search rows and facet counts; the audit log keeps a document.delete event, and edits to its facts come back if the file is ingested again.");
    }

    public static Results<Ok<PageResponse<DocumentSummary>>, ValidationProblem> List(AtlasReader reader, int? offset, int? limit) =>
        Paging.TryCreate(offset, limit, out var p, out var errors)
            ? TypedResults.Ok(PageResponse<DocumentSummary>.From(reader.ListDocuments(p.Offset, p.Limit)))
            : TypedResults.ValidationProblem(errors);

    public static Results<Ok<DocumentResponse>, ProblemHttpResult> Get([Description("The document's id, as /api/documents lists it.")] long id, IAtlasStore store, AtlasReader reader, DocumentAnnotator annotator)
    {
        var document = store.GetDocument(id);
        if (document is null)
        {
            return NotFound("document", id);
        }

        var annotated = annotator.Annotate(document);
        var pages = Storage.Files.DocumentFiles.PageStarts(store, id);
        return TypedResults.Ok(new DocumentResponse(
            document.Id, document.Title, document.Published, document.Language, document.Source, document.Sources, document.SourceUrl,
            document.NearDuplicateOf, document.IngestedAt, annotated.CleanText, annotated.Facts, reader.NearDuplicates(id))
        {
            File = pages is null ? null : OriginalText.FilePath(id),
            PageStarts = pages,
            Versions = reader.Versions(id),
        });
    }

    public static Results<Ok<PageResponse<EngagementRow>>, ValidationProblem, ProblemHttpResult> Engagements([Description("The document's id, as /api/documents lists it.")] long id, IAtlasStore store, AtlasReader reader, int? offset, int? limit)
    {
        if (!Paging.TryCreate(offset, limit, out var p, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        return store.GetDocument(id) is null
            ? NotFound("document", id)
            : TypedResults.Ok(PageResponse<EngagementRow>.From(reader.ListEngagements(EngagementFilter.Any, p.Offset, p.Limit, documentId: id)));
    }

    public static Results<Ok<PageResponse<CommitmentRow>>, ValidationProblem, ProblemHttpResult> Commitments([Description("The document's id, as /api/documents lists it.")] long id, IAtlasStore store, AtlasReader reader, CommitmentTracker tracker, int? offset, int? limit)
    {
        if (!Paging.TryCreate(offset, limit, out var p, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        return store.GetDocument(id) is null
            ? NotFound("document", id)
            : TypedResults.Ok(PageResponse<CommitmentRow>.From(FactsApi.Tracked(tracker, reader.ListCommitments(p.Offset, p.Limit, documentId: id))));
    }

    public static Results<Ok<CurationResponse>, ProblemHttpResult> Delete([Description("The document's id, as /api/documents lists it.")] long id, CurationApi.Context context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = context.Curator.DeleteDocument(id.ToString(System.Globalization.CultureInfo.InvariantCulture), context.Actor);
        return result.Failure == Storage.Curation.CurationFailure.None
            ? TypedResults.Ok(new CurationResponse(result.Event is null ? null : CurationEventResponse.From(result.Event), result.Detail))
            : NotFound("document", id);
    }

    internal static ProblemHttpResult NotFound(string what, object id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No such {what}", detail: $"There is no {what} {id}.");
}
