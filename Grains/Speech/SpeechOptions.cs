namespace AlloIndustrie.Grains.Speech;

/// <summary>
/// Settings of the espeak-ng synthesiser (configuration section <c>Allo:Speech</c>). The defaults suit a
/// phone line: a French voice a little slower than espeak's default, for older listeners, in narrow-band
/// mono MP3 that stays small.
/// </summary>
public sealed class SpeechOptions
{
    public const string Section = "Allo:Speech";

    public string EspeakPath { get; set; } = "espeak-ng";

    public string SoxPath { get; set; } = "sox";

    public string LamePath { get; set; } = "lame";

    public string Voice { get; set; } = "fr";

    public int WordsPerMinute { get; set; } = 150;

    public int SampleRate { get; set; } = 16000;

    public int BitrateKbps { get; set; } = 24;

    /// <summary>
    /// lame's algorithm quality, 0 (best, slowest) to 9. 7 takes half the CPU of lame's default, the largest
    /// part of a synthesis (bench/CHANGES.md), with little left to gain for 24 kb/s narrow-band speech.
    /// </summary>
    public int LameQuality { get; set; } = 7;

    /// <summary>Where the intermediate files go (a tmpfs suits); unset, the system's temporary folder.</summary>
    public string? TemporaryDirectory { get; set; }

    public TimeSpan ProcessTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many notices are synthesised at once on one silo; synthesis is CPU-bound.</summary>
    public int MaxConcurrency { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);
}
