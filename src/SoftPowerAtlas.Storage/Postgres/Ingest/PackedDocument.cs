using System.Text.Json;
using SoftPowerAtlas.Analysis.Facts;
using SoftPowerAtlas.Storage.Curation;
using SoftPowerAtlas.Storage.Search;

namespace SoftPowerAtlas.Storage.Postgres.Ingest;

/// <summary>An entity as one document writes it: the row it upserts by key, its aliases and its mention spans.</summary>
internal sealed record EntityWrite(string Key, string Name, string? Country, string Kind, IReadOnlyList<string> Aliases, IReadOnlyList<OriginalSpan> Spans);

/// <summary>A person's role as a document states it; the organisation by key when it is one of the document's entities.</summary>
internal sealed record RoleWrite(string PersonKey, string Role, string? OrganizationKey, int Start, int End, int? OrganizationStart, int? OrganizationEnd);

/// <summary>
/// Everything of one new document the bulk writer stores, computed before the batch takes any lock:
/// the packed texts, the segmented title, its fact rows in the order <see cref="Facts.FactsWriter"/>
/// writes them, and the fact keys <see cref="FactKeys.Assign"/> would give them.
/// </summary>
internal sealed class PackedDocument
{
    public PackedDocument(NewDocument document, SearchText searchText)
    {
        Document = document;
        OriginalPacked = PackedText.Pack(document.OriginalText)!; // a document always has its original
        CleanPacked = PackedText.Pack(document.CleanText)!;
        SearchTitle = searchText.Segmented(document.Title);
        SearchVector = Search.Postgres.PostgresSearchVector.Literal(SearchTitle ?? document.Title, document.SegmentedText);
        if (document.File is { } file)
        {
            PageStarts = JsonSerializer.Serialize(file.PageStarts);
        }

        if (document.Facts is not { } facts)
        {
            return;
        }

        FactsPacked = PackedText.Pack(FactsJson.WriteCompact(facts));
        var own = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in facts.Entities)
        {
            own.Add(entity.Id);
            Entities.Add(Write(entity));
        }

        foreach (var person in facts.Entities)
        {
            foreach (var r in person.Roles)
            {
                var org = r.Organization is { } o && own.Contains(o.Id) ? o.Id : null;
                Roles.Add(new RoleWrite(person.Id, r.Role, org, r.Start, r.End, r.Organization?.Start, r.Organization?.End));
            }
        }

        foreach (var e in facts.Events)
        {
            var parties = new List<(string Key, string Side)>();
            foreach (var (side, entities) in new[] { ("thai", e.ThaiOrgs), ("foreign", e.ForeignOrgs), ("person", e.People) })
            {
                foreach (var entity in entities)
                {
                    Entities.Add(Write(entity));
                    parties.Add((entity.Id, side));
                }
            }

            Engagements.Add((e, parties));
        }

        (EngagementKeys, CommitmentKeys) = FactKeys.Compute(
            document.ContentHash,
            document.OriginalText,
            document.Format == "html",
            facts.Events.Select(e => (e.Evidence.Start, e.Evidence.End)),
            facts.Commitments.Select(c => (c.Start, c.End, c.Due)));
    }

    public NewDocument Document { get; }

    public byte[] OriginalPacked { get; }

    public byte[] CleanPacked { get; }

    public byte[]? FactsPacked { get; }

    public string? SearchTitle { get; }

    /// <summary>The search vector's text (<see cref="Search.Postgres.PostgresSearchVector"/>); null for the server to build.</summary>
    public string? SearchVector { get; }

    /// <summary>The file's page starts as <c>document_files</c> keeps them (JSON), when the document was read from a file.</summary>
    public string? PageStarts { get; }

    /// <summary>Every entity write in the order the per-row writer makes them (an entity may come more than once).</summary>
    public List<EntityWrite> Entities { get; } = [];

    public List<RoleWrite> Roles { get; } = [];

    /// <summary>Engagements by ordinal, with their parties (entity key and side) in order.</summary>
    public List<(ExtractedEvent Event, List<(string Key, string Side)> Parties)> Engagements { get; } = [];

    public IReadOnlyList<string> EngagementKeys { get; } = [];

    public IReadOnlyList<string> CommitmentKeys { get; } = [];

    /// <summary>An engagement's participant carries no kind: its key's prefix gives one.</summary>
    private static EntityWrite Write(ExtractedEntity entity) => new(
        entity.Id,
        entity.Name,
        entity.Country,
        entity.Kind ?? ExtractedEntity.KindOfKey(entity.Id),
        [.. entity.Aliases, .. entity.Mentions],
        entity.Spans);
}
