using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace WireTrace.Core.Text;

/// <summary>
/// Software prefetch hints: ask the processor to start loading a cache line that will be read soon, so that the
/// misses of a batch of independent lookups overlap. A hint never faults and changes no result; without SSE
/// (or on other processors) these do nothing.
/// </summary>
internal static class MemoryPrefetch
{
    /// <summary>Prefetches the cache line holding <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Read<T>(ref T value)
    {
        if (Sse.IsSupported) Sse.Prefetch0(Unsafe.AsPointer(ref value));
    }

    /// <summary>Prefetches the first two cache lines of an object (its header and the fields most lookups read).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Object(object instance)
    {
        if (!Sse.IsSupported) return;
        // The reference's bits are the object's address; a hint at a stale address (if the collector moved the
        // object meanwhile) is harmless.
        byte* address = (byte*)Unsafe.As<object, nint>(ref instance);
        Sse.Prefetch0(address);
        Sse.Prefetch0(address + 64);
    }
}
