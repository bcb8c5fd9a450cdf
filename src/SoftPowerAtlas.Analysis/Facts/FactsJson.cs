using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SoftPowerAtlas.Analysis.Facts;

/// <summary>
/// The one writer and reader of <see cref="ExtractedFacts"/> as JSON: what <c>atlas extract --json</c>
/// prints, what <c>atlas eval</c> scores and what the store keeps (packed) in <c>documents.facts_packed</c>.
/// Indented, snake_case names in the model's order, Thai written as is. Reading never throws on bad
/// input: it says what was wrong, so a damaged row is reported with its document, not a crash.
/// </summary>
public static class FactsJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();
    private static readonly JsonTypeInfo<ExtractedFacts> TypeInfo = (JsonTypeInfo<ExtractedFacts>)Options.GetTypeInfo(typeof(ExtractedFacts));
    private static readonly JsonTypeInfo<ExtractedFacts> CompactTypeInfo = (JsonTypeInfo<ExtractedFacts>)CreateOptions(indented: false).GetTypeInfo(typeof(ExtractedFacts));

    public static string Write(ExtractedFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return JsonSerializer.Serialize(facts, TypeInfo);
    }

    /// <summary>The same JSON without indentation (about half the characters), as the stores keep it; <see cref="Read"/> reads both.</summary>
    public static string WriteCompact(ExtractedFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return JsonSerializer.Serialize(facts, CompactTypeInfo);
    }

    /// <summary>
    /// Facts as any version of the product wrote them: fields added since (date references, the entity
    /// list, places, kinds, roles) are empty when missing; unknown fields are ignored.
    /// </summary>
    public static FactsReadResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        ExtractedFacts? facts;
        try
        {
            facts = JsonSerializer.Deserialize(json, TypeInfo);
        }
        catch (JsonException e)
        {
            // The serializer adds the path to its own messages; a converter's message gets it here.
            return FactsReadResult.Failure(e.Path is { } at && !e.Message.Contains("Path:", StringComparison.Ordinal) ? $"{e.Message} Path: {at}" : e.Message);
        }

        if (facts is null)
        {
            return FactsReadResult.Failure("the facts are null, not an object");
        }

        return NullElement(facts) is { } path
            ? FactsReadResult.Failure($"null where a value is required. Path: $.{path}")
            : FactsReadResult.Success(facts);
    }

    private static JsonSerializerOptions CreateOptions(bool indented = true)
    {
        var options = new JsonSerializerOptions(FactsJsonContext.Default.Options)
        {
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = FactsJsonContext.Default.WithAddedModifier(RolesOnlyWhenGiven),
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>A person's role, organization, organization_id and roles are written only when the text gives them a role.</summary>
    private static void RolesOnlyWhenGiven(JsonTypeInfo type)
    {
        if (type.Type != typeof(ExtractedEntity))
        {
            return;
        }

        foreach (var property in type.Properties)
        {
            if (property.Name is "role" or "organization" or "organization_id" or "roles")
            {
                property.ShouldSerialize = static (entity, _) => ((ExtractedEntity)entity).Roles.Count > 0;
            }
        }
    }

    /// <summary>Where a list holds null (nullable annotations cover properties, not list elements).</summary>
    private static string? NullElement(ExtractedFacts f)
    {
        return First(f.Dates, "dates") ?? First(f.DateReferences, "date_references") ?? First(f.RelativeDates, "relative_dates")
            ?? First(f.Events, "events", static e => First(e.PartnerCountries, "partner_countries") ?? Entities(e.ThaiOrgs, "thai_orgs")
                ?? Entities(e.ForeignOrgs, "foreign_orgs") ?? Entities(e.People, "people") ?? First(e.Sectors, "sectors"))
            ?? First(f.Commitments, "commitments")
            ?? Entities(f.Entities, "entities")
            ?? First(f.Places, "places");

        static string? Entities(IReadOnlyList<ExtractedEntity> list, string name) =>
            First(list, name, static e => First(e.Aliases, "aliases") ?? First(e.Mentions, "mentions") ?? First(e.Roles, "roles"));

        // The path is built only for the null found, so a sound document costs no allocation here.
        static string? First<T>(IReadOnlyList<T> list, string name, Func<T, string?>? inside = null)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is null)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"{name}[{i}]");
                }

                if (inside?.Invoke(list[i]) is { } below)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"{name}[{i}].{below}");
                }
            }

            return null;
        }
    }
}

/// <summary>Facts read back from JSON, or what was wrong with the JSON (the serializer's message, with the path and line).</summary>
public sealed record FactsReadResult
{
    private FactsReadResult(ExtractedFacts? facts, string? error)
    {
        Facts = facts;
        Error = error;
    }

    public ExtractedFacts? Facts { get; }

    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Facts))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Facts is not null;

    public static FactsReadResult Success(ExtractedFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new FactsReadResult(facts, null);
    }

    public static FactsReadResult Failure(string error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return new FactsReadResult(null, error);
    }
}

/// <summary>Compile-time serialization metadata for the facts model (no reflection at run time).</summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(ExtractedFacts))]
internal sealed partial class FactsJsonContext : JsonSerializerContext;

/// <summary>Entity spans as the facts JSON has always written them: <c>[[start, end], …]</c>.</summary>
internal sealed class SpanPairsConverter : JsonConverter<IReadOnlyList<OriginalSpan>>
{
    public override IReadOnlyList<OriginalSpan> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var spans = new List<OriginalSpan>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Expect(ref reader, JsonTokenType.StartArray);
            var start = Number(ref reader);
            var end = Number(ref reader);
            if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
            {
                throw new JsonException("a span is [start, end]: two numbers");
            }

            spans.Add(new OriginalSpan(start, end));
        }

        return spans;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<OriginalSpan> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var span in value)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(span.Start);
            writer.WriteNumberValue(span.End);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    private static int Number(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var value))
        {
            throw new JsonException("a span is [start, end]: two numbers");
        }

        return value;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (reader.TokenType != token)
        {
            throw new JsonException($"expected {token} in a list of spans, found {reader.TokenType}");
        }
    }
}
