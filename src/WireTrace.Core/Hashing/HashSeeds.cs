namespace WireTrace.Core.Hashing;

/// <summary>Seeds the stored hashes are made with: changing one makes stored fingerprints incomparable with new ones.</summary>
public static class HashSeeds
{
    /// <summary>The default seed of every fingerprint hash (<c>FingerprintOptions.Seed</c>), "WRTRACE1" in ASCII.</summary>
    public const ulong Fingerprints = 0x5752545241434531UL;
}
