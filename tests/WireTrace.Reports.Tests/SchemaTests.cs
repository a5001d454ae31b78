using System.Text.Json;
using System.Text.Json.Nodes;

namespace WireTrace.Reports.Tests;

/// <summary>The small validator on hand-made cases: each keyword accepts what it should and rejects what it should.</summary>
public sealed class MiniJsonSchemaTests
{
    private static MiniJsonSchema Schema(string json) => new(JsonDocument.Parse(json).RootElement.Clone());

    private static IReadOnlyList<string> Errors(string schema, string instance, bool strict = false)
        => Schema(schema).Validate(JsonDocument.Parse(instance).RootElement, strict);

    [Theory]
    [InlineData("""{"type":"integer"}""", "3", true)]
    [InlineData("""{"type":"integer"}""", "3.5", false)]
    [InlineData("""{"type":["string","null"]}""", "null", true)]
    [InlineData("""{"type":["string","null"]}""", "1", false)]
    [InlineData("""{"enum":["a","b"]}""", "\"b\"", true)]
    [InlineData("""{"enum":["a","b"]}""", "\"c\"", false)]
    [InlineData("""{"const":"wiretrace"}""", "\"wiretrace\"", true)]
    [InlineData("""{"const":"wiretrace"}""", "\"other\"", false)]
    [InlineData("""{"minimum":0,"maximum":1}""", "1", true)]
    [InlineData("""{"minimum":0,"maximum":1}""", "1.01", false)]
    [InlineData("""{"minimum":0,"maximum":1}""", "-0.1", false)]
    [InlineData("""{"type":"array","items":{"type":"integer"},"minItems":2,"maxItems":2}""", "[1,2]", true)]
    [InlineData("""{"type":"array","items":{"type":"integer"},"minItems":2,"maxItems":2}""", "[1]", false)]
    [InlineData("""{"type":"array","items":{"type":"integer"},"minItems":2,"maxItems":2}""", "[1,\"x\"]", false)]
    [InlineData("""{"pattern":"^[0-9]{4}$"}""", "\"2024\"", true)]
    [InlineData("""{"pattern":"^[0-9]{4}$"}""", "\"24\"", false)]
    [InlineData("""{"type":"object","required":["a"],"properties":{"a":{"type":"string"}}}""", """{"a":"x","b":1}""", true)]
    [InlineData("""{"type":"object","required":["a"],"properties":{"a":{"type":"string"}}}""", """{"b":1}""", false)]
    [InlineData("""{"type":"object","required":["a"],"properties":{"a":{"type":"string"}}}""", """{"a":2}""", false)]
    [InlineData("""{"oneOf":[{"type":"null"},{"type":"array"}]}""", "null", true)]
    [InlineData("""{"oneOf":[{"type":"null"},{"type":"array"}]}""", "\"x\"", false)]
    [InlineData("""{"$defs":{"n":{"type":"integer","minimum":0}},"type":"array","items":{"$ref":"#/$defs/n"}}""", "[0,4]", true)]
    [InlineData("""{"$defs":{"n":{"type":"integer","minimum":0}},"type":"array","items":{"$ref":"#/$defs/n"}}""", "[0,-4]", false)]
    public void Keywords_accept_and_reject(string schema, string instance, bool valid)
    {
        Assert.Equal(valid, Errors(schema, instance).Count == 0);
    }

    [Fact]
    public void Strict_mode_reports_undeclared_properties()
    {
        const string schema = """{"type":"object","properties":{"a":{}}}""";
        Assert.Empty(Errors(schema, """{"a":1,"b":2}"""));
        var errors = Errors(schema, """{"a":1,"b":2}""", strict: true);
        Assert.Contains(errors, e => e.Contains("'b'"));
    }

    [Fact]
    public void Unsupported_keywords_are_refused_not_ignored()
    {
        Assert.Throws<NotSupportedException>(() => Errors("""{"additionalProperties":false}""", "{}"));
    }
}

/// <summary>The schemas in docs/schema against the real output of the CLI on the demo corpus.</summary>
[Collection(DemoCollection.Name)]
public sealed class ContractSchemaTests(DemoOutputs demo)
{
    private static readonly MiniJsonSchema ScanSchema = MiniJsonSchema.Load(Repo.PathTo("docs", "schema", "scan.schema.json"));
    private static readonly MiniJsonSchema CompareSchema = MiniJsonSchema.Load(Repo.PathTo("docs", "schema", "compare.schema.json"));

    private static JsonElement Read(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();

    [Fact]
    public void Scan_output_matches_the_schema_and_the_schema_names_every_field()
    {
        var json = Read(demo.ScanJson);
        Assert.Empty(ScanSchema.Validate(json));
        Assert.Empty(ScanSchema.Validate(json, strict: true));
        // The demo exercises every part of the contract, so the check above is not vacuous.
        Assert.True(json.GetProperty("stories")[0].GetProperty("derivations").GetArrayLength() >= 7);
        Assert.Contains(json.GetProperty("stories")[0].GetProperty("derivations").EnumerateArray(), d => d.GetProperty("factChanges").GetArrayLength() > 0);
    }

    [Fact]
    public void Compare_output_matches_the_schema_and_the_schema_names_every_field()
    {
        var json = Read(demo.CompareJson);
        Assert.Empty(CompareSchema.Validate(json));
        Assert.Empty(CompareSchema.Validate(json, strict: true));
        Assert.Equal("partial", json.GetProperty("derivation").GetProperty("relation").GetString());
    }

    [Fact]
    public void Both_schemas_share_the_same_definitions()
    {
        var scan = Read(Repo.PathTo("docs", "schema", "scan.schema.json")).GetProperty("$defs");
        var compare = Read(Repo.PathTo("docs", "schema", "compare.schema.json")).GetProperty("$defs");
        Assert.True(JsonElement.DeepEquals(scan, compare), "scan.schema.json and compare.schema.json must define $defs identically");
    }

    [Theory]
    [InlineData("tool", "\"other\"")]
    [InlineData("documents.0.sentenceSpans.0", "[1]")]
    [InlineData("documents.0.published", "\"6 Jan 2024\"")]
    [InlineData("stories.0.derivations.0.relation", "\"copied\"")]
    [InlineData("stories.0.derivations.0.coverage.ofSource", "1.5")]
    [InlineData("stories.0.derivations.0.alignments.0.kind", "\"identical\"")]
    [InlineData("stories.0.derivations.0.alignments.0.diff.0.op", "\"moved\"")]
    [InlineData("stories.0.derivations.0.alignments.0.derived", "[]")]
    [InlineData("stories.0.derivations.0.alignments.0.moved", "\"no\"")]
    [InlineData("skipped", "[{\"path\":\"x\",\"reason\":\"y\"}]")]
    public void Broken_scan_output_is_rejected(string path, string replacement)
    {
        var node = JsonNode.Parse(File.ReadAllText(demo.ScanJson))!;
        Set(node, path, JsonNode.Parse(replacement));
        var errors = ScanSchema.Validate(JsonDocument.Parse(node.ToJsonString()).RootElement);
        Assert.NotEmpty(errors);
    }

    [Theory]
    [InlineData("derivation")]
    [InlineData("documents.0.sentences")]
    [InlineData("derivation.factChanges.0.sourceSentence")]
    [InlineData("derivation.alignments.0.similarity")]
    public void Compare_output_missing_a_required_field_is_rejected(string path)
    {
        var node = JsonNode.Parse(File.ReadAllText(demo.CompareJson))!;
        var parts = path.Split('.');
        var parent = Walk(node, parts[..^1]);
        Assert.True(parent.AsObject().Remove(parts[^1]), $"{path} not in the output");
        var errors = CompareSchema.Validate(JsonDocument.Parse(node.ToJsonString()).RootElement);
        Assert.Contains(errors, e => e.Contains($"'{parts[^1]}'"));
    }

    private static void Set(JsonNode root, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var parent = Walk(root, parts[..^1]);
        if (int.TryParse(parts[^1], out int i)) parent.AsArray()[i] = value;
        else parent.AsObject()[parts[^1]] = value;
    }

    private static JsonNode Walk(JsonNode node, IEnumerable<string> parts)
    {
        foreach (var p in parts) node = int.TryParse(p, out int i) ? node.AsArray()[i]! : node[p]!;
        return node;
    }
}
