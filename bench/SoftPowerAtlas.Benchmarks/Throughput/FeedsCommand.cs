using System.Diagnostics;
using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;
using SoftPowerAtlas.Storage.Collection;

namespace SoftPowerAtlas.Benchmarks.Throughput;

/// <summary>
/// <c>feeds DIR [DIR…] [--rounds 200]</c>: atlas's <see cref="FeedParser"/> beside System.ServiceModel.Syndication
/// (issue 24) on every <c>*.xml</c> feed in the folders (<c>{base}</c> in a file stands for its address,
/// <c>https://feeds.test/</c>). For each feed: the items each reads (an item counts when it has an http(s) link,
/// resolved against the feed's address as the collector does), how many links, titles and dates agree, and the
/// error each gives; then the time to read all feeds once, alternating, median of the rounds after a warm-up.
/// Both read with the same safe reader settings (no DTD, no resolver).
/// </summary>
internal static class FeedsCommand
{
    private static readonly Uri FeedAddress = new("https://feeds.test/feed.xml");

    public static int Run(string[] args)
    {
        var folders = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && !int.TryParse(a, CultureInfo.InvariantCulture, out _)).ToList();
        if (folders.Count == 0)
        {
            Console.Error.WriteLine("usage: feeds DIR [DIR…] [--rounds 200]");
            return 2;
        }

        var missing = folders.FirstOrDefault(f => !Directory.Exists(f));
        if (missing is not null)
        {
            throw new FileNotFoundException($"no folder {missing}: give folders of *.xml feeds (bench/feeds, the collector's test fixtures)");
        }

        var feeds = folders.SelectMany(f => Directory.GetFiles(f, "*.xml")).Order(StringComparer.Ordinal)
            .Select(f => (Name: Path.GetFileName(f), Bytes: Placeholders(File.ReadAllBytes(f)))).ToList();
        var rounds = CommandLine.Int(args, "--rounds", 200);

        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores; load average {CommandLine.LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| feed | atlas items | Syndication items | same links | same titles | same dates | atlas error | Syndication error |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---|---|");
        foreach (var (name, bytes) in feeds)
        {
            var ours = FeedParser.Parse(bytes, FeedAddress);
            var (theirs, error) = Syndication(bytes);
            var byLink = theirs.ToDictionary(i => i.Link.AbsoluteUri, StringComparer.Ordinal);
            var same = ours.Items.Where(i => byLink.ContainsKey(i.Link.AbsoluteUri)).ToList();
            var titles = same.Count(i => string.Equals(i.Title, byLink[i.Link.AbsoluteUri].Title, StringComparison.Ordinal));
            var dates = same.Count(i => i.Published == byLink[i.Link.AbsoluteUri].Published);
            Console.WriteLine($"| {name} | {ours.Items.Count} | {theirs.Count} | {same.Count} | {titles} | {dates} | {Cell(ours.Error)} | {Cell(error)} |");
            foreach (var i in ours.Items.Where(i => !byLink.ContainsKey(i.Link.AbsoluteUri) || byLink[i.Link.AbsoluteUri].Published != i.Published))
            {
                var other = byLink.GetValueOrDefault(i.Link.AbsoluteUri);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"|   {i.Link.AbsolutePath} | {i.Published:yyyy-MM-dd HH:mm zzz} | {(other is null ? "not read" : other.Published?.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture) ?? "no date")} | | | | | |"));
            }
        }

        var times = new List<(double Ours, double Theirs)>();
        for (var round = 0; round <= rounds; round++)
        {
            var ours = Time(() => feeds.Sum(f => FeedParser.Parse(f.Bytes, FeedAddress).Items.Count));
            var theirs = Time(() => feeds.Sum(f => Syndication(f.Bytes).Items.Count));
            if (round > 0) // round 0 warms the JIT for both
            {
                times.Add((ours, theirs));
            }
        }

        var median = times.Count / 2;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"all {feeds.Count} feeds once, median of {times.Count} rounds: atlas {times.Select(t => t.Ours).Order().ElementAt(median):F3} ms, Syndication {times.Select(t => t.Theirs).Order().ElementAt(median):F3} ms"));
        return 0;
    }

    /// <summary>The feed through <see cref="SyndicationFeed.Load(XmlReader)"/> (RSS 2.0 and Atom 1.0), links resolved as the collector resolves them.</summary>
    private static (List<FeedItem> Items, string? Error) Syndication(byte[] bytes)
    {
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true };
            using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), settings);
            var feed = SyndicationFeed.Load(reader);
            var items = new List<FeedItem>();
            foreach (var item in feed.Items)
            {
                var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate") ?? item.Links.FirstOrDefault();
                var address = link?.Uri?.OriginalString ?? (item.Id is { } id && Uri.IsWellFormedUriString(id, UriKind.Absolute) ? id : null);
                if (address is not null && Uri.TryCreate(FeedAddress, address, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                {
                    var published = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime != default ? item.LastUpdatedTime : (DateTimeOffset?)null;
                    items.Add(new FeedItem(new UriBuilder(uri) { Fragment = string.Empty }.Uri, item.Title?.Text.Trim(), published));
                }
            }

            return (items.DistinctBy(i => i.Link.AbsoluteUri, StringComparer.Ordinal).ToList(), null);
        }
        catch (Exception e) when (e is XmlException or ArgumentException or NotSupportedException or FormatException)
        {
            return ([], e.GetType().Name + ": " + e.Message.Split('\n')[0]);
        }
    }

    private static byte[] Placeholders(byte[] bytes)
    {
        var marker = "{base}"u8;
        if (bytes.AsSpan().IndexOf(marker) < 0)
        {
            return bytes;
        }

        // The fixtures are UTF-8; {base} is the collector tests' server address.
        return System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(bytes).Replace("{base}", "https://feeds.test", StringComparison.Ordinal));
    }

    private static string Cell(string? error) => error is null ? "" : error.Replace('|', '/').Length > 90 ? error.Replace('|', '/')[..90] + "…" : error.Replace('|', '/');

    private static double Time(Func<int> read)
    {
        var watch = Stopwatch.StartNew();
        _ = read();
        return watch.Elapsed.TotalMilliseconds;
    }
}
