using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace WireTrace.Encoder.Graph;

/// <summary>
/// The TensorFlow ops Universal Sentence Encoder lite's graph uses, with TF semantics (NumPy
/// broadcasting, row-major layout). Matrix products run on <see cref="TensorPrimitives"/> (SIMD);
/// shape and index ops are plain loops over small int tensors.
/// </summary>
internal static class Ops
{
    public static readonly HashSet<string> Supported = new(StringComparer.Ordinal)
    {
        "Const", "Placeholder", "Identity",
        "Add", "AddV2", "Sub", "Mul", "RealDiv", "Maximum", "Less", "Greater", "LogicalNot",
        "Sin", "Cos", "Square", "Rsqrt", "Relu", "Tanh", "Softmax",
        "Sum", "Mean", "Max", "Prod",
        "MatMul", "BatchMatMul", "BatchMatMulV2", "Conv2D", "BiasAdd",
        "Reshape", "Shape", "StridedSlice", "Slice", "ConcatV2", "Pack", "ExpandDims", "Squeeze", "Transpose", "SplitV",
        "GatherV2", "GatherNd", "ScatterNd", "SparseToDense", "Where", "Cast", "Range",
    };

    public static Tensor[] Execute(GraphNode node, Tensor[] x) => node.Op switch
    {
        "Identity" => [x[0]],
        "Add" or "AddV2" => [Binary(x[0], x[1], BinaryOp.Add, static (a, b) => a + b, static (a, b) => a + b)],
        "Sub" => [Binary(x[0], x[1], BinaryOp.Sub, static (a, b) => a - b, static (a, b) => a - b)],
        "Mul" => [Binary(x[0], x[1], BinaryOp.Mul, static (a, b) => a * b, static (a, b) => a * b)],
        "RealDiv" => [Binary(x[0], x[1], BinaryOp.Div, static (a, b) => a / b, static (a, b) => a / b)],
        "Maximum" => [Binary(x[0], x[1], BinaryOp.Max, MathF.Max, Math.Max)],
        "Less" => [Compare(x[0], x[1], static (a, b) => a < b)],
        "Greater" => [Compare(x[0], x[1], static (a, b) => a > b)],
        "LogicalNot" => [Tensor.Bool(x[0].Shape, [.. x[0].Ints.Select(v => v == 0 ? 1 : 0)])],
        "Sin" => [Unary(x[0], static (v, d) => TensorPrimitives.Sin(v, d))],
        "Cos" => [Unary(x[0], static (v, d) => TensorPrimitives.Cos(v, d))],
        "Square" => [Unary(x[0], static (v, d) => TensorPrimitives.Multiply(v, v, d))],
        "Rsqrt" => [Unary(x[0], static (v, d) => { TensorPrimitives.Sqrt(v, d); TensorPrimitives.Reciprocal(d, d); })],
        "Relu" => [Unary(x[0], static (v, d) => TensorPrimitives.Max(v, 0f, d))],
        "Tanh" => [Unary(x[0], static (v, d) => TensorPrimitives.Tanh(v, d))],
        "Softmax" => [Softmax(x[0])],
        "Sum" => [Reduce(x[0], x[1], node.Bool("keep_dims"), ReduceKind.Sum)],
        "Mean" => [Reduce(x[0], x[1], node.Bool("keep_dims"), ReduceKind.Mean)],
        "Max" => [Reduce(x[0], x[1], node.Bool("keep_dims"), ReduceKind.Max)],
        "Prod" => [Reduce(x[0], x[1], node.Bool("keep_dims"), ReduceKind.Prod)],
        "MatMul" => [BatchMatMul(x[0], x[1], node.Bool("transpose_a"), node.Bool("transpose_b"))],
        "BatchMatMul" or "BatchMatMulV2" => [BatchMatMul(x[0], x[1], node.Bool("adj_x"), node.Bool("adj_y"))],
        "Conv2D" => [Conv2D1x1(node, x[0], x[1])],
        "BiasAdd" => [Binary(x[0], x[1], BinaryOp.Add, static (a, b) => a + b, static (a, b) => a + b)],
        "Reshape" => [Reshape(x[0], x[1])],
        "Shape" => [Tensor.IntVector((int[])x[0].Shape.Clone())],
        "StridedSlice" => [StridedSlice(node, x[0], x[1].Ints, x[2].Ints, x[3].Ints)],
        "Slice" => [Slice(x[0], x[1].Ints, x[2].Ints)],
        "ConcatV2" => [Concat(x[..^1], (int)x[^1].At(0))],
        "Pack" => [Pack(x, (int)node.Int("axis"))],
        "ExpandDims" => [ExpandDims(x[0], (int)x[1].At(0))],
        "Squeeze" => [Squeeze(x[0], node.IntList("squeeze_dims"))],
        "Transpose" => [Transpose(x[0], x[1].Ints)],
        "SplitV" => SplitV(x[0], x[1].Ints, (int)x[2].At(0)),
        "GatherV2" => [Gather(x[0], x[1], (int)x[2].At(0))],
        "GatherNd" => [GatherNd(x[0], x[1])],
        "ScatterNd" => [ScatterNd(x[0], x[1], x[2].Ints)],
        "SparseToDense" => [SparseToDense(x[0], x[1].Ints, x[2], x[3])],
        "Where" => [Where(x[0])],
        "Cast" => [Cast(x[0], node.Type("DstT"))],
        "Range" => [Range(x[0], x[1], x[2])],
        _ => throw new NotSupportedException($"Op {node.Op} is not supported."),
    };

    // ---- element-wise ------------------------------------------------------------------------

    private delegate void SpanKernel(ReadOnlySpan<float> source, Span<float> destination);

    private static Tensor Unary(Tensor a, SpanKernel kernel)
    {
        var src = a.Floats;
        var dst = new float[src.Length];
        kernel(src, dst);
        return Tensor.Float(a.Shape, dst);
    }

    private enum BinaryOp { Add, Sub, Mul, Div, Max }

    private static void Apply(BinaryOp op, ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d)
    {
        switch (op)
        {
            case BinaryOp.Add: TensorPrimitives.Add(x, y, d); break;
            case BinaryOp.Sub: TensorPrimitives.Subtract(x, y, d); break;
            case BinaryOp.Mul: TensorPrimitives.Multiply(x, y, d); break;
            case BinaryOp.Div: TensorPrimitives.Divide(x, y, d); break;
            default: TensorPrimitives.Max(x, y, d); break;
        }
    }

    private static void Apply(BinaryOp op, ReadOnlySpan<float> x, float y, Span<float> d)
    {
        switch (op)
        {
            case BinaryOp.Add: TensorPrimitives.Add(x, y, d); break;
            case BinaryOp.Sub: TensorPrimitives.Subtract(x, y, d); break;
            case BinaryOp.Mul: TensorPrimitives.Multiply(x, y, d); break;
            case BinaryOp.Div: TensorPrimitives.Divide(x, y, d); break;
            default: TensorPrimitives.Max(x, y, d); break;
        }
    }

    private static void Apply(BinaryOp op, float x, ReadOnlySpan<float> y, Span<float> d)
    {
        switch (op)
        {
            case BinaryOp.Add: TensorPrimitives.Add(y, x, d); break;
            case BinaryOp.Sub: TensorPrimitives.Subtract(x, y, d); break;
            case BinaryOp.Mul: TensorPrimitives.Multiply(y, x, d); break;
            case BinaryOp.Div: TensorPrimitives.Divide(x, y, d); break;
            default: TensorPrimitives.Max(y, x, d); break;
        }
    }

    /// <summary>
    /// SIMD paths for float operands: equal shapes, a scalar side, a row vector broadcast over rows
    /// (bias), a column broadcast over the last axis (layer-norm mean). Null when none fits.
    /// </summary>
    private static float[]? TryFloatFast(Tensor a, Tensor b, int[] shape, BinaryOp op)
    {
        var af = a.Floats; var bf = b.Floats;
        int size = Tensor.SizeOf(shape);
        var d = new float[size];
        if (af.Length == size && bf.Length == size) Apply(op, af, bf, d);
        else if (af.Length == size && bf.Length == 1) Apply(op, af, bf[0], d);
        else if (bf.Length == size && af.Length == 1) Apply(op, af[0], bf, d);
        else if (shape.Length == 0 || size == 0) return null;
        else
        {
            int n = shape[^1], rows = size / n;
            if (af.Length == size && bf.Length == n && IsSuffix(b.Shape, shape))
                for (int r = 0; r < rows; r++) Apply(op, af.AsSpan(r * n, n), bf, d.AsSpan(r * n, n));
            else if (bf.Length == size && af.Length == n && IsSuffix(a.Shape, shape))
                for (int r = 0; r < rows; r++) Apply(op, af, bf.AsSpan(r * n, n), d.AsSpan(r * n, n));
            else if (af.Length == size && bf.Length == rows && IsColumn(b.Shape, shape))
                for (int r = 0; r < rows; r++) Apply(op, af.AsSpan(r * n, n), bf[r], d.AsSpan(r * n, n));
            else if (bf.Length == size && af.Length == rows && IsColumn(a.Shape, shape))
                for (int r = 0; r < rows; r++) Apply(op, af[r], bf.AsSpan(r * n, n), d.AsSpan(r * n, n));
            else if (af.Length == n && IsSuffix(a.Shape, shape) && bf.Length == rows && IsColumn(b.Shape, shape))
                for (int r = 0; r < rows; r++) Apply(op, af, bf[r], d.AsSpan(r * n, n)); // row ⊗ column (layer-norm scale × rsqrt)
            else if (bf.Length == n && IsSuffix(b.Shape, shape) && af.Length == rows && IsColumn(a.Shape, shape))
                for (int r = 0; r < rows; r++) Apply(op, af[r], bf, d.AsSpan(r * n, n));
            else return null;
        }
        return d;
    }

    /// <summary>True when <paramref name="b"/> is [..., 1] and its other dimensions are the output's (leading 1s aside).</summary>
    private static bool IsColumn(int[] b, int[] shape) =>
        b.Length > 0 && b[^1] == 1 && shape.Length > 0 && IsSuffix(b[..^1], shape[..^1]) && Tensor.SizeOf(b) == Tensor.SizeOf(shape.AsSpan(0, shape.Length - 1));

    internal static int[] BroadcastShape(int[] a, int[] b)
    {
        int rank = Math.Max(a.Length, b.Length);
        var shape = new int[rank];
        for (int d = 0; d < rank; d++)
        {
            int da = d - (rank - a.Length) >= 0 ? a[d - (rank - a.Length)] : 1;
            int db = d - (rank - b.Length) >= 0 ? b[d - (rank - b.Length)] : 1;
            if (da != db && da != 1 && db != 1) throw new ArgumentException($"Cannot broadcast [{string.Join(",", a)}] with [{string.Join(",", b)}].");
            shape[d] = da == 1 ? db : da;
        }
        return shape;
    }

    /// <summary>For each output element, the flat index of the broadcast operand element.</summary>
    private static int[] BroadcastIndex(int[] shape, int[] outShape)
    {
        int rank = outShape.Length, size = Tensor.SizeOf(outShape);
        var strides = Tensor.Strides(shape);
        var map = new int[size];
        var idx = new int[rank];
        int offset = rank - shape.Length;
        for (int k = 0; k < size; k++)
        {
            int flat = 0;
            for (int d = offset; d < rank; d++) if (shape[d - offset] != 1) flat += idx[d] * strides[d - offset];
            map[k] = flat;
            for (int d = rank - 1; d >= 0; d--)
            {
                if (++idx[d] < outShape[d]) break;
                idx[d] = 0;
            }
        }
        return map;
    }

    private static Tensor Binary(Tensor a, Tensor b, BinaryOp op, Func<float, float, float> f, Func<int, int, int> g)
    {
        var shape = BroadcastShape(a.Shape, b.Shape);
        int size = Tensor.SizeOf(shape);
        bool floats = a.Type == DataType.Float32 || b.Type == DataType.Float32;
        if (a.Type == DataType.Float32 && b.Type == DataType.Float32 && TryFloatFast(a, b, shape, op) is { } fast)
        {
            return Tensor.Float(shape, fast);
        }
        var ma = BroadcastIndex(a.Shape, shape);
        var mb = BroadcastIndex(b.Shape, shape);
        if (floats)
        {
            var dst = new float[size];
            for (int i = 0; i < size; i++) dst[i] = f((float)a.At(ma[i]), (float)b.At(mb[i]));
            return Tensor.Float(shape, dst);
        }
        var ai = a.Ints; var bi = b.Ints;
        var di = new int[size];
        for (int i = 0; i < size; i++) di[i] = g(ai[ma[i]], bi[mb[i]]);
        return Tensor.Int(shape, di);
    }

    /// <summary>True when <paramref name="b"/> equals the trailing dimensions of <paramref name="shape"/> (after dropping leading 1s).</summary>
    private static bool IsSuffix(int[] b, int[] shape)
    {
        int lead = 0;
        while (lead < b.Length && b[lead] == 1) lead++;
        int len = b.Length - lead;
        if (len > shape.Length) return false;
        for (int d = 0; d < len; d++) if (b[lead + d] != shape[shape.Length - len + d]) return false;
        return true;
    }

    private static Tensor Compare(Tensor a, Tensor b, Func<double, double, bool> f)
    {
        var shape = BroadcastShape(a.Shape, b.Shape);
        var ma = BroadcastIndex(a.Shape, shape);
        var mb = BroadcastIndex(b.Shape, shape);
        var dst = new int[ma.Length];
        for (int i = 0; i < dst.Length; i++) dst[i] = f(a.At(ma[i]), b.At(mb[i])) ? 1 : 0;
        return Tensor.Bool(shape, dst);
    }

    private static Tensor Softmax(Tensor a)
    {
        var src = a.Floats;
        int n = a.Shape[^1];
        var dst = new float[src.Length];
        for (int row = 0; row < src.Length; row += n)
        {
            TensorPrimitives.SoftMax(src.AsSpan(row, n), dst.AsSpan(row, n));
        }
        return Tensor.Float(a.Shape, dst);
    }

    // ---- reductions --------------------------------------------------------------------------

    private enum ReduceKind { Sum, Mean, Max, Prod }

    private static Tensor Reduce(Tensor a, Tensor axesTensor, bool keepDims, ReduceKind kind)
    {
        int rank = a.Rank;
        var reduce = new bool[rank];
        foreach (var ax in axesTensor.Ints) reduce[ax < 0 ? ax + rank : ax] = true;
        if (a.Type == DataType.Float32 && rank > 0 && reduce.Count(r => r) == 1 && reduce[^1] && kind != ReduceKind.Prod && a.Size > 0)
        {
            // The common case (layer norm, L2 norm): reduce the last axis of float rows with SIMD.
            int n = a.Shape[^1], rows = a.Size / n;
            var values = new float[rows];
            for (int r = 0; r < rows; r++)
            {
                var row = a.Floats.AsSpan(r * n, n);
                values[r] = kind switch
                {
                    ReduceKind.Sum => TensorPrimitives.Sum(row),
                    ReduceKind.Mean => TensorPrimitives.Sum(row) / n,
                    _ => TensorPrimitives.Max(row),
                };
            }
            return Tensor.Float(keepDims ? [.. a.Shape[..^1], 1] : a.Shape[..^1], values);
        }
        var keptShape = new int[rank];
        for (int d = 0; d < rank; d++) keptShape[d] = reduce[d] ? 1 : a.Shape[d];
        int outSize = Tensor.SizeOf(keptShape);
        var outStrides = Tensor.Strides(keptShape);
        var acc = new double[outSize];
        var count = new int[outSize];
        bool first = true;
        if (kind == ReduceKind.Max) Array.Fill(acc, double.NegativeInfinity);
        if (kind == ReduceKind.Prod) Array.Fill(acc, 1.0);
        var idx = new int[rank];
        int size = a.Size;
        for (int k = 0; k < size; k++)
        {
            int o = 0;
            for (int d = 0; d < rank; d++) if (!reduce[d]) o += idx[d] * outStrides[d];
            double v = a.At(k);
            switch (kind)
            {
                case ReduceKind.Sum or ReduceKind.Mean: acc[o] += v; break;
                case ReduceKind.Max: if (v > acc[o]) acc[o] = v; break;
                case ReduceKind.Prod: acc[o] *= v; break;
            }
            count[o]++;
            for (int d = rank - 1; d >= 0; d--)
            {
                if (++idx[d] < a.Shape[d]) break;
                idx[d] = 0;
            }
        }
        _ = first;
        if (kind == ReduceKind.Mean) for (int o = 0; o < outSize; o++) acc[o] = count[o] > 0 ? acc[o] / count[o] : double.NaN;
        int[] shape = keepDims ? keptShape : [.. Enumerable.Range(0, rank).Where(d => !reduce[d]).Select(d => a.Shape[d])];
        if (a.Type == DataType.Float32) return Tensor.Float(shape, [.. acc.Select(v => (float)v)]);
        return Tensor.Int(shape, [.. acc.Select(v => (int)v)]);
    }

    // ---- products ----------------------------------------------------------------------------

    /// <summary>[..., M, K] × [..., K, N] (after the optional transposes); equal batch dimensions or a 2-D right side.</summary>
    private static Tensor BatchMatMul(Tensor a, Tensor b, bool transposeA, bool transposeB)
    {
        if (transposeA) a = SwapLastTwo(a);
        int m = a.Shape[^2], k = a.Shape[^1];
        int kb = transposeB ? b.Shape[^1] : b.Shape[^2];
        int n = transposeB ? b.Shape[^2] : b.Shape[^1];
        if (k != kb) throw new ArgumentException($"Inner dimensions differ: {k} vs {kb}.");
        int batchA = a.Size / (m * k), batchB = b.Size / (kb * n);
        if (batchB != 1 && batchB != batchA) throw new ArgumentException("Batch dimensions differ.");
        var af = a.Floats; var bf = b.Floats;
        var c = new float[batchA * m * n];
        for (int batch = 0; batch < batchA; batch++)
        {
            var aMat = af.AsSpan(batch * m * k, m * k);
            var bMat = bf.AsSpan((batchB == 1 ? 0 : batch) * k * n, k * n);
            var cMat = c.AsSpan(batch * m * n, m * n);
            if (transposeB) MatMulTransposedB(aMat, bMat, cMat, m, k, n);
            else MatMul(aMat, bMat, cMat, m, k, n);
        }
        int[] shape = [.. a.Shape[..^2], m, n];
        return Tensor.Float(shape, c);
    }

    /// <summary>
    /// C[m,n] = A[m,k] · B[k,n], register-tiled: each 4-row × 2-vector tile of C is accumulated over the
    /// whole of k in eight SIMD registers, and the tiles of one column block reuse that block of B from
    /// cache. Leftover rows take a 1-row kernel, leftover columns a scalar loop.
    /// </summary>
    internal static void MatMul(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n)
    {
        int w = Vector<float>.Count, tile = 2 * w;
        int nMain = n - n % tile, mMain = m - m % 4;
        ref float ra = ref MemoryMarshal.GetReference(a);
        ref float rb = ref MemoryMarshal.GetReference(b);
        ref float rc = ref MemoryMarshal.GetReference(c);
        for (int j = 0; j < nMain; j += tile)
        {
            for (int i = 0; i < mMain; i += 4) Kernel4(ref ra, ref rb, ref rc, i, j, k, n, w);
            for (int i = mMain; i < m; i++) Kernel1(ref ra, ref rb, ref rc, i, j, k, n, w);
        }
        for (int i = 0; i < m; i++)
        {
            for (int j = nMain; j < n; j++)
            {
                float sum = 0;
                for (int p = 0; p < k; p++) sum += a[i * k + p] * b[p * n + j];
                c[i * n + j] = sum;
            }
        }
    }

    private static void Kernel4(ref float a, ref float b, ref float c, int i, int j, int k, int n, int w)
    {
        Vector<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default, c30 = default, c31 = default;
        nint row0 = (nint)i * k, row1 = row0 + k, row2 = row1 + k, row3 = row2 + k;
        for (int p = 0; p < k; p++)
        {
            nint bo = (nint)p * n + j;
            var b0 = Vector.LoadUnsafe(ref b, (nuint)bo);
            var b1 = Vector.LoadUnsafe(ref b, (nuint)(bo + w));
            var a0 = new Vector<float>(Unsafe.Add(ref a, row0 + p));
            var a1 = new Vector<float>(Unsafe.Add(ref a, row1 + p));
            var a2 = new Vector<float>(Unsafe.Add(ref a, row2 + p));
            var a3 = new Vector<float>(Unsafe.Add(ref a, row3 + p));
            c00 = Vector.FusedMultiplyAdd(a0, b0, c00); c01 = Vector.FusedMultiplyAdd(a0, b1, c01);
            c10 = Vector.FusedMultiplyAdd(a1, b0, c10); c11 = Vector.FusedMultiplyAdd(a1, b1, c11);
            c20 = Vector.FusedMultiplyAdd(a2, b0, c20); c21 = Vector.FusedMultiplyAdd(a2, b1, c21);
            c30 = Vector.FusedMultiplyAdd(a3, b0, c30); c31 = Vector.FusedMultiplyAdd(a3, b1, c31);
        }
        nint co = (nint)i * n + j;
        c00.StoreUnsafe(ref c, (nuint)co); c01.StoreUnsafe(ref c, (nuint)(co + w)); co += n;
        c10.StoreUnsafe(ref c, (nuint)co); c11.StoreUnsafe(ref c, (nuint)(co + w)); co += n;
        c20.StoreUnsafe(ref c, (nuint)co); c21.StoreUnsafe(ref c, (nuint)(co + w)); co += n;
        c30.StoreUnsafe(ref c, (nuint)co); c31.StoreUnsafe(ref c, (nuint)(co + w));
    }

    private static void Kernel1(ref float a, ref float b, ref float c, int i, int j, int k, int n, int w)
    {
        Vector<float> c0 = default, c1 = default;
        nint row = (nint)i * k;
        for (int p = 0; p < k; p++)
        {
            nint bo = (nint)p * n + j;
            var av = new Vector<float>(Unsafe.Add(ref a, row + p));
            c0 = Vector.FusedMultiplyAdd(av, Vector.LoadUnsafe(ref b, (nuint)bo), c0);
            c1 = Vector.FusedMultiplyAdd(av, Vector.LoadUnsafe(ref b, (nuint)(bo + w)), c1);
        }
        nint co = (nint)i * n + j;
        c0.StoreUnsafe(ref c, (nuint)co);
        c1.StoreUnsafe(ref c, (nuint)(co + w));
    }

    /// <summary>C[m,n] = A[m,k] · Bᵀ where B is [n,k]: dot products of rows.</summary>
    private static void MatMulTransposedB(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n)
    {
        for (int i = 0; i < m; i++)
        {
            var ai = a.Slice(i * k, k);
            for (int j = 0; j < n; j++) c[i * n + j] = TensorPrimitives.Dot(ai, b.Slice(j * k, k));
        }
    }

    private static Tensor SwapLastTwo(Tensor a)
    {
        var perm = Enumerable.Range(0, a.Rank).ToArray();
        (perm[^1], perm[^2]) = (perm[^2], perm[^1]);
        return Transpose(a, perm);
    }

    /// <summary>NHWC convolution with a 1×1 kernel, stride 1, no dilation: a matrix product over the channels.</summary>
    private static Tensor Conv2D1x1(GraphNode node, Tensor input, Tensor kernel)
    {
        var strides = node.IntList("strides");
        var dilations = node.IntList("dilations");
        var format = node.String("data_format") ?? "NHWC";
        if (kernel.Shape[0] != 1 || kernel.Shape[1] != 1 || strides.Any(s => s != 1) || dilations.Any(d => d != 1) || format != "NHWC")
        {
            throw new NotSupportedException("Only 1x1, stride-1, undilated NHWC Conv2D is supported.");
        }
        int cin = kernel.Shape[2], cout = kernel.Shape[3];
        if (input.Shape[^1] != cin) throw new ArgumentException($"Conv2D input has {input.Shape[^1]} channels, kernel expects {cin}.");
        int rows = input.Size / cin;
        var c = new float[rows * cout];
        MatMul(input.Floats, kernel.Floats, c, rows, cin, cout);
        return Tensor.Float([.. input.Shape[..^1], cout], c);
    }

    // ---- shapes ------------------------------------------------------------------------------

    private static Tensor Reshape(Tensor a, Tensor shapeTensor)
    {
        var shape = (int[])shapeTensor.Ints.Clone();
        int unknown = Array.IndexOf(shape, -1);
        if (unknown >= 0)
        {
            int known = 1;
            for (int d = 0; d < shape.Length; d++) if (d != unknown) known *= shape[d];
            shape[unknown] = known == 0 ? 0 : a.Size / known;
        }
        return a.WithShape(shape);
    }

    private static Tensor ExpandDims(Tensor a, int axis)
    {
        if (axis < 0) axis += a.Rank + 1;
        var shape = a.Shape.ToList();
        shape.Insert(axis, 1);
        return a.WithShape([.. shape]);
    }

    private static Tensor Squeeze(Tensor a, int[] dims)
    {
        var drop = new HashSet<int>(dims.Select(d => d < 0 ? d + a.Rank : d));
        var shape = new List<int>();
        for (int d = 0; d < a.Rank; d++)
        {
            bool squeeze = drop.Count == 0 ? a.Shape[d] == 1 : drop.Contains(d);
            if (squeeze && a.Shape[d] != 1) throw new ArgumentException($"Cannot squeeze dimension {d} of size {a.Shape[d]}.");
            if (!squeeze) shape.Add(a.Shape[d]);
        }
        return a.WithShape([.. shape]);
    }

    /// <summary>Copies the elements of <paramref name="a"/> at the given per-dimension index lists into a new tensor.</summary>
    private static Tensor Select(Tensor a, int[][] picks, int[] outShape)
    {
        int rank = a.Rank, size = Tensor.SizeOf(outShape);
        var strides = Tensor.Strides(a.Shape);
        var src = new int[size];
        var counts = picks.Select(p => p.Length).ToArray();
        var idx = new int[rank];
        for (int k = 0; k < size; k++)
        {
            int flat = 0;
            for (int d = 0; d < rank; d++) flat += picks[d][idx[d]] * strides[d];
            src[k] = flat;
            for (int d = rank - 1; d >= 0; d--)
            {
                if (++idx[d] < counts[d]) break;
                idx[d] = 0;
            }
        }
        return Take(a, src, outShape);
    }

    private static Tensor Take(Tensor a, int[] src, int[] shape)
    {
        if (a.Type == DataType.Float32)
        {
            var f = a.Floats;
            return Tensor.Float(shape, [.. src.Select(i => f[i])]);
        }
        var v = a.Ints;
        int[] data = [.. src.Select(i => v[i])];
        return a.Type == DataType.Bool ? Tensor.Bool(shape, data) : Tensor.Int(shape, data);
    }

    private static Tensor StridedSlice(GraphNode node, Tensor a, int[] begin, int[] end, int[] stride)
    {
        long beginMask = node.Int("begin_mask"), endMask = node.Int("end_mask"), shrinkMask = node.Int("shrink_axis_mask");
        if (node.Int("ellipsis_mask") != 0 || node.Int("new_axis_mask") != 0) throw new NotSupportedException("StridedSlice ellipsis/new-axis masks are not supported.");
        int rank = a.Rank;
        var picks = new int[rank][];
        var outShape = new List<int>();
        for (int d = 0; d < rank; d++)
        {
            int dim = a.Shape[d];
            if (d >= begin.Length)
            {
                picks[d] = [.. Enumerable.Range(0, dim)];
                outShape.Add(dim);
                continue;
            }
            int s = stride[d];
            if ((shrinkMask >> d & 1) != 0)
            {
                int at = begin[d] < 0 ? begin[d] + dim : begin[d];
                if (at < 0 || at >= dim) throw new ArgumentException($"StridedSlice index {begin[d]} out of range {dim}.");
                picks[d] = [at];
                continue;
            }
            int b = (beginMask >> d & 1) != 0 ? (s > 0 ? 0 : dim - 1) : Clamp(begin[d] < 0 ? begin[d] + dim : begin[d], s, dim);
            int e = (endMask >> d & 1) != 0 ? (s > 0 ? dim : -1) : Clamp(end[d] < 0 ? end[d] + dim : end[d], s, dim);
            var list = new List<int>();
            for (int i = b; s > 0 ? i < e : i > e; i += s) list.Add(i);
            picks[d] = [.. list];
            outShape.Add(list.Count);
        }
        var full = picks.Select(p => p.Length).ToArray();
        var result = Select(a, picks, full);
        return result.WithShape([.. outShape]);

        static int Clamp(int v, int s, int dim) => s > 0 ? Math.Clamp(v, 0, dim) : Math.Clamp(v, -1, dim - 1);
    }

    private static Tensor Slice(Tensor a, int[] begin, int[] size)
    {
        var picks = new int[a.Rank][];
        for (int d = 0; d < a.Rank; d++)
        {
            int len = size[d] < 0 ? a.Shape[d] - begin[d] : size[d];
            picks[d] = [.. Enumerable.Range(begin[d], len)];
        }
        return Select(a, picks, [.. picks.Select(p => p.Length)]);
    }

    private static Tensor Transpose(Tensor a, int[] perm)
    {
        int rank = a.Rank;
        int[] outShape = [.. perm.Select(p => a.Shape[p])];
        var inStrides = Tensor.Strides(a.Shape);
        int size = a.Size;
        var src = new int[size];
        var idx = new int[rank];
        for (int k = 0; k < size; k++)
        {
            int flat = 0;
            for (int d = 0; d < rank; d++) flat += idx[d] * inStrides[perm[d]];
            src[k] = flat;
            for (int d = rank - 1; d >= 0; d--)
            {
                if (++idx[d] < outShape[d]) break;
                idx[d] = 0;
            }
        }
        return Take(a, src, outShape);
    }

    private static Tensor Concat(Tensor[] parts, int axis)
    {
        var first = parts[0];
        if (axis < 0) axis += first.Rank;
        int outer = Tensor.SizeOf(first.Shape.AsSpan(0, axis));
        var shape = (int[])first.Shape.Clone();
        shape[axis] = parts.Sum(p => p.Shape[axis]);
        var src = new List<(Tensor Part, int Flat)>();
        int total = Tensor.SizeOf(shape);
        var floats = first.Type == DataType.Float32 ? new float[total] : null;
        var ints = floats == null ? new int[total] : null;
        int o = 0;
        for (int row = 0; row < outer; row++)
        {
            foreach (var p in parts)
            {
                int chunk = p.Size / outer;
                if (floats != null) Array.Copy(p.Floats, row * chunk, floats, o, chunk);
                else Array.Copy(p.Ints, row * chunk, ints!, o, chunk);
                o += chunk;
            }
        }
        _ = src;
        return floats != null ? Tensor.Float(shape, floats) : first.Type == DataType.Bool ? Tensor.Bool(shape, ints!) : Tensor.Int(shape, ints!);
    }

    private static Tensor Pack(Tensor[] parts, int axis)
    {
        if (axis < 0) axis += parts[0].Rank + 1;
        return Concat([.. parts.Select(p => ExpandDims(p, axis))], axis);
    }

    private static Tensor[] SplitV(Tensor a, int[] sizes, int axis)
    {
        if (axis < 0) axis += a.Rank;
        sizes = (int[])sizes.Clone();
        int unknown = Array.IndexOf(sizes, -1);
        if (unknown >= 0) sizes[unknown] = a.Shape[axis] - (sizes.Sum() + 1);
        var result = new Tensor[sizes.Length];
        int start = 0;
        for (int s = 0; s < sizes.Length; s++)
        {
            var begin = new int[a.Rank];
            var size = (int[])a.Shape.Clone();
            begin[axis] = start;
            size[axis] = sizes[s];
            result[s] = Slice(a, begin, size);
            start += sizes[s];
        }
        return result;
    }

    // ---- gathers and scatters ----------------------------------------------------------------

    private static Tensor Gather(Tensor a, Tensor indices, int axis)
    {
        if (axis < 0) axis += a.Rank;
        int outer = Tensor.SizeOf(a.Shape.AsSpan(0, axis));
        int inner = Tensor.SizeOf(a.Shape.AsSpan(axis + 1));
        int dim = a.Shape[axis];
        var ids = indices.Ints;
        int[] shape = [.. a.Shape[..axis], .. indices.Shape, .. a.Shape[(axis + 1)..]];
        if (a.Type == DataType.Float32 && outer == 1)
        {
            // Embedding lookup: copy whole rows.
            var rows = new float[ids.Length * inner];
            for (int r = 0; r < ids.Length; r++)
            {
                if ((uint)ids[r] >= (uint)dim) throw new ArgumentException($"Gather index {ids[r]} out of range {dim}.");
                Array.Copy(a.Floats, ids[r] * inner, rows, r * inner, inner);
            }
            return Tensor.Float(shape, rows);
        }
        var src = new int[outer * ids.Length * inner];
        int o = 0;
        for (int r = 0; r < outer; r++)
        {
            foreach (var id in ids)
            {
                if ((uint)id >= (uint)dim) throw new ArgumentException($"Gather index {id} out of range {dim}.");
                int start = (r * dim + id) * inner;
                for (int i = 0; i < inner; i++) src[o++] = start + i;
            }
        }
        return Take(a, src, shape);
    }

    private static Tensor GatherNd(Tensor a, Tensor indices)
    {
        int depth = indices.Shape[^1];
        int count = indices.Size / depth;
        int inner = Tensor.SizeOf(a.Shape.AsSpan(depth));
        var strides = Tensor.Strides(a.Shape);
        var ids = indices.Ints;
        int[] outShape = [.. indices.Shape[..^1], .. a.Shape[depth..]];
        if (a.Type == DataType.Float32)
        {
            var rows = new float[count * inner];
            for (int r = 0; r < count; r++)
            {
                int at = 0;
                for (int d = 0; d < depth; d++) at += ids[r * depth + d] * strides[d];
                Array.Copy(a.Floats, at, rows, r * inner, inner);
            }
            return Tensor.Float(outShape, rows);
        }
        var src = new int[count * inner];
        for (int r = 0; r < count; r++)
        {
            int flat = 0;
            for (int d = 0; d < depth; d++) flat += ids[r * depth + d] * strides[d];
            for (int i = 0; i < inner; i++) src[r * inner + i] = flat + i;
        }
        return Take(a, src, [.. indices.Shape[..^1], .. a.Shape[depth..]]);
    }

    private static Tensor ScatterNd(Tensor indices, Tensor updates, int[] shape)
    {
        int depth = indices.Shape[^1];
        int count = indices.Size / depth;
        int inner = Tensor.SizeOf(shape.AsSpan(depth));
        var strides = Tensor.Strides(shape);
        var ids = indices.Ints;
        var result = Tensor.Zeros(updates.Type, (int[])shape.Clone());
        for (int r = 0; r < count; r++)
        {
            int flat = 0;
            for (int d = 0; d < depth; d++) flat += ids[r * depth + d] * strides[d];
            for (int i = 0; i < inner; i++)
            {
                if (result.F != null) result.F[flat + i] += updates.Floats[r * inner + i];
                else result.I![flat + i] += updates.Ints[r * inner + i];
            }
        }
        return result;
    }

    private static Tensor SparseToDense(Tensor indices, int[] shape, Tensor values, Tensor defaultValue)
    {
        var result = Tensor.Zeros(values.Type, (int[])shape.Clone());
        int rank = shape.Length;
        int count = indices.Rank == 0 ? 1 : indices.Shape[0];
        int depth = indices.Rank < 2 ? 1 : indices.Shape[1];
        var strides = Tensor.Strides(shape);
        var ids = indices.Ints;
        if (result.F != null) Array.Fill(result.F, (float)defaultValue.At(0));
        else Array.Fill(result.I!, (int)defaultValue.At(0));
        for (int r = 0; r < count; r++)
        {
            int flat = 0;
            for (int d = 0; d < depth && d < rank; d++) flat += ids[r * depth + d] * strides[d];
            double v = values.At(values.Size == 1 ? 0 : r);
            if (result.F != null) result.F[flat] = (float)v;
            else result.I![flat] = (int)v;
        }
        return result;
    }

    private static Tensor Where(Tensor condition)
    {
        int rank = condition.Rank;
        var strides = Tensor.Strides(condition.Shape);
        var coords = new List<int>();
        int n = 0;
        for (int k = 0; k < condition.Size; k++)
        {
            if (condition.At(k) == 0) continue;
            int rest = k;
            for (int d = 0; d < rank; d++)
            {
                coords.Add(rest / strides[d]);
                rest %= strides[d];
            }
            n++;
        }
        return Tensor.Int([n, rank], [.. coords]);
    }

    private static Tensor Cast(Tensor a, int dstType)
    {
        switch (dstType)
        {
            case 1:
                return a.Type == DataType.Float32 ? a : Tensor.Float(a.Shape, [.. a.Ints.Select(v => (float)v)]);
            case 3 or 9:
                return a.Type == DataType.Float32 ? Tensor.Int(a.Shape, [.. a.Floats.Select(v => (int)v)]) : Tensor.Int(a.Shape, a.Ints);
            case 10:
                return Tensor.Bool(a.Shape, [.. Enumerable.Range(0, a.Size).Select(k => a.At(k) != 0 ? 1 : 0)]);
            default:
                throw new NotSupportedException($"Cast to TF type {dstType} is not supported.");
        }
    }

    private static Tensor Range(Tensor start, Tensor limit, Tensor delta)
    {
        double s = start.At(0), l = limit.At(0), d = delta.At(0);
        int n = Math.Max(0, (int)Math.Ceiling((l - s) / d));
        if (start.Type == DataType.Float32) return Tensor.Float([n], [.. Enumerable.Range(0, n).Select(i => (float)(s + i * d))]);
        return Tensor.Int([n], [.. Enumerable.Range(0, n).Select(i => (int)(s + i * d))]);
    }
}
