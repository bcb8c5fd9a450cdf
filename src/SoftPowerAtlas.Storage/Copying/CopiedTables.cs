namespace SoftPowerAtlas.Storage.Copying;

/// <summary>One table <see cref="StoreCopier"/> copies, with the columns that identify a row.</summary>
internal sealed record CopiedTable(string Name, bool HasIdentity);

/// <summary>
/// The tables a copy carries, parents before children. Every table of the SQLite schema is either
/// or one the engines rebuild from copied rows (the migration log, search's facet and date tables;
/// MigrateCommandTests checks every SQLite table is one or the other), so a new migration must decide.
/// </summary>
internal static class CopiedTables
{
    public static readonly IReadOnlyList<CopiedTable> All =
    [
        new("documents", HasIdentity: true),
        new("document_bands", HasIdentity: false),
        new("document_sources", HasIdentity: true),
        new("document_files", HasIdentity: false),
        new("entities", HasIdentity: true),
        new("entity_aliases", HasIdentity: false),
        new("mentions", HasIdentity: false),
        new("engagements", HasIdentity: true),
        new("engagement_parties", HasIdentity: false),
        new("engagement_countries", HasIdentity: false),
        new("engagement_sectors", HasIdentity: false),
        new("engagement_links", HasIdentity: false),
        new("engagement_signs", HasIdentity: false),
        new("document_versions", HasIdentity: false),
        new("commitments", HasIdentity: true),
        new("person_roles", HasIdentity: false),
        new("curation_events", HasIdentity: true),
        new("sources", HasIdentity: true),
        new("fetched_items", HasIdentity: true),
        new("users", HasIdentity: true),
        new("api_keys", HasIdentity: true),
        new("sessions", HasIdentity: false),
        new("watches", HasIdentity: true),
    ];
}
