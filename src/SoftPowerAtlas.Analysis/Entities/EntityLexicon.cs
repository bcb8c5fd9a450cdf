namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>
/// Everything the entity finder knows before reading: names with their aliases (as a gazetteer),
/// honorifics, role words, and words that cannot be part of a person's name.
/// </summary>
public sealed class EntityLexicon
{
    public EntityLexicon(IEnumerable<GazetteerEntry> entries, IEnumerable<string> honorifics, IEnumerable<string> rolesEnglish, IEnumerable<string> rolesThai, IEnumerable<string> notNameWords)
    {
        var list = entries.ToList();
        Entries = list;
        Gazetteer = Gazetteer.Build(list);
        Honorifics = [.. honorifics];
        RolesEnglish = [.. rolesEnglish];
        RolesThai = [.. rolesThai];
        NotNameWords = [.. notNameWords];
    }

    public IReadOnlyList<GazetteerEntry> Entries { get; }

    public Gazetteer Gazetteer { get; }

    public IReadOnlyList<string> Honorifics { get; }

    public IReadOnlyList<string> RolesEnglish { get; }

    public IReadOnlyList<string> RolesThai { get; }

    public IReadOnlyList<string> NotNameWords { get; }

    /// <summary>Role phrases in Thai and English (roles.tsv), read next to people's names.</summary>
    public IReadOnlyList<Role> Roles { get; init; } = [];

    /// <summary>Royal and monastic titles (King, Princess, Phra): a single name after one is a whole name.</summary>
    public IReadOnlyList<string> SingleNameHonorifics { get; init; } = [];
}
