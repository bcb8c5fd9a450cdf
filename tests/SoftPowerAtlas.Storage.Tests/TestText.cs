using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Storage.Search;

namespace SoftPowerAtlas.Storage.Tests;

/// <summary>The test process's text services, made once as every host makes them (building the word breakers and lexicon takes a fraction of a second), shared by every test.</summary>
internal static class TestText
{
    public static TextServices Shared { get; } = new();

    /// <summary>Search's segmentation over <see cref="Shared"/>, as a store opened with it has.</summary>
    public static SearchText Search { get; } = new(Shared);
}
