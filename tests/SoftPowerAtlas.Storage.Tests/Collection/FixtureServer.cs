using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SoftPowerAtlas.Storage.Tests.Collection;

/// <summary>A request the fixture server received.</summary>
public sealed record SeenRequest(string Path, string? UserAgent, string? IfNoneMatch, string? IfModifiedSince, string? AcceptEncoding);

/// <summary>
/// A real Kestrel server on 127.0.0.1 and a free port, serving what each test maps to a path
/// (fixture files written for these tests, or a handler), and logging every request it received.
/// Unmapped paths answer 404, robots.txt included unless mapped.
/// </summary>
public sealed class FixtureServer : IAsyncDisposable
{
    private static readonly string FixtureFolder = Path.Combine(AppContext.BaseDirectory, "Collection", "Fixtures");

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, RequestDelegate> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SeenRequest> _requests = new();

    private FixtureServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!; // Set by StartAsync before the server is handed out.

    public IReadOnlyList<SeenRequest> Requests => [.. _requests];

    public static async Task<FixtureServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FixtureServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        return server;
    }

    public Uri Url(string path) => new(BaseUri, path);

    public int Count(string path) => Requests.Count(r => r.Path == path);

    public void Map(string path, RequestDelegate handler) => _routes[path] = handler;

    /// <summary>Serves text with a content type; <c>{base}</c> in it becomes the server's address.</summary>
    public void MapText(string path, string text, string contentType = "text/html; charset=utf-8", string? etag = null) =>
        Map(path, context => WriteAsync(context, Encoding.UTF8.GetBytes(Expand(text)), contentType, etag));

    /// <summary>Serves a fixture file of Collection/Fixtures as UTF-8 (with <c>{base}</c> expanded).</summary>
    public void MapFixture(string path, string fixture, string contentType = "text/html; charset=utf-8", string? etag = null) =>
        MapText(path, File.ReadAllText(Path.Combine(FixtureFolder, fixture), Encoding.UTF8), contentType, etag);

    public string Expand(string text) => text.Replace("{base}", BaseUri.AbsoluteUri.TrimEnd('/'), StringComparison.Ordinal);

    public static string ReadFixture(string fixture) => File.ReadAllText(Path.Combine(FixtureFolder, fixture), Encoding.UTF8);

    /// <summary>Writes bytes, answering 304 when the client's If-None-Match is the ETag.</summary>
    public static async Task WriteAsync(HttpContext context, byte[] body, string contentType, string? etag = null)
    {
        if (etag is not null)
        {
            context.Response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                context.Response.StatusCode = 304;
                return;
            }
        }

        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        _requests.Enqueue(new SeenRequest(
            request.Path + request.QueryString,
            request.Headers.UserAgent.ToString(),
            request.Headers.IfNoneMatch.Count > 0 ? request.Headers.IfNoneMatch.ToString() : null,
            request.Headers.IfModifiedSince.Count > 0 ? request.Headers.IfModifiedSince.ToString() : null,
            request.Headers.AcceptEncoding.ToString()));
        if (_routes.TryGetValue(request.Path.Value ?? "/", out var handler))
        {
            return handler(context);
        }

        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    }
}
