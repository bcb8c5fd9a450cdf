namespace SoftPowerAtlas.Web.Pages;

/// <summary>The offset a page asks for, kept in range: a bad one in a hand-written address shows the first page.</summary>
public static class PageOffset
{
    public static int Clamp(int? offset) => offset is > 0 and <= Apis.Paging.MaxOffset ? offset.Value : 0;
}
