namespace WireTrace.Encoder.Graph;

/// <summary>Element types the interpreter handles (TF int64 is carried as int32, as TF.js does).</summary>
public enum DataType { Float32, Int32, Bool }

/// <summary>
/// A dense row-major tensor: float32 data in <see cref="F"/>, int32 and bool (0/1) data in <see cref="I"/>.
/// </summary>
public sealed class Tensor
{
    private Tensor(DataType type, int[] shape, float[]? f, int[]? i)
    {
        Type = type;
        Shape = shape;
        F = f;
        I = i;
    }

    public DataType Type { get; }

    public int[] Shape { get; }

    public float[]? F { get; }

    public int[]? I { get; }

    public int Rank => Shape.Length;

    public int Size => SizeOf(Shape);

    public float[] Floats => F ?? throw new InvalidOperationException($"Expected a float32 tensor, got {Type}.");

    public int[] Ints => I ?? throw new InvalidOperationException($"Expected an int32/bool tensor, got {Type}.");

    public static Tensor Float(int[] shape, float[] data) => new(DataType.Float32, Check(shape, data.Length), data, null);

    public static Tensor Int(int[] shape, int[] data) => new(DataType.Int32, Check(shape, data.Length), null, data);

    public static Tensor Bool(int[] shape, int[] data) => new(DataType.Bool, Check(shape, data.Length), null, data);

    public static Tensor Zeros(DataType type, int[] shape) =>
        type == DataType.Float32 ? Float(shape, new float[SizeOf(shape)]) : new(type, shape, null, new int[SizeOf(shape)]);

    public static Tensor IntVector(params int[] values) => Int([values.Length], values);

    /// <summary>The same data under another shape (no copy).</summary>
    public Tensor WithShape(int[] shape) => new(Type, Check(shape, Size), F, I);

    /// <summary>Element <paramref name="k"/> as a double, whatever the type.</summary>
    public double At(int k) => F != null ? F[k] : I![k];

    public static int SizeOf(ReadOnlySpan<int> shape)
    {
        int n = 1;
        foreach (var d in shape) n *= d;
        return n;
    }

    public static int[] Strides(int[] shape)
    {
        var strides = new int[shape.Length];
        int s = 1;
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            strides[d] = s;
            s *= shape[d];
        }
        return strides;
    }

    public override string ToString() => $"{Type}[{string.Join(",", Shape)}]";

    private static int[] Check(int[] shape, int length)
    {
        if (SizeOf(shape) != length) throw new ArgumentException($"Shape [{string.Join(",", shape)}] does not hold {length} elements.");
        return shape;
    }
}
