using System.Numerics.Tensors;
using WireTrace.Encoder.Graph;
using WireTrace.Encoder.Models;
using WireTrace.Encoder.Tokenization;
using Tensor = WireTrace.Encoder.Graph.Tensor;

namespace WireTrace.Encoder;

/// <summary>
/// Universal Sentence Encoder lite in managed code: SentencePiece ids fed as the model's sparse input
/// (<c>indices</c> = [sentence, position] pairs, <c>values</c> = piece ids) to the TF.js graph, run by
/// <see cref="GraphExecutor"/>. Output: one L2-normalised 512-d vector per sentence. Thread-safe.
/// </summary>
public sealed class UniversalSentenceEncoder
{
    /// <summary>Length of every sentence vector.</summary>
    public const int Dimensions = 512;

    private readonly GraphExecutor _executor;

    public UniversalSentenceEncoder(SentencePieceTokenizer tokenizer, GraphModel model)
    {
        Tokenizer = tokenizer;
        Model = model;
        _executor = new GraphExecutor(model, GraphExecutor.FindOutput(model));
    }

    public SentencePieceTokenizer Tokenizer { get; }

    public GraphModel Model { get; }

    /// <summary>The graph interpreter (for op profiling through <see cref="GraphExecutor.OpTimer"/>).</summary>
    public GraphExecutor Executor => _executor;

    /// <summary>Loads <c>model.json</c>, its shards and <c>vocab.json</c> from <paramref name="directory"/>.</summary>
    public static UniversalSentenceEncoder Load(string directory) =>
        new(SentencePieceTokenizer.Load(Path.Combine(directory, "vocab.json")), GraphModel.Load(Path.Combine(directory, "model.json")));

    /// <summary>Loads the installed model from <paramref name="cache"/> (default: the user's cache); throws with the install command if absent.</summary>
    public static UniversalSentenceEncoder LoadInstalled(ModelCache? cache = null) =>
        Load((cache ?? ModelCache.Default).RequireInstalled(ModelSpec.UseLite));

    public float[] Encode(string sentence) => Encode([sentence])[0];

    /// <summary>
    /// Vectors of <paramref name="sentences"/>, encoded together as one padded batch (the graph masks the
    /// padding). A sentence with no pieces (empty text) gets the zero vector.
    /// </summary>
    public float[][] Encode(IReadOnlyList<string> sentences)
    {
        var result = new float[sentences.Count][];
        var ids = new int[sentences.Count][];
        var rows = new List<int>();
        for (int s = 0; s < sentences.Count; s++)
        {
            ids[s] = Tokenizer.Encode(sentences[s]);
            if (ids[s].Length == 0) result[s] = new float[Dimensions];
            else rows.Add(s);
        }
        if (rows.Count == 0) return result;
        int total = rows.Sum(r => ids[r].Length);
        var indices = new int[total * 2];
        var values = new int[total];
        int k = 0;
        for (int b = 0; b < rows.Count; b++)
        {
            var piece = ids[rows[b]];
            for (int p = 0; p < piece.Length; p++, k++)
            {
                indices[2 * k] = b;
                indices[2 * k + 1] = p;
                values[k] = piece[p];
            }
        }
        var output = _executor.Run(new Dictionary<string, Tensor>
        {
            ["indices"] = Tensor.Int([total, 2], indices),
            ["values"] = Tensor.Int([total], values),
        });
        var data = output.Floats;
        if (output.Shape is not [var n, Dimensions] || n != rows.Count)
        {
            throw new InvalidDataException($"The model returned {output}, expected [{rows.Count},{Dimensions}].");
        }
        for (int b = 0; b < rows.Count; b++) result[rows[b]] = data.AsSpan(b * Dimensions, Dimensions).ToArray();
        return result;
    }

    /// <summary>Cosine of two vectors (0 when either is zero).</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        float na = TensorPrimitives.Norm(a), nb = TensorPrimitives.Norm(b);
        return na == 0 || nb == 0 ? 0 : TensorPrimitives.Dot(a, b) / (na * nb);
    }
}
