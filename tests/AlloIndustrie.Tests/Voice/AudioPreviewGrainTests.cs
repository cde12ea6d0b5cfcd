using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Voice;
using AlloIndustrie.Grains.Speech;
using AlloIndustrie.Tests.Grains;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace AlloIndustrie.Tests.Voice;

/// <summary>
/// The audio preview of a draft on an in-process cluster with the real espeak-ng, sox and lame: a real MP3,
/// read with the territory's lexicon, from the very text the published notice's recording is made of.
/// </summary>
public sealed class AudioPreviewGrainTests : IAsyncLifetime
{
    private const string Territory = "test-apercu";
    private const string Site = "usine";
    private readonly RecordingSynthesizer synthesizer = new();
    private GrainTestCluster test = null!;

    private IGrainFactory Grains => test.Grains;

    public async Task InitializeAsync()
    {
        test = await SpeechTestCluster.Start(synthesizer, Territory, Site);
        await Grains.GetGrain<IPronunciationLexiconGrain>(Territory).SetEntry("Chimie de test", "Chimie deu tèste");
    }

    public async Task DisposeAsync()
    {
        await test.DisposeAsync();
    }

    [Fact]
    public async Task A_draft_is_read_as_the_phone_line_will_read_it_into_a_real_mp3()
    {
        var preview = Preview();
        Assert.True(await preview.Synthesize(Draft(), CancellationToken.None));
        var previewText = synthesizer.Texts.Single();
        Assert.Contains("\nChimie deu tèste, site Usine de test.\n", previewText);
        Assert.Contains("P O I", previewText);

        var mp3 = await preview.GetMp3();
        Assert.NotNull(mp3);
        Assert.True(StartsLikeMp3(mp3), $"Not an MP3: {Convert.ToHexString(mp3.AsSpan(0, Math.Min(4, mp3.Length)))}");
        var (seconds, rate, channels) = await AudioProbe.Measure(mp3);
        Assert.InRange(seconds, 3, 60);
        Assert.Equal((16000, 1), (rate, channels));

        // Asked again (a retried request), the grain answers from memory without synthesising twice.
        Assert.True(await preview.Synthesize(Draft(), CancellationToken.None));
        Assert.Single(synthesizer.Texts);

        // Published as it stands, the same draft is recorded for the phone line from the very same text.
        var published = await Grains.GetGrain<ISiteGrain>(SiteKey.Of(Territory, Site)).Publish(new NoticeDraft(
            "siren", ["noise"], "Essai du POI", "Essai des sirènes du plan d’opération interne.", null, true, null, null, null));
        Assert.NotNull(published.Notice);
        await GrainTestCluster.Eventually(async () => (await Grains.GetGrain<INoticeGrain>(published.Notice.Id).Get())!.AudioUrl is not null);
        Assert.Equal(previewText, synthesizer.Texts[^1]);
    }

    [Fact]
    public async Task A_failed_synthesis_is_said_and_leaves_no_recording()
    {
        synthesizer.Fail = true;
        var preview = Preview();

        Assert.False(await preview.Synthesize(Draft(), CancellationToken.None));
        Assert.Null(await preview.GetMp3());
    }

    [Fact]
    public async Task A_preview_never_made_has_no_recording()
    {
        Assert.Null(await Preview().GetMp3());
        Assert.Empty(synthesizer.Texts);
    }

    private IAudioPreviewGrain Preview() =>
        Grains.GetGrain<IAudioPreviewGrain>(AudioPreviewKey.Of(Territory, Site, Identifiers.NewRandomId()));

    /// <summary>A draft as the publish form shows it before publishing: no id, no version.</summary>
    private NoticeSnapshot Draft()
    {
        var now = test.Clock.GetUtcNow();
        return new NoticeSnapshot(
            "apercu", Territory, Site, "Usine de test", "Chimie de test", "siren", ["noise"], "Essai du POI",
            "Essai des sirènes du plan d’opération interne.", null, true, NoticeStatus.Active, now, null, now, null,
            now + NoticeRules.DefaultRetention, [], 0, null, now, null);
    }

    private static bool StartsLikeMp3(byte[] bytes) =>
        bytes.Length > 3 && (bytes.AsSpan(0, 3).SequenceEqual("ID3"u8) || (bytes[0] == 0xFF && (bytes[1] & 0xE0) == 0xE0));

    /// <summary>The real synthesiser, keeping the texts it was given, or failing on demand.</summary>
    private sealed class RecordingSynthesizer : ISpeechSynthesizer
    {
        private readonly EspeakSpeechSynthesizer espeak = new(Options.Create(new SpeechOptions()), NullLogger<EspeakSpeechSynthesizer>.Instance);
        private readonly List<string> texts = [];

        public bool Fail { get; set; }

        public IReadOnlyList<string> Texts
        {
            get
            {
                lock (texts)
                {
                    return [.. texts];
                }
            }
        }

        public Task<SynthesizedSpeech> Synthesize(string text, SpeechPriority priority, CancellationToken cancellationToken)
        {
            if (Fail)
            {
                throw new InvalidOperationException("espeak-ng est en panne.");
            }

            lock (texts)
            {
                texts.Add(text);
            }

            return espeak.Synthesize(text, priority, cancellationToken);
        }

    }
}
