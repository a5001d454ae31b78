using System.Text.Json;
using System.Text.RegularExpressions;

namespace WireTrace.Reports.Tests;

/// <summary>
/// A small JSON Schema (draft 2020-12) validator for the keywords docs/schema uses: type, required,
/// properties, items, enum, const, minimum, maximum, minItems, maxItems, pattern, oneOf and $ref to
/// <c>#/$defs/...</c>. (No validator package restores here.) Any other keyword is rejected, so a schema
/// cannot silently use one it does not check. With <c>strict</c>, properties not declared in the
/// schema are errors too: the contract allows them, the tests use it to prove the schema names every field.
/// </summary>
public sealed class MiniJsonSchema
{
    private static readonly HashSet<string> Annotations = ["$schema", "$id", "title", "description", "$defs", "$comment"];
    private static readonly HashSet<string> Keywords = ["type", "required", "properties", "items", "enum", "const", "minimum", "maximum", "minItems", "maxItems", "pattern", "oneOf", "$ref"];

    private readonly JsonElement _root;

    public MiniJsonSchema(JsonElement root) => _root = root;

    public static MiniJsonSchema Load(string path) => new(JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone());

    /// <summary>Every violation, as "path: message"; empty when the instance is valid.</summary>
    public IReadOnlyList<string> Validate(JsonElement instance, bool strict = false)
    {
        var errors = new List<string>();
        Check(_root, instance, "$", strict, errors);
        return errors;
    }

    private void Check(JsonElement schema, JsonElement value, string at, bool strict, List<string> errors)
    {
        if (schema.ValueKind == JsonValueKind.True) return;
        if (schema.ValueKind != JsonValueKind.Object) throw new InvalidOperationException($"schema at {at} is not an object");
        foreach (var kw in schema.EnumerateObject())
        {
            if (!Keywords.Contains(kw.Name) && !Annotations.Contains(kw.Name)) throw new NotSupportedException($"schema keyword '{kw.Name}' is not supported (at {at})");
        }
        if (schema.TryGetProperty("$ref", out var r)) Check(Resolve(r.GetString()!), value, at, strict, errors);
        if (schema.TryGetProperty("type", out var type))
        {
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
            if (!types.Any(t => IsType(value, t)))
            {
                errors.Add($"{at}: expected {string.Join(" or ", types)}, got {value.ValueKind}");
                return;
            }
        }
        if (schema.TryGetProperty("const", out var c) && !JsonElement.DeepEquals(c, value)) errors.Add($"{at}: expected {c.GetRawText()}");
        if (schema.TryGetProperty("enum", out var e) && !e.EnumerateArray().Any(x => JsonElement.DeepEquals(x, value)))
        {
            errors.Add($"{at}: {value.GetRawText()} is not one of {e.GetRawText()}");
        }
        if (value.ValueKind == JsonValueKind.Number)
        {
            double n = value.GetDouble();
            if (schema.TryGetProperty("minimum", out var min) && n < min.GetDouble()) errors.Add($"{at}: {n} < minimum {min.GetDouble()}");
            if (schema.TryGetProperty("maximum", out var max) && n > max.GetDouble()) errors.Add($"{at}: {n} > maximum {max.GetDouble()}");
        }
        if (value.ValueKind == JsonValueKind.String && schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(value.GetString()!, pattern.GetString()!))
        {
            errors.Add($"{at}: '{value.GetString()}' does not match {pattern.GetString()}");
        }
        if (value.ValueKind == JsonValueKind.Array)
        {
            int len = value.GetArrayLength();
            if (schema.TryGetProperty("minItems", out var mi) && len < mi.GetInt32()) errors.Add($"{at}: {len} items < minItems {mi.GetInt32()}");
            if (schema.TryGetProperty("maxItems", out var ma) && len > ma.GetInt32()) errors.Add($"{at}: {len} items > maxItems {ma.GetInt32()}");
            if (schema.TryGetProperty("items", out var items))
            {
                int i = 0;
                foreach (var item in value.EnumerateArray()) Check(items, item, $"{at}[{i++}]", strict, errors);
            }
        }
        if (value.ValueKind == JsonValueKind.Object)
        {
            if (schema.TryGetProperty("required", out var req))
            {
                foreach (var name in req.EnumerateArray().Select(x => x.GetString()!))
                {
                    if (!value.TryGetProperty(name, out _)) errors.Add($"{at}: required property '{name}' is missing");
                }
            }
            if (schema.TryGetProperty("properties", out var props))
            {
                foreach (var p in value.EnumerateObject())
                {
                    if (props.TryGetProperty(p.Name, out var ps)) Check(ps, p.Value, $"{at}.{p.Name}", strict, errors);
                    else if (strict) errors.Add($"{at}: property '{p.Name}' is not declared in the schema");
                }
            }
        }
        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            int matches = 0;
            var inner = new List<string>();
            foreach (var alt in oneOf.EnumerateArray())
            {
                var altErrors = new List<string>();
                Check(alt, value, at, strict, altErrors);
                if (altErrors.Count == 0) matches++;
                else inner.AddRange(altErrors);
            }
            if (matches != 1) errors.Add($"{at}: matches {matches} of the oneOf alternatives (need exactly 1){(matches == 0 ? ": " + string.Join("; ", inner) : "")}");
        }
    }

    private JsonElement Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal)) throw new NotSupportedException($"$ref '{reference}': only local references are supported");
        var node = _root;
        foreach (var part in reference[2..].Split('/'))
        {
            var name = part.Replace("~1", "/").Replace("~0", "~");
            if (!node.TryGetProperty(name, out node)) throw new InvalidOperationException($"$ref '{reference}' does not resolve");
        }
        return node;
    }

    private static bool IsType(JsonElement v, string type) => type switch
    {
        "object" => v.ValueKind == JsonValueKind.Object,
        "array" => v.ValueKind == JsonValueKind.Array,
        "string" => v.ValueKind == JsonValueKind.String,
        "boolean" => v.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => v.ValueKind == JsonValueKind.Null,
        "number" => v.ValueKind == JsonValueKind.Number,
        "integer" => v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && d == Math.Floor(d) && !double.IsInfinity(d),
        _ => throw new NotSupportedException($"type '{type}'"),
    };
}
