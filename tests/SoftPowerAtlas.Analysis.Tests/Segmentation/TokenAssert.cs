using SoftPowerAtlas.Analysis.Segmentation;

namespace SoftPowerAtlas.Analysis.Tests.Segmentation;

/// <summary>Compares tokens with their text, offsets and kind at once, so a failure shows all three.</summary>
internal static class TokenAssert
{
    public static void Equal(string text, IReadOnlyList<Token> actual, params (string Text, int Start, int End, TokenKind Kind)[] expected)
    {
        var got = actual.Select(t => (text[t.Start..t.End], t.Start, t.End, t.Kind)).ToArray();
        Assert.Equal(expected, got);
    }

    /// <summary>Tokens follow each other without gap or overlap from 0 to the end of the text.</summary>
    public static void CoversWithoutGaps(string text, IReadOnlyList<Token> tokens)
    {
        var at = 0;
        foreach (var token in tokens)
        {
            Assert.Equal(at, token.Start);
            Assert.True(token.End > token.Start, $"empty token at {token.Start}");
            at = token.End;
        }

        Assert.Equal(text.Length, at);
    }
}
