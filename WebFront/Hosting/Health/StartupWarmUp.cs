namespace AlloIndustrie.WebFront.Hosting.Health;

/// <summary>
/// Whether the node has rendered its public pages once since it started (<c>PageWarmer</c>), successfully or not:
/// until then <c>/healthz</c> answers 503, so that a balancer, or the next machine of a rolling upgrade, waits for
/// a node that answers its first readers at once instead of compiling the pages while they wait.
/// </summary>
public sealed class StartupWarmUp
{
    private volatile bool done;

    public bool Done => done;

    public void Finished() => done = true;
}
