using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Connections;

namespace AlloIndustrie.WebFront.Hosting;

/// <summary>
/// Kestrel's buffers, kept once allocated. The default pool hands idle blocks back to the garbage collector after
/// 10 s, and a publication told to 10,000 idle WebSockets then allocates 10,000 fresh pinned blocks at once: an
/// eighth of the web front's CPU during the fan-out, and the collections that follow (bench/CHANGES.md, round 11).
/// A web front's peak of connections is what it must be ready for again at the next publication; the memory
/// stays with it (4 KiB per block, a block or two per connection sending).
/// </summary>
public sealed class RetainedBlockPool : MemoryPool<byte>
{
    // Kestrel writes into blocks of this size, a memory page.
    private const int BlockSize = 4096;

    private readonly ConcurrentQueue<Block> blocks = new();

    public override int MaxBufferSize => BlockSize;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, BlockSize);
        return blocks.TryDequeue(out var block) ? block : new Block(this);
    }

    protected override void Dispose(bool disposing)
    {
        blocks.Clear();
    }

    private sealed class Block(RetainedBlockPool pool) : IMemoryOwner<byte>
    {
        public Memory<byte> Memory { get; } = MemoryMarshal.CreateFromPinnedArray(GC.AllocateUninitializedArray<byte>(BlockSize, pinned: true), 0, BlockSize);

        public void Dispose() => pool.blocks.Enqueue(this);
    }

    /// <summary>What Kestrel asks for its pools (<see cref="IMemoryPoolFactory{T}"/>).</summary>
    public sealed class Factory : IMemoryPoolFactory<byte>
    {
        public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new RetainedBlockPool();
    }
}
