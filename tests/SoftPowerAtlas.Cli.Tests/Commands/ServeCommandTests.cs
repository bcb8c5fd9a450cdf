using System.Net;
using System.Net.Sockets;
using SoftPowerAtlas.Cli.Tests.Support;

namespace SoftPowerAtlas.Cli.Tests.Commands;

public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("--port", "0")]
    [InlineData("--port", "70000")]
    [InlineData("--port", "80", "--urls", "http://127.0.0.1:81")]
    public async Task Serve_BadAddress_IsAUsageError(params string[] options)
    {
        using var temp = new TempFolder();
        var run = await Atlas.RunAsync(["--db", temp.Db, "serve", .. options]);
        Assert.Equal(AtlasCommand.UsageError, run.ExitCode);
        Assert.StartsWith("atlas: ", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.Db), "a usage error must not create the database");
    }

    [Fact]
    public async Task Serve_FreePort_AnswersPagesAndApiUntilCancelled()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, (await Atlas.RunAsync("--db", temp.Db, "ingest", RepoPaths.Samples)).ExitCode);
        var port = FreePort();
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var serving = AtlasCommand.RunAsync(["--db", temp.Db, "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], output, error, stop.Token, text: TestText.Shared);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        string? body = null;
        for (var attempt = 0; attempt < 100 && body is null; attempt++)
        {
            try
            {
                body = await http.GetStringAsync("/api/overview");
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        Assert.NotNull(body);
        Assert.Contains("\"documents\":10", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/documents/1")).StatusCode);
        Assert.Contains($"on http://127.0.0.1:{port}", output.ToString(), StringComparison.Ordinal);

        await stop.CancelAsync();
        Assert.Equal(AtlasCommand.Ok, await serving.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
