using SoftPowerAtlas.Analysis;

namespace SoftPowerAtlas.Web.Tests.Support;

/// <summary>The test process's text services, made once as every host makes them (building the word breakers and lexicon takes a fraction of a second), shared by every test.</summary>
internal static class TestText
{
    public static TextServices Shared { get; } = new();
}
