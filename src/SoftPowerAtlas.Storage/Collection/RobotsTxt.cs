using System.Globalization;

namespace SoftPowerAtlas.Storage.Collection;

/// <summary>
/// A site's robots.txt (RFC 9309): groups of <c>User-agent</c> lines with their <c>Allow</c> /
/// <c>Disallow</c> rules and <c>Crawl-delay</c>. The group naming our product token wins over
/// <c>*</c>; among its rules the longest matching path wins, <c>Allow</c> on a tie; <c>*</c> matches
/// any run of characters and a final <c>$</c> anchors the end. Immutable.
/// </summary>
public sealed class RobotsTxt
{
    /// <summary>Longest robots.txt read; the rest is ignored (RFC 9309 asks for at least 500 KiB).</summary>
    public const int MaxChars = 512 * 1024;

    private readonly IReadOnlyList<Group> _groups;

    private RobotsTxt(IReadOnlyList<Group> groups) => _groups = groups;

    /// <summary>No rules: everything allowed (a site without robots.txt, or one answering 4xx).</summary>
    public static RobotsTxt AllowAll { get; } = new([]);

    /// <summary>Everything disallowed (robots.txt unreachable with a server error: the site may be in trouble).</summary>
    public static RobotsTxt DisallowAll { get; } = new([new Group(["*"], [new Rule("/", Allow: false)], null)]);

    public static RobotsTxt Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxChars)
        {
            text = text[..MaxChars];
        }

        var groups = new List<Group>();
        List<string>? agents = null;
        List<Rule>? rules = null;
        TimeSpan? delay = null;
        var inRules = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                line = line[..hash];
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent":
                    if (inRules || agents is null)
                    {
                        Flush();
                        agents = [];
                        rules = [];
                        delay = null;
                        inRules = false;
                    }

                    agents.Add(value.ToLowerInvariant());
                    break;
                case "allow" or "disallow" when agents is not null:
                    inRules = true;
                    // Bounded so a hostile pattern cannot make matching explode.
                    if (value.Length is > 0 and <= 2048 && value.Count(c => c == '*') <= 8)
                    {
                        rules!.Add(new Rule(value, key == "allow"));
                    }

                    break;
                case "crawl-delay" when agents is not null:
                    inRules = true;
                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds <= 86400)
                    {
                        delay = TimeSpan.FromSeconds(seconds);
                    }

                    break;
            }
        }

        Flush();
        return new RobotsTxt(groups);

        void Flush()
        {
            if (agents is { Count: > 0 })
            {
                groups.Add(new Group(agents, rules!, delay));
            }
        }
    }

    /// <summary>Whether <paramref name="userAgent"/> (our product token, e.g. SoftPowerAtlas) may fetch <paramref name="pathAndQuery"/>.</summary>
    public bool IsAllowed(string userAgent, string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        if (pathAndQuery.Equals("/robots.txt", StringComparison.Ordinal))
        {
            return true;
        }

        Rule? best = null;
        foreach (var group in GroupsFor(userAgent))
        {
            foreach (var rule in group.Rules)
            {
                if (rule.Matches(pathAndQuery)
                    && (best is null || rule.Length > best.Length || (rule.Length == best.Length && rule.Allow && !best.Allow)))
                {
                    best = rule;
                }
            }
        }

        return best?.Allow ?? true;
    }

    /// <summary>The Crawl-delay asked of <paramref name="userAgent"/>, if any.</summary>
    public TimeSpan? CrawlDelay(string userAgent) => GroupsFor(userAgent).Select(g => g.Delay).FirstOrDefault(d => d is not null);

    /// <summary>Every group naming the token (they combine, RFC 9309 2.2.1), else every <c>*</c> group.</summary>
    private List<Group> GroupsFor(string userAgent)
    {
        var token = userAgent.ToLowerInvariant();
        var named = _groups.Where(g => g.Agents.Any(a => a != "*" && token.Contains(a, StringComparison.Ordinal))).ToList();
        return named.Count > 0 ? named : _groups.Where(g => g.Agents.Contains("*")).ToList();
    }

    private sealed record Group(IReadOnlyList<string> Agents, IReadOnlyList<Rule> Rules, TimeSpan? Delay);

    private sealed record Rule(string Pattern, bool Allow)
    {
        /// <summary>Specificity: the pattern's length without wildcards.</summary>
        public int Length { get; } = Pattern.Replace("*", string.Empty, StringComparison.Ordinal).TrimEnd('$').Length;

        public bool Matches(string path)
        {
            var anchored = Pattern.EndsWith('$');
            var pattern = anchored ? Pattern[..^1] : Pattern;
            return Match(pattern, 0, path, 0, anchored);
        }

        private static bool Match(string pattern, int p, string path, int s, bool anchored)
        {
            while (p < pattern.Length)
            {
                if (pattern[p] == '*')
                {
                    while (p < pattern.Length && pattern[p] == '*')
                    {
                        p++;
                    }

                    if (p == pattern.Length)
                    {
                        return true;
                    }

                    for (var i = s; i <= path.Length; i++)
                    {
                        if (Match(pattern, p, path, i, anchored))
                        {
                            return true;
                        }
                    }

                    return false;
                }

                if (s >= path.Length || pattern[p] != path[s])
                {
                    return false;
                }

                p++;
                s++;
            }

            return !anchored || s == path.Length;
        }
    }
}
