using System.Numerics.Tensors;
using WireTrace.Encoder.Graph;
using WireTrace.Encoder.Inference;
using WireTrace.Encoder.Models;
using WireTrace.Encoder.Tokenization;
using Tensor = WireTrace.Encoder.Graph.Tensor;

namespace WireTrace.Encoder;

/// <summary>Which implementation runs the model.</summary>
public enum EncoderEngine
{
    /// <summary>The planned forward pass (<c>Inference/UseLiteForward</c>) on SIMD kernels: the fast default.</summary>
    Simd,

    /// <summary>The same planned forward pass on plain scalar kernels (reference for the SIMD kernels).</summary>
    Plain,

    /// <summary>The TF.js graph interpreter (<see cref="GraphExecutor"/>): every op of model.json, one padded batch per call.</summary>
    Graph,
}

/// <summary>The arithmetic of the planned forward pass's dense layers.</summary>
public enum EncoderPrecision
{
    /// <summary>
    /// <see cref="Int8"/> for the SIMD engine where the CPU has AVX-VNNI (about 1.5× faster, vectors within cosine 0.999
    /// of float32), else <see cref="Float32"/> (without VNNI the int8 product runs on scalar loops and is slower).
    /// </summary>
    Auto,

    /// <summary>float32 weights and activations (the model's own precision).</summary>
    Float32,

    /// <summary>
    /// int8 weights (one scale per output column) and int8 activations (quantised per row), summed exactly in
    /// int32 (AVX-VNNI where the CPU has it); attention, layer norms, pooling and the final layer stay float32.
    /// </summary>
    Int8,
}

/// <summary>
/// How <see cref="UniversalSentenceEncoder"/> runs: the engine, how many threads a call may use (0 = all cores) and
/// the precision of the forward pass's dense layers (the graph interpreter always computes in float32).
/// </summary>
public sealed record EncoderOptions(EncoderEngine Engine = EncoderEngine.Simd, int Threads = 0, EncoderPrecision Precision = EncoderPrecision.Auto)
{
    public static EncoderOptions Default { get; } = new();
}

/// <summary>
/// Universal Sentence Encoder lite in managed code: text → SentencePiece ids → the model → one
/// L2-normalised 512-d vector per sentence. By default the model runs as a planned forward pass over
/// the graph's weights (<see cref="EncoderEngine.Simd"/>), with the sentences of a call packed into
/// chunks of about <see cref="ChunkTokens"/> tokens that run on all cores; the graph interpreter
/// (<see cref="EncoderEngine.Graph"/>) feeds the model's sparse input (<c>indices</c> = [sentence, position]
/// pairs, <c>values</c> = piece ids) to the TF.js graph itself. Thread-safe.
/// </summary>
public sealed class UniversalSentenceEncoder
{
    /// <summary>Length of every sentence vector.</summary>
    public const int Dimensions = 512;

    /// <summary>Tokens per chunk of the planned forward pass (big enough for efficient matrix products, small enough to stay in cache).</summary>
    public const int ChunkTokens = 256;

    private readonly Lazy<GraphExecutor> _executor;
    private readonly UseLiteForward? _forward;

    public UniversalSentenceEncoder(SentencePieceTokenizer tokenizer, GraphModel model, EncoderOptions? options = null)
    {
        Tokenizer = tokenizer;
        Model = model;
        Options = options ?? EncoderOptions.Default;
        if (Options.Threads < 0) throw new ArgumentOutOfRangeException(nameof(options), "Threads must be 0 (all cores) or positive.");
        _executor = new Lazy<GraphExecutor>(() => new GraphExecutor(model, GraphExecutor.FindOutput(model)));
        if (Options.Engine == EncoderEngine.Graph) _ = _executor.Value; // refuse an unsupported graph up front
        else
        {
            Precision = Options.Precision != EncoderPrecision.Auto ? Options.Precision
                : Options.Engine == EncoderEngine.Simd && Kernels.Vectorized.Vnni ? EncoderPrecision.Int8 : EncoderPrecision.Float32;
            bool int8 = Precision == EncoderPrecision.Int8;
            var weights = new UseLiteWeights(model, quantize: int8);
            if (weights.OutputWidth != Dimensions) throw new InvalidDataException($"The model gives {weights.OutputWidth}-d vectors, expected {Dimensions}.");
            _forward = new UseLiteForward(weights, Options.Engine == EncoderEngine.Plain ? Kernels.Plain : Kernels.Vectorized, int8);
        }
    }

    public SentencePieceTokenizer Tokenizer { get; }

    public GraphModel Model { get; }

    public EncoderOptions Options { get; }

    /// <summary>The precision the dense layers run in (<see cref="EncoderOptions.Precision"/> with <see cref="EncoderPrecision.Auto"/> resolved; float32 for the graph engine).</summary>
    public EncoderPrecision Precision { get; } = EncoderPrecision.Float32;

    /// <summary>
    /// What computes the vectors, for reports: e.g. "forward pass, int8 AVX-VNNI kernels", "forward pass, float32 Vector512
    /// kernels" or "graph interpreter".
    /// </summary>
    public string EngineDescription => _forward == null ? "graph interpreter"
        : _forward.Int8 ? $"forward pass, int8 {_forward.Kernels.Int8Description} kernels"
        : $"forward pass, float32 {_forward.Kernels.Description} kernels";

    /// <summary>
    /// Multiply-adds of the dense products the forward pass runs to encode sentences of the given piece counts (the
    /// bulk of the work; attention adds about 3·n·width per piece for n pieces); null for the graph interpreter.
    /// </summary>
    public long? DenseMultiplyAdds(IEnumerable<int> piecesPerSentence) => _forward?.DenseMultiplyAdds(piecesPerSentence);

    /// <summary>The graph interpreter (for op profiling through <see cref="GraphExecutor.OpTimer"/>).</summary>
    public GraphExecutor Executor => _executor.Value;

    /// <summary>Loads <c>model.json</c>, its shards and <c>vocab.json</c> from <paramref name="directory"/>.</summary>
    public static UniversalSentenceEncoder Load(string directory, EncoderOptions? options = null) =>
        new(SentencePieceTokenizer.Load(Path.Combine(directory, "vocab.json")), GraphModel.Load(Path.Combine(directory, "model.json")), options);

    /// <summary>Loads the installed model from <paramref name="cache"/> (default: the user's cache); throws with the install command if absent.</summary>
    public static UniversalSentenceEncoder LoadInstalled(ModelCache? cache = null, EncoderOptions? options = null) =>
        Load((cache ?? ModelCache.Default).RequireInstalled(ModelSpec.UseLite), options);

    public float[] Encode(string sentence) => Encode([sentence])[0];

    /// <summary>
    /// Vectors of <paramref name="sentences"/>. A sentence with no pieces (empty text) gets the zero vector.
    /// The planned engines give every sentence the vector it would get alone; the graph engine encodes the call
    /// as one padded batch (the graph masks the padding).
    /// </summary>
    public float[][] Encode(IReadOnlyList<string> sentences)
    {
        var result = new float[sentences.Count][];
        var ids = new int[sentences.Count][];
        int threads = Options.Threads == 0 ? Environment.ProcessorCount : Options.Threads;
        if (sentences.Count >= 64 && threads > 1)
        {
            Parallel.For(0, sentences.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, s => ids[s] = Tokenizer.Encode(sentences[s]));
        }
        else
        {
            for (int s = 0; s < sentences.Count; s++) ids[s] = Tokenizer.Encode(sentences[s]);
        }
        var rows = new List<int>();
        for (int s = 0; s < sentences.Count; s++)
        {
            if (ids[s].Length == 0) result[s] = new float[Dimensions];
            else rows.Add(s);
        }
        if (rows.Count == 0) return result;
        if (_forward == null) EncodeWithGraph(ids, rows, result);
        else EncodeForward(ids, rows, result, threads);
        return result;
    }

    private void EncodeForward(int[][] ids, List<int> rows, float[][] result, int threads)
    {
        var chunks = new List<(int First, int Count)>();
        int first = 0, tokens = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            tokens += ids[rows[i]].Length;
            if (tokens >= ChunkTokens || i == rows.Count - 1)
            {
                chunks.Add((first, i - first + 1));
                first = i + 1;
                tokens = 0;
            }
        }
        void RunChunk(int c)
        {
            var (start, count) = chunks[c];
            var batch = new int[count][];
            for (int i = 0; i < count; i++) batch[i] = ids[rows[start + i]];
            var output = new float[count * Dimensions];
            _forward!.Run(batch, output);
            for (int i = 0; i < count; i++) result[rows[start + i]] = output.AsSpan(i * Dimensions, Dimensions).ToArray();
        }
        if (chunks.Count == 1 || threads == 1)
        {
            for (int c = 0; c < chunks.Count; c++) RunChunk(c);
        }
        else
        {
            Parallel.For(0, chunks.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, RunChunk);
        }
    }

    private void EncodeWithGraph(int[][] ids, List<int> rows, float[][] result)
    {
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
        var output = _executor.Value.Run(new Dictionary<string, Tensor>
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
    }

    /// <summary>Cosine of two vectors (0 when either is zero).</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        float na = TensorPrimitives.Norm(a), nb = TensorPrimitives.Norm(b);
        return na == 0 || nb == 0 ? 0 : TensorPrimitives.Dot(a, b) / (na * nb);
    }
}
