namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>Turns the reference data into what the entity finder and the sector tagger read.</summary>
public static class ReferenceLexicon
{
    private static readonly string[] ThaiOrgHeads = ["กรม", "กระทรวง", "สำนักงาน", "สำนัก", "องค์การ", "สถาบัน", "สมาคม", "คณะกรรมการ", "คณะอนุกรรมการ", "สถานทูต", "สถานเอกอัครราชทูต"];

    public static EntityLexicon Build(ReferenceData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var entries = new List<GazetteerEntry>();

        foreach (var a in data.Agencies)
        {
            if (a.Kind == AgencyKind.Venue)
            {
                var seat = a.ParentId is { } p && data.AgenciesById.TryGetValue(p, out var body)
                    ? new GazetteerEntry(body.NameTh, EntityKind.ThaiOrganization, "agency:" + body.Id, body.NameTh, "TH", body.NameEn)
                    : null;
                var first = entries.Count;
                Add(entries, a.Names, EntityKind.Venue, "venue:" + a.Id, a.NameTh, "TH", a.NameEn);
                for (var i = first; i < entries.Count; i++)
                {
                    entries[i] = entries[i] with { Seat = seat };
                }

                continue;
            }

            Add(entries, a.Names, EntityKind.ThaiOrganization, "agency:" + a.Id, a.NameTh, "TH", a.NameEn, a.Kind == AgencyKind.Media);
        }

        foreach (var b in data.ForeignBodies)
        {
            var kind = b.IsInternational ? EntityKind.InternationalOrganization : EntityKind.ForeignOrganization;
            Add(entries, b.Names, kind, "body:" + b.Id, b.NameEn, b.CountryCode, b.NameEn, b.Kind is ForeignBodyKind.Media or ForeignBodyKind.Platform);
        }

        foreach (var c in data.Countries)
        {
            var names = c.Names.Concat(c.Demonyms).ToList();
            // "ประเทศฝรั่งเศส": Thai writes the word for country before the name.
            names.AddRange(c.Names.Where(n => IsThai(n.Text)).Select(n => n with { Text = "ประเทศ" + n.Text }));
            Add(entries, names, EntityKind.Country, "country:" + c.Code, c.NameEn, c.Code, c.NameEn);
        }

        foreach (var p in data.Provinces)
        {
            var names = p.Names.ToList();
            // A province whose name is also an everyday word (น่าน, เลย) is only a province after จังหวัด / จ.
            names.AddRange(p.Names.Where(n => IsThai(n.Text)).SelectMany(n => new[]
            {
                new NameForm("จังหวัด" + n.Text, NameMatch.Normal),
                new NameForm("จ." + n.Text, NameMatch.Normal),
            }));
            Add(entries, names, EntityKind.Province, "province:" + p.Code, p.NameTh, "TH", p.NameEn);
        }

        foreach (var f in data.ForeignPlaces)
        {
            var names = f.Names.ToList();
            // "เมืองเว้", "กรุงวอชิงตัน", "นครซีแอตเทิล": a word for town or capital makes even a name that is also an everyday word a place.
            foreach (var prefix in ForeignPlacePrefixes)
            {
                names.AddRange(f.Names.Where(n => IsThai(n.Text)).Select(n => new NameForm(prefix + n.Text, NameMatch.Normal)));
            }

            Add(entries, names, EntityKind.ForeignPlace, "place:" + f.Id, f.NameEn, f.CountryCode, f.NameEn);
        }

        var honorifics = data.Honorifics.Select(h => h.Form).Where(f => f.Length > 0);
        var rolesEn = data.Roles.SelectMany(r => r.English).SelectMany(r => r.Split(' ')).Where(w => w.Length > 2 && char.IsUpper(w[0])).Distinct(StringComparer.Ordinal);
        var rolesTh = data.Roles.SelectMany(r => r.Thai).Distinct(StringComparer.Ordinal);
        var notNames = ThaiOrgHeads
            .Concat(data.Countries.SelectMany(c => c.Names.Concat(c.Demonyms)).Select(n => n.Text))
            .Concat(["Group", "Agency", "Ministry", "Embassy", "Institute", "Institut", "Office", "Department", "Government", "Committee", "Council", "Foundation", "Center", "Centre"]);
        return new EntityLexicon(entries, honorifics, rolesEn, rolesTh, notNames)
        {
            Roles = data.Roles,
            SingleNameHonorifics = [.. data.Honorifics.Where(h => h.Kind is HonorificKind.Royal or HonorificKind.Religious).Select(h => h.Form)],
        };
    }

    /// <summary>Sector trigger phrases with their sector id.</summary>
    public static IEnumerable<(string Phrase, string Sector)> SectorTriggers(ReferenceData data) =>
        data.Sectors.SelectMany(s => s.Thai.Concat(s.English).Select(n => (n.Text, s.Sector)));

    private static void Add(List<GazetteerEntry> entries, IEnumerable<NameForm> names, EntityKind kind, string key, string name, string? country, string? nameEn, bool media = false)
    {
        foreach (var n in names)
        {
            if (n.Match == NameMatch.Contextual && IsThai(n.Text))
            {
                continue;
            }

            foreach (var written in IsThai(n.Text) ? SpacingVariants(n.Text) : [n.Text])
            {
                entries.Add(new GazetteerEntry(written, kind, key, name, country, nameEn) { Strict = n.Match != NameMatch.Normal, IsMedia = media });
            }
        }
    }

    private const int MaxSpacingJunctions = 5;

    /// <summary>
    /// A long Thai name is spaced as each writer pleases ("องค์การการศึกษา วิทยาศาสตร์ และวัฒนธรรม แห่งสหประชาชาติ",
    /// "… วิทยาศาสตร์และวัฒนธรรมแห่งสหประชาชาติ"): with or without a space at each of its spaces and before each และ
    /// or แห่ง inside it, up to <see cref="MaxSpacingJunctions"/> such places (the name as written first).
    /// </summary>
    internal static IEnumerable<string> SpacingVariants(string name)
    {
        var parts = new List<string>();
        var from = 0;
        for (var i = 1; i < name.Length; i++)
        {
            var joint = name[i] == ' ' || (name[i - 1] != ' ' && (name.AsSpan(i).StartsWith("และ", StringComparison.Ordinal) || name.AsSpan(i).StartsWith("แห่ง", StringComparison.Ordinal)));
            if (joint)
            {
                parts.Add(name[from..i].Trim());
                from = i;
            }
        }

        parts.Add(name[from..].Trim());
        parts.RemoveAll(p => p.Length == 0);
        yield return name;
        if (parts.Count < 2 || parts.Count - 1 > MaxSpacingJunctions)
        {
            yield break;
        }

        for (var mask = 0; mask < 1 << (parts.Count - 1); mask++)
        {
            var b = new System.Text.StringBuilder(parts[0]);
            for (var j = 1; j < parts.Count; j++)
            {
                b.Append((mask & (1 << (j - 1))) != 0 ? " " : string.Empty).Append(parts[j]);
            }

            var variant = b.ToString();
            if (variant != name)
            {
                yield return variant;
            }
        }
    }

    private static readonly string[] ForeignPlacePrefixes = ["เมือง", "จังหวัด", "กรุง", "นคร"];

    private static bool IsThai(string s) => s.Length > 0 && Gazetteer.IsThaiLetter(s[0]);
}
