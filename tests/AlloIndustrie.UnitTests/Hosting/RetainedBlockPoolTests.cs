using System.Buffers;
using AlloIndustrie.WebFront.Hosting;
using Microsoft.AspNetCore.Connections;
using Xunit;

namespace AlloIndustrie.UnitTests.Hosting;

public sealed class RetainedBlockPoolTests
{
    [Fact]
    public void A_returned_block_is_handed_out_again_rather_than_allocated()
    {
        using var pool = new RetainedBlockPool.Factory().Create(new MemoryPoolOptions { Owner = "kestrel" });
        var rented = Enumerable.Range(0, 1000).Select(_ => pool.Rent()).ToList();
        var memories = rented.Select(block => block.Memory).ToHashSet();
        rented.ForEach(block => block.Dispose());

        // The next surge gets the same memory back, however long after: the default pool would have let it go.
        var again = Enumerable.Range(0, 1000).Select(_ => pool.Rent()).ToList();
        Assert.All(again, block => Assert.Contains(block.Memory, memories));
        Assert.All(again, block => Assert.Equal(pool.MaxBufferSize, block.Memory.Length));
    }

    [Fact]
    public void A_block_is_never_smaller_than_asked_for()
    {
        using var pool = new RetainedBlockPool();
        Assert.Equal(4096, pool.Rent(100).Memory.Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(4097));
    }
}
