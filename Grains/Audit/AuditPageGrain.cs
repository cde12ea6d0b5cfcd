using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Audit;

namespace AlloIndustrie.Grains.Audit;

public sealed class AuditPageGrain(
    [PersistentState("auditPage", StorageNames.Grains)] IPersistentState<AuditPageState> state) : Grain, IAuditPageGrain
{
    public async Task<bool> Add(AuditEntry entry)
    {
        var entries = state.State.Entries;
        var repeated = Repeated(entries, entry);
        if (repeated >= 0)
        {
            var first = entries[repeated];
            entries[repeated] = first with { Repeats = first.Repeats + 1 + entry.Repeats, LastAt = entry.LastAt ?? entry.At };
        }
        else
        {
            entries.Add(entry);
        }

        await state.WriteStateAsync();
        return entries.Count >= AuditLimits.EntriesPerPage;
    }

    public Task<ImmutableArray<AuditEntry>> List() => Task.FromResult(state.State.Entries.ToImmutableArray());

    private static int Repeated(List<AuditEntry> entries, AuditEntry entry)
    {
        for (var i = entries.Count - 1; i >= Math.Max(0, entries.Count - AuditLimits.RepeatLookBack); i--)
        {
            var candidate = entries[i];
            if (candidate.SameRefusalAs(entry) && entry.At - (candidate.LastAt ?? candidate.At) <= AuditLimits.RepeatWindow)
            {
                return i;
            }
        }

        return -1;
    }
}
