namespace SoftPowerAtlas.Web;

/// <summary>Refuses requests whose query string is longer than <see cref="AtlasWebHost.MaxQueryLength"/>, with a problem body.</summary>
internal static class RequestLimits
{
    public static async Task RejectLongQueries(HttpContext context, Func<Task> next)
    {
        if (context.Request.QueryString.Value is { Length: > AtlasWebHost.MaxQueryLength } query)
        {
            context.Response.StatusCode = StatusCodes.Status414RequestUriTooLong;
            await Results.Problem(
                statusCode: StatusCodes.Status414RequestUriTooLong,
                title: "Query too long",
                detail: $"The query string has {query.Length} characters; at most {AtlasWebHost.MaxQueryLength} are accepted.").ExecuteAsync(context);
            return;
        }

        await next();
    }
}
