using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Segmentation;

/// <summary>What a token is made of, as the word breaker classified it.</summary>
public enum TokenKind : byte
{
    Space,
    Punctuation,
    Number,
    Word,
    Ideographic,
}

/// <summary>A word, number or separator: offsets into the normalised text.</summary>
public readonly record struct Token(int Start, int End, TokenKind Kind)
{
    public int Length => End - Start;

    public TextSpan Span => new(Start, End);

    public bool IsWordLike => Kind is TokenKind.Word or TokenKind.Number or TokenKind.Ideographic;
}

/// <summary>Language of a paragraph, judged by its letters' scripts.</summary>
public enum Language : byte
{
    Other,
    Thai,
    English,
    Mixed,
}

/// <summary>A paragraph of the normalised text with its language.</summary>
public readonly record struct Paragraph(TextSpan Span, Language Language);
