using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlloIndustrie.Grains.Speech;

/// <summary>
/// espeak-ng's French voice, resampled to mono narrow band and normalised by sox, encoded by lame for the
/// web and by sox as 8 kHz µ-law for the phone line.
/// The tools run with argument lists, never through a shell, each under a timeout, in a private
/// temporary folder removed afterwards.
/// </summary>
public sealed class EspeakSpeechSynthesizer(IOptions<SpeechOptions> options, ILogger<EspeakSpeechSynthesizer> logger)
    : ISpeechSynthesizer
{
    private const int MaxCapturedOutput = 4000;
    private readonly SpeechOptions options = options.Value;
    private readonly SynthesisGate gate = new(options.Value.MaxConcurrency);

    public async Task<SynthesizedSpeech> Synthesize(string text, SpeechPriority priority, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);

        await gate.Enter(priority, cancellationToken);
        DirectoryInfo? folder = null;
        try
        {
            folder = options.TemporaryDirectory is { Length: > 0 } parent
                ? Directory.CreateDirectory(Path.Combine(parent, "allo-speech-" + Guid.NewGuid().ToString("N")))
                : Directory.CreateTempSubdirectory("allo-speech-");
            var textFile = Path.Combine(folder.FullName, "text.txt");
            var rawWave = Path.Combine(folder.FullName, "speech.wav");
            var phoneWave = Path.Combine(folder.FullName, "phone.wav");
            var mp3 = Path.Combine(folder.FullName, "speech.mp3");
            var telephone = Path.Combine(folder.FullName, "telephone.wav");

            // Text goes through a file: no argument-length limit, and a text starting with '-' is no option.
            await File.WriteAllTextAsync(textFile, text, new UTF8Encoding(false), cancellationToken);

            await Run(options.EspeakPath,
                ["-v", options.Voice, "-s", Invariant(options.WordsPerMinute), "-b", "1", "-f", textFile, "-w", rawWave],
                cancellationToken);
            await Run(options.SoxPath,
                [rawWave, "-r", Invariant(options.SampleRate), "-c", "1", phoneWave, "norm", "-3"],
                cancellationToken);
            await Run(options.LamePath,
                ["--quiet", "-m", "m", "-b", Invariant(options.BitrateKbps), "-q", Invariant(options.LameQuality), phoneWave, mp3],
                cancellationToken);

            // What the phone network carries (G.711 µ-law at 8 kHz): Twilio plays it without transcoding.
            await Run(options.SoxPath,
                [phoneWave, "-r", "8000", "-c", "1", "-e", "mu-law", "-b", "8", telephone],
                cancellationToken);

            return new SynthesizedSpeech(
                await File.ReadAllBytesAsync(mp3, cancellationToken),
                await WaveDuration.Of(phoneWave, cancellationToken),
                await File.ReadAllBytesAsync(telephone, cancellationToken));
        }
        finally
        {
            gate.Leave();
            Remove(folder);
        }
    }

    private void Remove(DirectoryInfo? folder)
    {
        try
        {
            folder?.Delete(recursive: true);
        }
        catch (IOException ex)
        {
            logger.LogWarning(ex, "Could not remove the synthesis folder {Folder}", folder?.FullName);
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Runs one tool to completion and returns its standard output.</summary>
    private async Task<string> Run(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ProcessTimeout);

        // Both streams are drained concurrently, or a chatty tool would block on a full pipe.
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            await Task.WhenAll(output, error);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new TimeoutException($"{fileName} did not finish within {options.ProcessTimeout}.");
        }

        if (process.ExitCode != 0)
        {
            var message = error.Result.Length > MaxCapturedOutput ? error.Result[..MaxCapturedOutput] : error.Result;
            throw new InvalidOperationException($"{fileName} failed with exit code {process.ExitCode}: {message.Trim()}");
        }

        return output.Result;
    }
}
