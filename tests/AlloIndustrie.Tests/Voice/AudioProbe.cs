using System.Diagnostics;
using System.Globalization;

namespace AlloIndustrie.Tests.Voice;

/// <summary>Measures a recording with sox's soxi, independently of the code that made it.</summary>
public static class AudioProbe
{
    public static async Task<(double Seconds, int SampleRate, int Channels)> Measure(byte[] audio, string extension = "mp3")
    {
        var (seconds, rate, channels, _) = await MeasureWithEncoding(audio, extension);
        return (seconds, rate, channels);
    }

    /// <summary>Also the sample encoding as soxi names it ("u-law", "MPEG audio (layer I, II or III)"…).</summary>
    public static async Task<(double Seconds, int SampleRate, int Channels, string Encoding)> MeasureWithEncoding(byte[] audio, string extension)
    {
        var file = Path.Combine(Path.GetTempPath(), $"allo-probe-{Guid.NewGuid():N}.{extension}");
        await File.WriteAllBytesAsync(file, audio);
        try
        {
            var seconds = double.Parse(await Soxi("-D", file), CultureInfo.InvariantCulture);
            var rate = int.Parse(await Soxi("-r", file), CultureInfo.InvariantCulture);
            var channels = int.Parse(await Soxi("-c", file), CultureInfo.InvariantCulture);
            return (seconds, rate, channels, await Soxi("-e", file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> Soxi(string option, string file)
    {
        using var process = Process.Start(new ProcessStartInfo("soxi", [option, file])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output.Trim() : throw new InvalidOperationException($"soxi {option} failed: {error}");
    }
}
