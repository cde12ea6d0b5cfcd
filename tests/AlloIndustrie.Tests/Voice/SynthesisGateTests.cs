using AlloIndustrie.Grains.Speech;
using Xunit;

namespace AlloIndustrie.Tests.Voice;

/// <summary>The synthesiser's gate: previews never pass a published notice's audio.</summary>
public sealed class SynthesisGateTests
{
    [Fact]
    public async Task A_waiting_notice_goes_before_previews_that_came_first()
    {
        var gate = new SynthesisGate(1);
        await gate.Enter(SpeechPriority.Preview, CancellationToken.None);
        var order = new List<string>();
        var waiting = new[]
        {
            Wait(gate, SpeechPriority.Preview, "aperçu 1", order),
            Wait(gate, SpeechPriority.Preview, "aperçu 2", order),
            Wait(gate, SpeechPriority.Notice, "notice", order),
        };
        Assert.All(waiting, task => Assert.False(task.IsCompleted));

        for (var i = 0; i < 3; i++)
        {
            gate.Leave();
            await Task.WhenAny(waiting.Where(task => !task.IsCompleted).Append(Task.Delay(TimeSpan.FromSeconds(10))));
        }

        await Task.WhenAll(waiting);
        Assert.Equal(["notice", "aperçu 1", "aperçu 2"], order);
    }

    [Fact]
    public async Task A_waiter_that_gives_up_leaves_its_place_and_the_slot_goes_to_the_next()
    {
        var gate = new SynthesisGate(1);
        await gate.Enter(SpeechPriority.Notice, CancellationToken.None);
        using var giveUp = new CancellationTokenSource();
        var abandoned = gate.Enter(SpeechPriority.Notice, giveUp.Token);
        var next = gate.Enter(SpeechPriority.Preview, CancellationToken.None);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);

        gate.Leave();
        await next.WaitAsync(TimeSpan.FromSeconds(10));
        gate.Leave();
        await gate.Enter(SpeechPriority.Preview, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static async Task Wait(SynthesisGate gate, SpeechPriority priority, string name, List<string> order)
    {
        await gate.Enter(priority, CancellationToken.None);
        lock (order)
        {
            order.Add(name);
        }
    }
}
