using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SoftPowerAtlas.Web.Tests.Support;

namespace SoftPowerAtlas.Web.Tests.Apis;

/// <summary>/api/curation and /api/audit over the ingested samples: edits change what readers see, errors are problems.</summary>
public sealed class CurationApiTests : WebTest
{
    private string FactKey(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Database.Path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)command.ExecuteScalar()!; // the tests' queries name an existing fact
    }

    [Fact]
    public async Task PutFact_TypeChanged_EngagementsApiShowsItAndAuditHasTheEvent()
    {
        var key = FactKey("SELECT fact_key FROM engagements WHERE type = 'mou_signing' AND date = '2024-01-30'");

        using var response = await Client.PutAsJsonAsync($"/api/curation/facts/{key[..8]}", new { type = "visit", sectors = new[] { "+design" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var e = body.GetProperty("event");
        Assert.Equal(("local", "fact.set", "fact:" + key), (e.GetProperty("actor").GetString(), e.GetProperty("kind").GetString(), e.GetProperty("target").GetString()));
        Assert.Equal("mou_signing", e.GetProperty("before").GetProperty("type").GetString());
        Assert.Equal("visit", e.GetProperty("after").GetProperty("type").GetString());

        var visits = await GetJson("/api/engagements?type=visit&limit=200");
        Assert.Contains(visits.GetProperty("items").EnumerateArray(), x => x.GetProperty("date").GetString() == "2024-01-30");
        var audit = await GetJson($"/api/audit?target=fact:{key}");
        Assert.Equal(1, audit.GetProperty("total").GetInt64());
        Assert.Equal(e.GetProperty("id").GetInt64(), audit.GetProperty("items")[0].GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task StatusThenUndo_CommitmentMarkedAndUnmarked_EachAnEvent()
    {
        var key = FactKey("SELECT fact_key FROM commitments WHERE due IS NOT NULL ORDER BY id LIMIT 1");

        using var done = await Client.PostAsJsonAsync($"/api/curation/facts/{key}/status", new { status = "done", note = "<b>sent</b>" });
        var id = (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("event").GetProperty("id").GetInt64();
        using var undo = await Client.PostAsync($"/api/curation/events/{id}/undo", null);
        using var again = await Client.PostAsync($"/api/curation/events/{id}/undo", null);

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(HttpStatusCode.OK, undo.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var audit = await GetJson("/api/audit?limit=1");
        Assert.Equal(2, audit.GetProperty("total").GetInt64());
        Assert.Equal(id, audit.GetProperty("items")[0].GetProperty("undoes").GetInt64());
        Assert.Equal("<b>sent</b>", audit.GetProperty("items")[0].GetProperty("before").GetProperty("note").GetString());
    }

    [Fact]
    public async Task Join_TwoReportsOfDifferentDocuments_OneEngagementAndSeparatingEitherRefusedWhileInForce()
    {
        const string Dated = "SELECT e.fact_key FROM engagements e JOIN engagement_links l ON l.engagement_id = e.id";
        var first = FactKey(Dated + " ORDER BY e.document_id, e.id LIMIT 1");
        var other = FactKey(Dated + $" WHERE l.cluster_id <> (SELECT cluster_id FROM engagement_links x JOIN engagements y ON y.id = x.engagement_id WHERE y.fact_key = '{first}')"
            + $" AND e.document_id <> (SELECT document_id FROM engagements WHERE fact_key = '{first}') ORDER BY e.id LIMIT 1");

        using var join = await Client.PostAsJsonAsync($"/api/curation/facts/{first}/join", new { other });
        var clustersAfterJoin = FactKey($"SELECT CAST(count(DISTINCT l.cluster_id) AS TEXT) FROM engagement_links l JOIN engagements e ON e.id = l.engagement_id WHERE e.fact_key IN ('{first}', '{other}')");
        using var separate = await Client.PostAsync($"/api/curation/facts/{other}/separate", null);
        using var sameDocument = await Client.PostAsJsonAsync($"/api/curation/facts/{first}/join", new { other = first });

        Assert.Equal(HttpStatusCode.OK, join.StatusCode);
        Assert.Equal("engagement.join", (await join.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("event").GetProperty("kind").GetString());
        Assert.Equal("1", clustersAfterJoin);
        Assert.Equal(HttpStatusCode.Conflict, separate.StatusCode);
        Assert.Equal("1", FactKey($"SELECT CAST(count(DISTINCT l.cluster_id) AS TEXT) FROM engagement_links l JOIN engagements e ON e.id = l.engagement_id WHERE e.fact_key IN ('{first}', '{other}')"));
        Assert.Equal(HttpStatusCode.BadRequest, sameDocument.StatusCode);
    }

    [Theory]
    [InlineData("POST", "/api/curation/facts/abcdef0123/separate", "", 404)]
    [InlineData("POST", "/api/curation/facts/abcdef0123/join", """{"other":"abcdef0456"}""", 404)]
    [InlineData("POST", "/api/curation/facts/abcdef0123/outcomes/reject", """{"report":"abcdef0456"}""", 404)]
    [InlineData("PUT", "/api/curation/facts/12", """{"type":"visit"}""", 400)]
    [InlineData("PUT", "/api/curation/facts/abcdef0123", """{"type":"visit"}""", 404)]
    [InlineData("PUT", "/api/curation/facts/abcdef0123", """{}""", 400)]
    [InlineData("POST", "/api/curation/entities/merge", """{"from":"agency:nope","into":"agency:cea"}""", 404)]
    [InlineData("POST", "/api/curation/entities/agency:cea/aliases", """{"alias":""}""", 400)]
    [InlineData("POST", "/api/curation/notes", """{"target":"doc:424242","text":"x"}""", 404)]
    [InlineData("POST", "/api/curation/events/424242/undo", "", 404)]
    public async Task BadEdit_ProblemWithStatusAndDetail(string method, string url, string json, int status)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = new StringContent(json.Length == 0 ? "{}" : json, System.Text.Encoding.UTF8, "application/json"),
        };

        using var response = await Client.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Audit_BadPaging_ValidationProblem()
    {
        using var response = await Client.GetAsync("/api/audit?limit=0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("limit", out _), problem.ToString());
    }

    [Fact]
    public async Task OpenApi_CurationEndpoints_DescribedWithSummaries()
    {
        var doc = await GetJson("/openapi/v1.json");
        var put = doc.GetProperty("paths").GetProperty("/api/curation/facts/{id}").GetProperty("put");
        Assert.StartsWith("Correct an engagement", put.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/audit", out _));
    }
}
