using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Audit;

namespace AlloIndustrie.Grains.Audit;

public sealed class AuditGrain(
    [PersistentState("audit", StorageNames.Grains)] IPersistentState<AuditState> state) : Grain, IAuditGrain
{
    public async Task Append(AuditEntry entry)
    {
        if (state.State.Pages == 0)
        {
            await OpenPage();
        }

        if (await CurrentPage().Add(AuditLimits.Clip(entry)))
        {
            await OpenPage();
        }
    }

    public async Task<ImmutableArray<AuditEntry>> List()
    {
        var pages = await Task.WhenAll(Enumerable.Range(0, state.State.Pages).Select(n => Page(n).List()));
        return [.. state.State.Entries.Concat(pages.SelectMany(page => page)).Reverse()];
    }

    // Written before the page is used, so that a crash never leaves entries on a page the month does not count.
    private async Task OpenPage()
    {
        state.State.Pages++;
        await state.WriteStateAsync();
    }

    private IAuditPageGrain CurrentPage() => Page(state.State.Pages - 1);

    private IAuditPageGrain Page(int number) => GrainFactory.GetGrain<IAuditPageGrain>(AuditKey.Page(this.GetPrimaryKeyString(), number));
}
