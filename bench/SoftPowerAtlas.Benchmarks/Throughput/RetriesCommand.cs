using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using SoftPowerAtlas.Storage.Collection;

namespace SoftPowerAtlas.Benchmarks.Throughput;

/// <summary>
/// <c>retries [--base-ms 100] [--max-wait-s 5]</c>: the fetcher's own retries (<see cref="WebFetcher"/>) beside Microsoft.Extensions.Http.Resilience's
/// retry strategy (Polly 8) configured to match (issue 24 point 4): the same scripted server on 127.0.0.1 answers each case
/// (503 twice then 200; 429 with Retry-After: 1 then 200; 500 always; 503 with Retry-After: 600; 404; a dropped connection
/// then 200), and each client's result, attempts, waits and time are printed. Both retry at most 4 attempts, exponential
/// back-off from the same base with jitter, honouring Retry-After; the fetcher also gives up at once when Retry-After is
/// longer than a run waits (2 minutes in the product, <c>--max-wait-s</c> here), which the library's options do not express (MaxDelay caps a wait, it does not refuse it).
/// </summary>
internal static class RetriesCommand
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly string[] Cases = ["/503-503-200", "/429-retry-after-1-200", "/500-always", "/503-retry-after-600", "/404", "/drop-200"];

    public static async Task<int> RunAsync(string[] args)
    {
        var baseDelay = TimeSpan.FromMilliseconds(CommandLine.Int(args, "--base-ms", 100));
        // The longest wait a run accepts, scaled down from the product's 2 minutes so the bench takes seconds.
        var maxWait = TimeSpan.FromSeconds(CommandLine.Int(args, "--max-wait-s", 5));
        using var server = new ScriptedServer();
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores; load average {CommandLine.LoadAverage()}; back-off base {baseDelay.TotalMilliseconds} ms, 4 attempts, longest wait {maxWait.TotalSeconds} s");
        Console.WriteLine();
        Console.WriteLine("| case | atlas: result | attempts | waits (ms) | time (ms) | Resilience: result | attempts | waits (ms) | time (ms) |");
        Console.WriteLine("|---|---|---:|---|---:|---|---:|---|---:|");

        var waits = new ConcurrentQueue<TimeSpan>();
        var policy = new FetchPolicy { AllowPrivateAddresses = true, RespectRobots = false, RetryBaseDelay = baseDelay, MaxRetryDelay = maxWait, PerHostInterval = TimeSpan.Zero, Timeout = TimeSpan.FromSeconds(10) };
        using var fetcher = new WebFetcher(policy, TimeProvider.System) { OnWait = w => { if (w.Kind == FetchWaitKind.BackOff) { waits.Enqueue(w.Delay); } } };

        var theirWaits = new ConcurrentQueue<TimeSpan>();
        var attempts = 0;
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = policy.MaxAttempts - 1,
                Delay = baseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxDelay = policy.MaxRetryDelay,
                ShouldRetryAfterHeader = true,
                OnRetry = a =>
                {
                    theirWaits.Enqueue(a.RetryDelay);
                    a.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        using var client = new HttpClient(new SocketsHttpHandler { ConnectTimeout = policy.Timeout }) { Timeout = policy.Timeout };

        foreach (var path in Cases)
        {
            server.Reset();
            waits.Clear();
            var watch = Stopwatch.StartNew();
            var ours = await fetcher.FetchAsync(new Uri(server.Address, path));
            var oursTime = watch.Elapsed.TotalMilliseconds;
            var oursResult = ours.Status == FetchStatus.Ok ? $"OK {ours.HttpStatus}" : $"{ours.Status}: {ours.Reason}";

            server.Reset();
            theirWaits.Clear();
            attempts = 0;
            watch.Restart();
            string theirResult;
            // A wait the server asks for is not capped by MaxDelay: the case is cut after a while and said so.
            using var patience = new CancellationTokenSource(Patience);
            try
            {
                using var response = await pipeline.ExecuteAsync(async token =>
                {
                    Interlocked.Increment(ref attempts);
                    return await client.GetAsync(new Uri(server.Address, path), token);
                }, patience.Token);
                theirResult = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                theirResult = "exception: " + e.Message;
            }
            catch (OperationCanceledException) when (patience.IsCancellationRequested)
            {
                theirResult = string.Create(CultureInfo.InvariantCulture, $"still waiting when cut after {Patience.TotalSeconds:F0} s");
            }

            var theirTime = watch.Elapsed.TotalMilliseconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {path} | {Cell(oursResult)} | {ours.Attempts} | {Waits(waits)} | {oursTime:F0} | {Cell(theirResult)} | {attempts} | {Waits(theirWaits)} | {theirTime:F0} |"));
        }

        return 0;
    }

    private static string Waits(IEnumerable<TimeSpan> waits) =>
        string.Join(", ", waits.Select(w => w.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture))) is { Length: > 0 } s ? s : "none";

    private static string Cell(string text) => text.Replace('|', '/') is var t && t.Length > 80 ? t[..80] + "…" : t;

    /// <summary>An HTTP/1.1 server on 127.0.0.1 that answers each case's script, one response per request, closing each connection.</summary>
    private sealed class ScriptedServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
        private readonly CancellationTokenSource _stop = new();

        public ScriptedServer()
        {
            _listener.Start();
            Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
            _ = Task.Run(AcceptAsync);
        }

        public Uri Address { get; }

        public void Reset() => _calls.Clear();

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient socket;
                try
                {
                    socket = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    return;
                }

                _ = Task.Run(() => AnswerAsync(socket));
            }
        }

        private async Task AnswerAsync(TcpClient socket)
        {
            using (socket)
            {
                var stream = socket.GetStream();
                using var reader = new StreamReader(stream, leaveOpen: true);
                var request = await reader.ReadLineAsync() ?? "";
                while (!string.IsNullOrEmpty(await reader.ReadLineAsync()))
                {
                }

                var path = request.Split(' ') is { Length: >= 2 } parts ? parts[1] : "/";
                var call = _calls.AddOrUpdate(path, 1, (_, n) => n + 1);
                var (status, headers) = Script(path, call);
                if (status == 0)
                {
                    socket.Client.Close(); // the connection dropped without a response
                    return;
                }

                var body = "ok"u8.ToArray();
                var head = $"HTTP/1.1 {status} {(status == 200 ? "OK" : "Scripted")}\r\nContent-Type: text/plain\r\nContent-Length: {body.Length}\r\nConnection: close\r\n{headers}\r\n";
                await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));
                await stream.WriteAsync(body);
            }
        }

        private static (int Status, string Headers) Script(string path, int call) => path switch
        {
            "/503-503-200" => call <= 2 ? (503, "") : (200, ""),
            "/429-retry-after-1-200" => call == 1 ? (429, "Retry-After: 1\r\n") : (200, ""),
            "/500-always" => (500, ""),
            "/503-retry-after-600" => (503, "Retry-After: 600\r\n"),
            "/drop-200" => call == 1 ? (0, "") : (200, ""),
            _ => (404, ""),
        };
    }
}
