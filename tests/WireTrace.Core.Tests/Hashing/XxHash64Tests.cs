using System.Buffers.Binary;
using System.Text;
using WireTrace.Core.Hashing;

namespace WireTrace.Core.Tests.Hashing;

public sealed class XxHash64Tests
{
    private const ulong Prime32 = 2654435761UL;
    private const ulong Prime64 = 11400714785074694797UL;

    /// <summary>xxHash's sanity buffer (cli/xsum_sanity_check.c, XSUM_fillTestBuffer).</summary>
    private static byte[] SanityBuffer(int length)
    {
        var buffer = new byte[length];
        ulong generator = Prime32;
        for (int i = 0; i < length; i++)
        {
            buffer[i] = (byte)(generator >> 56);
            generator *= Prime64;
        }
        return buffer;
    }

    // XSUM_XXH64_testdata from xxHash's cli/xsum_sanity_check.c: (length, seed, XXH64).
    [Theory]
    [InlineData(0, 0UL, 0xEF46DB3751D8E999UL)]
    [InlineData(0, Prime32, 0xAC75FDA2929B17EFUL)]
    [InlineData(1, 0UL, 0xE934A84ADB052768UL)]
    [InlineData(1, Prime32, 0x5014607643A9B4C3UL)]
    [InlineData(4, 0UL, 0x9136A0DCA57457EEUL)]
    [InlineData(14, 0UL, 0x8282DCC4994E35C8UL)]
    [InlineData(14, Prime32, 0xC3BD6BF63DEB6DF0UL)]
    [InlineData(222, 0UL, 0xB641AE8CB691C174UL)]
    [InlineData(222, Prime32, 0x20CB8AB7AE10C14AUL)]
    public void Matches_the_reference_sanity_vectors(int length, ulong seed, ulong expected)
    {
        Assert.Equal(expected, XxHash64.Hash(SanityBuffer(length), seed));
    }

    [Fact]
    public void Matches_the_published_value_for_abc()
    {
        Assert.Equal(0x44BC2CF5AD770999UL, XxHash64.Hash(Encoding.ASCII.GetBytes("abc")));
    }

    [Fact]
    public void Every_length_across_the_stripe_boundaries_differs_and_is_stable()
    {
        var buffer = SanityBuffer(200);
        var seen = new HashSet<ulong>();
        for (int n = 0; n <= 200; n++) Assert.True(seen.Add(XxHash64.Hash(buffer.AsSpan(0, n), 7)), $"length {n} collided");
        Assert.NotEqual(XxHash64.Hash(buffer.AsSpan(0, 64), 0), XxHash64.Hash(buffer.AsSpan(0, 64), 1));
    }

    [Fact]
    public void Ulong_fast_path_equals_hashing_the_little_endian_bytes()
    {
        var random = new Random(3);
        for (int count = 0; count <= 21; count++) // 0..168 bytes: below, at and across several 32-byte stripes
        {
            var values = new ulong[count];
            var bytes = new byte[count * 8];
            for (int i = 0; i < count; i++)
            {
                values[i] = (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40);
                BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 8), values[i]);
            }
            foreach (var seed in new[] { 0UL, Prime32, ulong.MaxValue })
            {
                Assert.Equal(XxHash64.Hash(bytes, seed), XxHash64.Hash((ReadOnlySpan<ulong>)values, seed));
            }
            if (count == 1) Assert.Equal(XxHash64.Hash(bytes, 5), XxHash64.Hash(values[0], 5));
        }
    }

    [Fact]
    public void Int_and_char_overloads_equal_hashing_their_little_endian_bytes()
    {
        int[] ids = [1, -2, 300_000, int.MaxValue, 0, 42, 7, 9, 11];
        var bytes = new byte[ids.Length * 4];
        for (int i = 0; i < ids.Length; i++) BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 4), ids[i]);
        Assert.Equal(XxHash64.Hash(bytes, 99), XxHash64.Hash((ReadOnlySpan<int>)ids, 99));

        const string word = "earthquake-proof ünïcode";
        Assert.Equal(XxHash64.Hash(Encoding.Unicode.GetBytes(word), 3), XxHash64.Hash(word.AsSpan(), 3));
    }
}
