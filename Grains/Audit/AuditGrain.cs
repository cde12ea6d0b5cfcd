using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Audit;

namespace AlloIndustrie.Grains.Audit;

public sealed class AuditGrain(
    [PersistentState("audit", StorageNames.Grains)] IPersistentState<AuditState> state) : Grain, IAuditGrain
{
    private const int MaxFieldLength = 4000;

    public async Task Append(AuditEntry entry)
    {
        // A caller could send any size; the trail keeps enough to read, not a copy of a whole payload.
        state.State.Entries.Add(entry with { Before = Clip(entry.Before), After = Clip(entry.After) });
        await state.WriteStateAsync();
    }

    public Task<ImmutableArray<AuditEntry>> List() =>
        Task.FromResult(state.State.Entries.AsEnumerable().Reverse().ToImmutableArray());

    private static string? Clip(string? text) => text is { Length: > MaxFieldLength } ? text[..MaxFieldLength] + "…" : text;
}
