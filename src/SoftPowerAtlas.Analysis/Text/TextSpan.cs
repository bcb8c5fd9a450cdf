namespace SoftPowerAtlas.Analysis.Text;

/// <summary>A half-open range [Start, End) of UTF-16 code units in some text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool IsEmpty => End <= Start;

    public bool Contains(int index) => index >= Start && index < End;

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    public bool Covers(TextSpan other) => Start <= other.Start && other.End <= End;

    public override string ToString() => $"[{Start},{End})";
}
