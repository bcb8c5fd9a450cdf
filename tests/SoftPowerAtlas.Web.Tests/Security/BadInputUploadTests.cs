using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SoftPowerAtlas.Cli.Tests.Commands;

namespace SoftPowerAtlas.Web.Tests.Security;

/// <summary>
/// <c>atlas serve</c> survives the bad-input corpus the CLI suite ingests (issue 23): every kind that is
/// a file is uploaded through <c>POST /api/ingest</c>, one request each; a kind ingest refuses comes back
/// failed with the same reason, any other is stored or found a duplicate, a request over the size cap is
/// 413, and the server goes on answering.
/// </summary>
public sealed class BadInputUploadTests : SignedInTest
{
    [Fact]
    public async Task Upload_EveryFileKindOfTheBadInputCorpus_RefusedWithItsReasonOrStoredAndTheServerAnswers()
    {
        var key = Users.IssueKey("root")!.Key;
        using var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var folder = Directory.CreateTempSubdirectory("atlas-bad-upload-").FullName;
        var wrong = new List<string>();
        try
        {
            foreach (var kind in BadInputCorpus.Kinds)
            {
                kind.Make(folder);
                var path = Path.Combine(folder, kind.Name);
                var info = new FileInfo(path);
                if (!info.Exists || info.LinkTarget is not null || (info.Attributes & FileAttributes.Device) != 0 || kind.Name.Contains("fifo", StringComparison.Ordinal))
                {
                    continue; // a folder, a link or a pipe cannot be uploaded
                }

                using var form = new MultipartFormDataContent();
                var part = new ByteArrayContent(await File.ReadAllBytesAsync(path));
                part.Headers.ContentType = new MediaTypeHeaderValue(MediaType(kind.Name));
                part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"files\"", FileNameStar = kind.Name };
                form.Add(part);
                using var response = await client.PostAsync("/api/ingest", form);
                if (info.Length > AtlasWebHost.MaxRequestBytes - 4096)
                {
                    if (response.StatusCode is not (HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.OK))
                    {
                        wrong.Add($"{kind.Name}: {(int)response.StatusCode}");
                    }

                    continue;
                }

                if (response.StatusCode != HttpStatusCode.OK)
                {
                    wrong.Add($"{kind.Name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    continue;
                }

                var file = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("files")[0];
                var (status, message) = (file.GetProperty("status").GetString(), file.GetProperty("message").GetString() ?? string.Empty);
                if (kind.Refusal is { } reason ? status != "failed" || !message.Contains(reason, StringComparison.Ordinal) : status is not ("stored" or "duplicate"))
                {
                    wrong.Add($"{kind.Name}: expected {(kind.Refusal is null ? "stored or duplicate" : $"failed with '{kind.Refusal}'")}, got {status}: {message}");
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/documents")).StatusCode);
    }

    private static string MediaType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html",
        ".md" => "text/markdown",
        ".pdf" => "application/pdf",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".png" => "image/png",
        _ => "text/plain",
    };
}
