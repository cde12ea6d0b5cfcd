namespace AlloIndustrie.Tests.Storage;

public interface IOtherProbeGrain : IGrainWithStringKey
{
    Task<ProbeState> GetAsync();

    Task SetAsync(ProbeState state);
}
