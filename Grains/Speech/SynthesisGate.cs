namespace AlloIndustrie.Grains.Speech;

/// <summary>
/// At most a given number of syntheses at once (they are CPU-bound); when all are taken, a waiting notice goes
/// before every waiting preview, then each in its order of arrival.
/// </summary>
public sealed class SynthesisGate(int slots)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<TaskCompletionSource> _notices = [];
    private readonly LinkedList<TaskCompletionSource> _previews = [];
    private int _free = slots;

    public async Task Enter(SpeechPriority priority, CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        LinkedListNode<TaskCompletionSource> node;
        lock (_lock)
        {
            if (_free > 0)
            {
                _free--;
                return;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            node = (priority == SpeechPriority.Notice ? _notices : _previews).AddLast(waiter);
        }

        using var registration = cancellationToken.Register(() =>
        {
            lock (_lock)
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
        lock (_lock)
        {
            var queue = _notices.Count > 0 ? _notices : _previews;
            if (queue.First is { } first)
            {
                queue.RemoveFirst();
                next = first.Value;
            }
            else
            {
                _free++;
                return;
            }
        }

        next.SetResult();
    }
}
