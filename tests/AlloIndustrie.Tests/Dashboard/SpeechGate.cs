namespace AlloIndustrie.Tests.Dashboard;

/// <summary>
/// The real espeak-ng behind a gate the tests can close: the service runs a script that waits while the gate's file
/// exists, then runs espeak-ng with the same arguments. A test that must see a notice before its audio exists closes
/// the gate rather than hoping the synthesis is slower than the browser.
/// </summary>
public sealed class SpeechGate : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("allo-speech-gate-").FullName;

    public SpeechGate()
    {
        File.WriteAllText(EspeakPath, $"""
            #!/bin/sh
            while [ -e '{Closed}' ]; do sleep 0.05; done
            exec espeak-ng "$@"
            """);
        // The service runs on Linux only (espeak-ng, lame and sox from Debian); the guard is for the analyser.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(EspeakPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>What <c>Allo:Speech:EspeakPath</c> names.</summary>
    public string EspeakPath => Path.Combine(folder, "espeak-ng");

    private string Closed => Path.Combine(folder, "closed");

    /// <summary>Holds every synthesis until the returned value is disposed.</summary>
    public IDisposable Close()
    {
        File.WriteAllText(Closed, "");
        return new Opening(Closed);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private sealed class Opening(string closed) : IDisposable
    {
        public void Dispose() => File.Delete(closed);
    }
}
