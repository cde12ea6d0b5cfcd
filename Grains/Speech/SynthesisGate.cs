namespace AlloIndustrie.Grains.Speech;

/// <summary>
/// At most a given number of syntheses at once (they are CPU-bound); when all are taken, a waiting notice goes
/// before every waiting preview, then each in its order of arrival.
/// </summary>
public sealed class SynthesisGate(int slots)
{
    private readonly Lock @lock = new();
    private readonly LinkedList<TaskCompletionSource> notices = [];
    private readonly LinkedList<TaskCompletionSource> previews = [];
    private int free = slots;

    public async Task Enter(SpeechPriority priority, CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        LinkedListNode<TaskCompletionSource> node;
        lock (@lock)
        {
            if (free > 0)
            {
                free--;
                return;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            node = (priority == SpeechPriority.Notice ? notices : previews).AddLast(waiter);
        }

        using var registration = cancellationToken.Register(() =>
        {
            lock (@lock)
            {
                // Only a waiter still queued gives up; one already let in owns its slot and must leave normally.
                if (node.List is { } queue)
                {
                    queue.Remove(node);
                    waiter.TrySetCanceled(cancellationToken);
                }
            }
        });
        await waiter.Task;
    }

    public void Leave()
    {
        TaskCompletionSource? next;
        lock (@lock)
        {
            var queue = notices.Count > 0 ? notices : previews;
            if (queue.First is { } first)
            {
                queue.RemoveFirst();
                next = first.Value;
            }
            else
            {
                free++;
                return;
            }
        }

        next.SetResult();
    }
}
