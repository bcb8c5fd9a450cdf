using SoftPowerAtlas.Storage.Collection;

namespace SoftPowerAtlas.Storage.Tests.Collection;

public sealed class RobotsTxtTests
{
    private const string Agent = "SoftPowerAtlas";

    private const string Rules = """
        # comments and blank lines are ignored

        User-agent: *
        Disallow: /private/
        Allow: /private/open.html
        Disallow: /*.pdf$
        Disallow: /search?
        Crawl-delay: 3

        User-agent: GreedyBot
        user-agent: OtherBot
        Disallow: /
        """;

    [Theory]
    [InlineData("/", true)]
    [InlineData("/news/th-silk.html", true)]
    [InlineData("/private/", false)]
    [InlineData("/private/secret.html", false)]
    [InlineData("/private/open.html", true)] // longer Allow beats shorter Disallow
    [InlineData("/private/open.html.bak", true)]
    [InlineData("/files/report.pdf", false)] // * and $ anchor
    [InlineData("/files/report.pdf?download=1", true)] // $ anchors the end: the query makes it not match
    [InlineData("/search?q=ผ้าไหม", false)]
    [InlineData("/search", true)]
    [InlineData("/robots.txt", true)]
    public void IsAllowed_StarGroup_LongestMatchDecides(string path, bool allowed) =>
        Assert.Equal(allowed, RobotsTxt.Parse(Rules).IsAllowed(Agent, path));

    [Fact]
    public void IsAllowed_GroupWithSeveralAgents_AppliesToEachOfThem()
    {
        var robots = RobotsTxt.Parse(Rules);

        Assert.False(robots.IsAllowed("GreedyBot/2.0", "/news/"));
        Assert.False(robots.IsAllowed("otherbot", "/news/"));
        Assert.True(robots.IsAllowed(Agent, "/news/"));
    }

    [Fact]
    public void IsAllowed_OwnGroup_ReplacesStarGroup()
    {
        var robots = RobotsTxt.Parse("""
            User-agent: *
            Disallow: /

            User-agent: softpoweratlas
            Disallow: /drafts/
            Crawl-delay: 7.5
            """);

        Assert.True(robots.IsAllowed(Agent, "/news/1"));
        Assert.False(robots.IsAllowed(Agent, "/drafts/1"));
        Assert.False(robots.IsAllowed("AnyoneElse", "/news/1"));
        Assert.Equal(TimeSpan.FromSeconds(7.5), robots.CrawlDelay(Agent));
        Assert.Null(robots.CrawlDelay("AnyoneElse"));
    }

    [Fact]
    public void IsAllowed_AllowAndDisallowOfSameLength_AllowWins()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /page\nAllow: /page\n");

        Assert.True(robots.IsAllowed(Agent, "/page"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Disallow: /\n")] // a rule before any User-agent belongs to no group
    [InlineData("User-agent: *\nDisallow:\n")] // an empty Disallow allows everything
    [InlineData("this is not robots.txt at all\n<html><body>404</body></html>")]
    [InlineData("User-agent: *\r\nCrawl-delay: soon\r\n")]
    public void Parse_EmptyOrOddInput_AllowsEverything(string text)
    {
        var robots = RobotsTxt.Parse(text);

        Assert.True(robots.IsAllowed(Agent, "/anything/at/all"));
        Assert.Null(robots.CrawlDelay(Agent));
    }

    [Fact]
    public void Parse_CrlfAndCrawlDelay_ReadsDelayOfStarGroup()
    {
        var robots = RobotsTxt.Parse("User-agent: *\r\nDisallow: /tmp/\r\nCrawl-delay: 3\r\n");

        Assert.False(robots.IsAllowed(Agent, "/tmp/x"));
        Assert.Equal(TimeSpan.FromSeconds(3), robots.CrawlDelay(Agent));
    }

    [Fact]
    public void IsAllowed_HostileWildcards_AreIgnoredNotExplosive()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /*a*a*a*a*a*a*a*a*a*a*a*b\nDisallow: /x*y\n");

        Assert.True(robots.IsAllowed(Agent, "/" + new string('a', 5000)));
        Assert.False(robots.IsAllowed(Agent, "/x-then-y"));
    }

    [Fact]
    public void DisallowAll_RefusesEverythingButRobotsTxt()
    {
        Assert.False(RobotsTxt.DisallowAll.IsAllowed(Agent, "/"));
        Assert.True(RobotsTxt.DisallowAll.IsAllowed(Agent, "/robots.txt"));
    }
}
