using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace WireTrace.Encoder.Graph;

/// <summary>One node of a TF.js graph model: its op, its inputs (<c>name</c> or <c>name:k</c>) and attributes.</summary>
public sealed class GraphNode
{
    private readonly JsonElement _attr;

    internal GraphNode(string name, string op, IReadOnlyList<string> inputs, JsonElement attr)
    {
        Name = name;
        Op = op;
        Inputs = inputs;
        _attr = attr;
    }

    public string Name { get; }

    public string Op { get; }

    /// <summary>Data inputs (control inputs, <c>^name</c>, are dropped).</summary>
    public IReadOnlyList<string> Inputs { get; }

    public bool HasAttr(string name) => _attr.ValueKind == JsonValueKind.Object && _attr.TryGetProperty(name, out _);

    public long Int(string name, long fallback = 0) =>
        _attr.ValueKind == JsonValueKind.Object && _attr.TryGetProperty(name, out var a) && a.TryGetProperty("i", out var i) ? ParseLong(i) : fallback;

    public bool Bool(string name, bool fallback = false) =>
        _attr.ValueKind == JsonValueKind.Object && _attr.TryGetProperty(name, out var a) && a.TryGetProperty("b", out var b) ? b.GetBoolean() : fallback;

    /// <summary>A TF DataType enum value (1 float, 3 int32, 9 int64, 10 bool).</summary>
    public int Type(string name, int fallback = 0) =>
        _attr.ValueKind == JsonValueKind.Object && _attr.TryGetProperty(name, out var a) && a.TryGetProperty("type", out var t)
            ? t.ValueKind == JsonValueKind.Number ? t.GetInt32() : TypeName(t.GetString())
            : fallback;

    public int[] IntList(string name)
    {
        if (_attr.ValueKind != JsonValueKind.Object || !_attr.TryGetProperty(name, out var a) || !a.TryGetProperty("list", out var list)
            || !list.TryGetProperty("i", out var items)) return [];
        return [.. items.EnumerateArray().Select(x => (int)ParseLong(x))];
    }

    public string? String(string name)
    {
        if (_attr.ValueKind != JsonValueKind.Object || !_attr.TryGetProperty(name, out var a) || !a.TryGetProperty("s", out var s)) return null;
        if (s.ValueKind == JsonValueKind.Array) return Encoding.UTF8.GetString([.. s.EnumerateArray().Select(b => (byte)b.GetInt32())]);
        return Encoding.UTF8.GetString(Convert.FromBase64String(s.GetString() ?? ""));
    }

    public override string ToString() => $"{Name} = {Op}({string.Join(", ", Inputs)})";

    private static long ParseLong(JsonElement e) => e.ValueKind == JsonValueKind.String ? long.Parse(e.GetString()!) : e.GetInt64();

    private static int TypeName(string? name) => name switch
    {
        "DT_FLOAT" => 1,
        "DT_INT32" => 3,
        "DT_INT64" => 9,
        "DT_BOOL" => 10,
        _ => 0,
    };
}

/// <summary>
/// A TF.js graph model (<c>model.json</c> in the "graph-model" format): the nodes of its topology and
/// the constant tensors read from its weight shards (float32 and int32, in manifest order).
/// </summary>
public sealed class GraphModel
{
    private GraphModel(IReadOnlyList<GraphNode> nodes, IReadOnlyDictionary<string, Tensor> weights)
    {
        Nodes = nodes;
        Weights = weights;
    }

    public IReadOnlyList<GraphNode> Nodes { get; }

    public IReadOnlyDictionary<string, Tensor> Weights { get; }

    /// <summary>Op type → node count, for inspection and documentation.</summary>
    public IReadOnlyDictionary<string, int> OpCounts =>
        Nodes.GroupBy(n => n.Op).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Reads <paramref name="modelJsonPath"/> and the shard files named in its weights manifest (same folder).</summary>
    public static GraphModel Load(string modelJsonPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(modelJsonPath))!;
        using var doc = JsonDocument.Parse(File.ReadAllBytes(modelJsonPath));
        var root = doc.RootElement;
        var topology = root.GetProperty("modelTopology");
        var nodes = new List<GraphNode>();
        foreach (var n in topology.GetProperty("node").EnumerateArray())
        {
            var inputs = n.TryGetProperty("input", out var ins)
                ? ins.EnumerateArray().Select(x => x.GetString()!).Where(x => !x.StartsWith('^')).ToList()
                : [];
            var attr = n.TryGetProperty("attr", out var a) ? a.Clone() : default;
            nodes.Add(new GraphNode(n.GetProperty("name").GetString()!, n.GetProperty("op").GetString()!, inputs, attr));
        }
        var weights = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var group in root.GetProperty("weightsManifest").EnumerateArray())
        {
            var shards = group.GetProperty("paths").EnumerateArray().Select(p => Path.Combine(folder, p.GetString()!)).ToList();
            var buffer = new byte[shards.Sum(f => new FileInfo(f).Length)];
            int filled = 0;
            foreach (var shard in shards)
            {
                using var stream = File.OpenRead(shard);
                stream.ReadExactly(buffer, filled, (int)stream.Length);
                filled += (int)stream.Length;
            }
            var bytes = buffer.AsSpan();
            int offset = 0;
            foreach (var w in group.GetProperty("weights").EnumerateArray())
            {
                var name = w.GetProperty("name").GetString()!;
                int[] shape = [.. w.GetProperty("shape").EnumerateArray().Select(x => x.GetInt32())];
                var dtype = w.GetProperty("dtype").GetString();
                if (w.TryGetProperty("quantization", out _)) throw new NotSupportedException($"Quantized weight {name} is not supported.");
                int count = Tensor.SizeOf(shape);
                var slice = bytes.Slice(offset, count * 4);
                offset += count * 4;
                weights[name] = dtype switch
                {
                    "float32" => Tensor.Float(shape, MemoryMarshal.Cast<byte, float>(slice).ToArray()),
                    "int32" => Tensor.Int(shape, MemoryMarshal.Cast<byte, int>(slice).ToArray()),
                    _ => throw new NotSupportedException($"Weight {name} has dtype {dtype}."),
                };
            }
            if (offset != bytes.Length) throw new InvalidDataException($"Weight shards hold {bytes.Length} bytes, the manifest describes {offset}.");
        }
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Weight shards are little-endian.");
        return new GraphModel(nodes, weights);
    }
}
