using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using BenchmarkDotNet.Attributes;

namespace WireTrace.Benchmarks.Encoder;

/// <summary>
/// Which integer dot-product instructions .NET 10 can reach on this CPU, as register tiles of the same shape as the
/// encoder's int8 kernel (6 activation rows, K = 512, weights from an L1-resident panel), to decide whether a
/// 512-bit kernel would beat the 256-bit AVX-VNNI one (.NET 10 has no 512-bit VNNI class for this CPU: only
/// <c>Avx10v1.V512</c>, which it does not report):
/// <list type="bullet">
/// <item><c>VpdpbusdYmm</c>: the encoder's tile, <c>vpdpbusd ymm</c>, 6 rows × 16 columns (32 byte multiply-adds per instruction);</item>
/// <item><c>MaddubswMaddwd512</c>: <c>vpmaddubsw zmm</c> + <c>vpmaddwd zmm</c> (× 1) + <c>vpaddd</c>, 6 rows × 32 columns (64 per
/// pair); exact only if the 16-bit pair sums cannot saturate, i.e. with 7-bit activations (or 7-bit weights);</item>
/// <item><c>Maddwd512Int16</c>: <c>vpmaddwd zmm</c> on 16-bit activations and weights, 6 rows × 32 columns (32 per instruction).</item>
/// </list>
/// Each invocation is 6 · 512 · 32 = 98,304 multiply-adds for the 512-bit forms and half that for <c>VpdpbusdYmm</c>
/// (OperationsPerInvoke gives the time per 1,024 multiply-adds, so the three are directly comparable).
/// Run with: dotnet run -c Release --project bench/WireTrace.Benchmarks -- --filter '*Int8InstructionBenchmarks*'
/// </summary>
public class Int8InstructionBenchmarks
{
    private const int K = 512, Rows = 6;
    private byte[] _activations = null!;
    private sbyte[] _weights = null!;
    private short[] _activations16 = null!;
    private short[] _weights16 = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(8);
        _activations = new byte[Rows * K];
        _weights = new sbyte[K * 32];
        random.NextBytes(_activations);
        for (int i = 0; i < _activations.Length; i++) _activations[i] &= 0x7f; // 7-bit: the BW form stays exact
        for (int i = 0; i < _weights.Length; i++) _weights[i] = (sbyte)random.Next(-127, 128);
        _activations16 = [.. _activations.Select(b => (short)b), .. _activations.Select(b => (short)b)];
        _weights16 = [.. _weights.Select(w => (short)w), .. _weights.Select(w => (short)w)];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows * K * 16 / 1024)]
    public int VpdpbusdYmm()
    {
        if (!AvxVnni.IsSupported) return 0;
        ref byte a = ref MemoryMarshal.GetArrayDataReference(_activations);
        ref sbyte w = ref MemoryMarshal.GetArrayDataReference(_weights);
        Vector256<int> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<int> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int g = 0; g < K / 4; g++)
        {
            var w0 = Vector256.LoadUnsafe(ref w, (nuint)(g * 64));
            var w1 = Vector256.LoadUnsafe(ref w, (nuint)(g * 64 + 32));
            var x = Broadcast256(ref a, g);
            c00 = AvxVnni.MultiplyWideningAndAdd(c00, x, w0); c01 = AvxVnni.MultiplyWideningAndAdd(c01, x, w1);
            x = Broadcast256(ref a, K / 4 + g);
            c10 = AvxVnni.MultiplyWideningAndAdd(c10, x, w0); c11 = AvxVnni.MultiplyWideningAndAdd(c11, x, w1);
            x = Broadcast256(ref a, 2 * K / 4 + g);
            c20 = AvxVnni.MultiplyWideningAndAdd(c20, x, w0); c21 = AvxVnni.MultiplyWideningAndAdd(c21, x, w1);
            x = Broadcast256(ref a, 3 * K / 4 + g);
            c30 = AvxVnni.MultiplyWideningAndAdd(c30, x, w0); c31 = AvxVnni.MultiplyWideningAndAdd(c31, x, w1);
            x = Broadcast256(ref a, 4 * K / 4 + g);
            c40 = AvxVnni.MultiplyWideningAndAdd(c40, x, w0); c41 = AvxVnni.MultiplyWideningAndAdd(c41, x, w1);
            x = Broadcast256(ref a, 5 * K / 4 + g);
            c50 = AvxVnni.MultiplyWideningAndAdd(c50, x, w0); c51 = AvxVnni.MultiplyWideningAndAdd(c51, x, w1);
        }
        return Vector256.Sum(c00 + c01 + c10 + c11 + c20 + c21 + c30 + c31 + c40 + c41 + c50 + c51);
    }

    [Benchmark(OperationsPerInvoke = Rows * K * 32 / 1024)]
    public int MaddubswMaddwd512()
    {
        if (!Avx512BW.IsSupported) return 0;
        ref byte a = ref MemoryMarshal.GetArrayDataReference(_activations);
        ref sbyte w = ref MemoryMarshal.GetArrayDataReference(_weights);
        var ones = Vector512.Create((short)1);
        Vector512<int> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector512<int> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int g = 0; g < K / 4; g++)
        {
            var w0 = Vector512.LoadUnsafe(ref w, (nuint)(g * 128 % (K * 32 - 128)));
            var w1 = Vector512.LoadUnsafe(ref w, (nuint)(g * 128 % (K * 32 - 128) + 64));
            var x = Broadcast512(ref a, g);
            c00 += Avx512BW.MultiplyAddAdjacent(Avx512BW.MultiplyAddAdjacent(x, w0), ones); c01 += Avx512BW.MultiplyAddAdjacent(Avx512BW.MultiplyAddAdjacent(x, w1), ones);
            x = Broadcast512(ref a, K / 4 + g);
            c10 += Avx512BW.MultiplyAddAdjacent(Avx512BW.MultiplyAddAdjacent(x, w0), ones); c11 += Avx512BW.MultiplyAddAdjacent(Avx512BW.MultiplyAddAdjacent(x, w1), ones);
            x = Broadcast512(ref a, 2 * K / 4 + g);
            c20 += Avx512BW.MultiplyAddAdjacent(Avx512BW.MultiplyAddAdjacent(x, w0), ones); c21 += Avx512BW.MultiplyAddAdjacent(Avx512BW.MultiplyAddAdjacent(x, w1), ones);
            x = Broadcast512(ref a, 3 * K / 4 + g);
            c30 += Avx512BW.MultiplyAddAdjacent(Avx512BW.MultiplyAddAdjacent(x, w0), ones); c31 += Avx512BW.MultiplyAddAdjacent(Avx512BW.MultiplyAddAdjacent(x, w1), ones);
            x = Broadcast512(ref a, 4 * K / 4 + g);
            c40 += Avx512BW.MultiplyAddAdjacent(Avx512BW.MultiplyAddAdjacent(x, w0), ones); c41 += Avx512BW.MultiplyAddAdjacent(Avx512BW.MultiplyAddAdjacent(x, w1), ones);
            x = Broadcast512(ref a, 5 * K / 4 + g);
            c50 += Avx512BW.MultiplyAddAdjacent(Avx512BW.MultiplyAddAdjacent(x, w0), ones); c51 += Avx512BW.MultiplyAddAdjacent(Avx512BW.MultiplyAddAdjacent(x, w1), ones);
        }
        return Vector512.Sum(c00 + c01 + c10 + c11 + c20 + c21 + c30 + c31 + c40 + c41 + c50 + c51);
    }

    [Benchmark(OperationsPerInvoke = Rows * K * 32 / 1024)]
    public int Maddwd512Int16()
    {
        if (!Avx512BW.IsSupported) return 0;
        ref short a = ref MemoryMarshal.GetArrayDataReference(_activations16);
        ref short w = ref MemoryMarshal.GetArrayDataReference(_weights16);
        Vector512<int> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector512<int> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int g = 0; g < K / 2; g++)
        {
            var w0 = Vector512.LoadUnsafe(ref w, (nuint)(g * 64 % (K * 32 - 64)));
            var w1 = Vector512.LoadUnsafe(ref w, (nuint)(g * 64 % (K * 32 - 64) + 32));
            var x = Pair512(ref a, g);
            c00 += Avx512BW.MultiplyAddAdjacent(x, w0); c01 += Avx512BW.MultiplyAddAdjacent(x, w1);
            x = Pair512(ref a, K / 2 + g);
            c10 += Avx512BW.MultiplyAddAdjacent(x, w0); c11 += Avx512BW.MultiplyAddAdjacent(x, w1);
            x = Pair512(ref a, 2 * K / 2 + g);
            c20 += Avx512BW.MultiplyAddAdjacent(x, w0); c21 += Avx512BW.MultiplyAddAdjacent(x, w1);
            x = Pair512(ref a, 3 * K / 2 + g);
            c30 += Avx512BW.MultiplyAddAdjacent(x, w0); c31 += Avx512BW.MultiplyAddAdjacent(x, w1);
            x = Pair512(ref a, 4 * K / 2 + g);
            c40 += Avx512BW.MultiplyAddAdjacent(x, w0); c41 += Avx512BW.MultiplyAddAdjacent(x, w1);
            x = Pair512(ref a, 5 * K / 2 + g);
            c50 += Avx512BW.MultiplyAddAdjacent(x, w0); c51 += Avx512BW.MultiplyAddAdjacent(x, w1);
        }
        return Vector512.Sum(c00 + c01 + c10 + c11 + c20 + c21 + c30 + c31 + c40 + c41 + c50 + c51);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> Broadcast256(ref byte row, int group) => Vector256.Create(Unsafe.ReadUnaligned<int>(ref Unsafe.Add(ref row, group * 4))).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> Broadcast512(ref byte row, int group) => Vector512.Create(Unsafe.ReadUnaligned<int>(ref Unsafe.Add(ref row, group * 4))).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<short> Pair512(ref short row, int pair) => Vector512.Create(Unsafe.ReadUnaligned<int>(ref Unsafe.As<short, byte>(ref Unsafe.Add(ref row, pair * 2)))).AsInt16();
}
