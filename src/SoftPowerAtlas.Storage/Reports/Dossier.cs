using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Tracking;

namespace SoftPowerAtlas.Storage.Reports;

/// <summary>Something counted in a dossier: a partner, a country, a sector, a person, and in how many engagements.</summary>
public sealed record Tally(string Key, string Name, int Engagements);

/// <summary>A document a dossier draws on, with how many of its engagements and commitments it uses.</summary>
public sealed record DossierDocument(long Id, string Path, string? Url, string? Title, int Engagements, int Commitments);

/// <summary>
/// Everything the store knows about one country or agency: its engagements in date order and per
/// year, the partners and countries it engaged with, sectors, people, open commitments and the
/// documents behind them. Each engagement and commitment keeps its source and offsets.
/// </summary>
public sealed record Dossier(
    Subject Subject,
    DateOnly AsOf,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<EngagementFact> Engagements,
    IReadOnlyList<Tally> PerYear,
    IReadOnlyList<Tally> Partners,
    IReadOnlyList<Tally> Countries,
    IReadOnlyList<Tally> Sectors,
    IReadOnlyList<Tally> People,
    IReadOnlyList<DueItem> OpenCommitments,
    int UndatedCommitments,
    IReadOnlyList<DossierDocument> Documents);

/// <summary>A dossier, or why there is none (an unknown name, with close ones).</summary>
public sealed record DossierResult(Dossier? Dossier, string? Error, IReadOnlyList<string> Suggestions);

/// <summary>Builds a <see cref="Dossier"/> for a country or an agency named by any of its names.</summary>
public sealed class DossierBuilder(FactReader reader, TimeProvider clock)
{
    public DossierResult Country(string name)
    {
        var found = new SubjectResolver(reader.Store).Country(name);
        return found.Subject is null
            ? new DossierResult(null, found.Error, found.Suggestions)
            : new DossierResult(Build(found.Subject, new FactFilter { Countries = [found.Subject.Key] }), null, []);
    }

    public DossierResult Agency(string name)
    {
        var found = new SubjectResolver(reader.Store).Entity(name);
        return found.Subject is null
            ? new DossierResult(null, found.Error, found.Suggestions)
            : new DossierResult(Build(found.Subject, new FactFilter { Entities = [found.Subject.Key] }), null, []);
    }

    private Dossier Build(Subject subject, FactFilter filter)
    {
        var (engagements, commitments) = reader.Read(filter);
        var ordered = engagements.OrderBy(e => e.Date is null).ThenBy(e => e.Date).ThenBy(e => e.Source.DocumentId).ToList();
        var tracker = new CommitmentTracker(reader, clock);
        var today = tracker.Today;
        var open = tracker.States(commitments, today, 30)
            .Where(i => i.Restates is null && i.State is not (CommitmentState.Done or CommitmentState.Dropped))
            .ToList();

        var perYear = ordered.Where(e => e.Date is { HasYear: true })
            .GroupBy(e => e.Date!.Value.Start.Year)
            .OrderBy(g => g.Key)
            .Select(g => new Tally(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Select(e => e.Cluster).Distinct().Count()))
            .ToList();

        var partners = Count(ordered.SelectMany(e => e.Parties.Where(p => p.Side != "person" && p.Key != subject.Key).Select(p => (e.Cluster, p.Key, p.Name))));
        var countries = Count(ordered.SelectMany(e => e.Countries.Where(c => c != subject.Key).Select(c => (e.Cluster, c, CountryName(c)))));
        var sectors = Count(ordered.SelectMany(e => e.Sectors.Select(s => (e.Cluster, s, s))));
        var people = Count(ordered.SelectMany(e => e.Parties.Where(p => p.Side == "person").Select(p => (e.Cluster, p.Key, p.Name))));

        var documents = ordered.Select(e => e.Source).Concat(commitments.Select(c => c.Source))
            .GroupBy(s => s.DocumentId)
            .OrderBy(g => g.Key)
            .Select(g => new DossierDocument(
                g.Key, g.First().Path, g.First().Url, g.First().Title,
                ordered.Count(e => e.Source.DocumentId == g.Key),
                commitments.Count(c => c.Source.DocumentId == g.Key)))
            .ToList();

        return new Dossier(subject, today, clock.GetUtcNow(), ordered, perYear, partners, countries, sectors, people, open, commitments.Count(c => c.Due is not { HasYear: true }), documents);
    }

    /// <summary>Tallies by key, counting engagements: several reports of one (issue 25) count once.</summary>
    private static List<Tally> Count(IEnumerable<(long Engagement, string Key, string Name)> items) =>
        [.. items.GroupBy(i => i.Key, StringComparer.Ordinal)
            .Select(g => new Tally(g.Key, g.First().Name, g.Select(i => i.Engagement).Distinct().Count()))
            .OrderByDescending(t => t.Engagements)
            .ThenBy(t => t.Key, StringComparer.Ordinal)];

    private static string CountryName(string code) =>
        ReferenceData.Default.CountriesByCode.TryGetValue(code, out var c) ? $"{c.NameEn} ({c.NameTh})" : code;
}
