using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Voice;
using AlloIndustrie.Grains.Speech;
using AlloIndustrie.Grains.Voice;
using AlloIndustrie.Tests.Grains;
using Xunit;

namespace AlloIndustrie.Tests.Voice;

/// <summary>
/// The notice's audio grain on an in-process cluster whose clock is fake, with a synthesiser that fails on
/// demand: retries with back-off, the notice's audio URL, and the recordings' removal.
/// </summary>
public sealed class NoticeAudioGrainTests : IAsyncLifetime
{
    private const string Territory = "test-voix";
    private const string Site = "usine";
    private readonly ScriptedSynthesizer synthesizer = new();
    private GrainTestCluster test = null!;

    private IGrainFactory Grains => test.Grains;

    public async Task InitializeAsync()
    {
        test = await SpeechTestCluster.Start(synthesizer, Territory, Site);
    }

    public async Task DisposeAsync() => await test.DisposeAsync();

    [Fact]
    public async Task A_failed_synthesis_is_retried_with_back_off_then_sets_the_audio_url()
    {
        synthesizer.FailuresLeft = 2;
        var notice = await Publish();
        var audio = Grains.GetGrain<INoticeAudioGrain>(notice.Id);

        await GrainTestCluster.Eventually(async () => (await audio.GetStatus()).FailedAttempts == 1);
        Assert.Equal("espeak-ng est en panne.", (await audio.GetStatus()).LastError);
        Assert.Null((await Grains.GetGrain<INoticeGrain>(notice.Id).Get())!.AudioUrl);

        await test.AdvanceUntil(NoticeAudioGrain.FirstRetryDelay, async () => (await audio.GetStatus()).FailedAttempts == 2);
        await test.AdvanceUntil(NoticeAudioGrain.RetryDelay(2), async () => (await Grains.GetGrain<INoticeGrain>(notice.Id).Get())!.AudioUrl is not null);

        Assert.Equal($"/audio/{notice.Id}/1.mp3", (await Grains.GetGrain<INoticeGrain>(notice.Id).Get())!.AudioUrl);
        var status = await audio.GetStatus();
        Assert.Equal((1, 0, null), (status.WantedVersion, status.FailedAttempts, status.LastError));
        Assert.Equal(new[] { 1 }, status.ReadyVersions.AsEnumerable());
        Assert.Equal(3, synthesizer.Calls);
        Assert.Equal(ScriptedSynthesizer.Mp3, (await Clip(notice.Id, 1).Get())!.Mp3);
    }

    [Fact]
    public async Task Synthesis_gives_up_after_the_last_attempt_until_the_notice_changes()
    {
        synthesizer.FailuresLeft = int.MaxValue;
        var notice = await Publish();
        var grain = Grains.GetGrain<INoticeGrain>(notice.Id);
        var audio = Grains.GetGrain<INoticeAudioGrain>(notice.Id);
        await GrainTestCluster.Eventually(async () => (await audio.GetStatus()).FailedAttempts == 1);

        for (var attempt = 1; attempt < NoticeAudioGrain.MaxAttempts; attempt++)
        {
            var next = attempt + 1;
            await test.AdvanceUntil(NoticeAudioGrain.RetryDelay(attempt), async () => (await audio.GetStatus()).FailedAttempts == next);
        }

        // The fake clock fires a timer due by then inside Advance, which queues its turn on the grain: the grain
        // answers the next call only once that turn is over.
        test.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(NoticeAudioGrain.MaxAttempts, (await audio.GetStatus()).FailedAttempts);
        Assert.Equal(NoticeAudioGrain.MaxAttempts, synthesizer.Calls);
        Assert.Null((await grain.Get())!.AudioUrl);

        synthesizer.FailuresLeft = 0;
        await grain.AddUpdate("Nouvelle information.");
        await GrainTestCluster.Eventually(async () => (await grain.Get())!.AudioUrl == $"/audio/{notice.Id}/2.mp3");
        Assert.Equal(0, (await audio.GetStatus()).FailedAttempts);
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(7, 320)]
    [InlineData(8, 600)]
    [InlineData(40, 600)]
    public void Retries_wait_longer_each_time(int failedAttempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), NoticeAudioGrain.RetryDelay(failedAttempts));

    [Fact]
    public async Task Each_version_gets_its_recording_and_all_go_when_the_notice_is_withdrawn()
    {
        var notice = await Publish();
        var grain = Grains.GetGrain<INoticeGrain>(notice.Id);
        await GrainTestCluster.Eventually(async () => (await grain.Get())!.AudioUrl is not null);

        await grain.AddUpdate("La situation évolue.");
        await GrainTestCluster.Eventually(async () => (await grain.Get())!.AudioUrl == $"/audio/{notice.Id}/2.mp3");
        Assert.NotNull(await Clip(notice.Id, 1).Get());
        Assert.NotNull(await Clip(notice.Id, 2).Get());
        Assert.Contains("La situation évolue.", synthesizer.LastText);

        await grain.Withdraw("Erreur de saisie.");
        await GrainTestCluster.Eventually(async () => await Clip(notice.Id, 1).Get() is null && await Clip(notice.Id, 2).Get() is null);
        var status = await Grains.GetGrain<INoticeAudioGrain>(notice.Id).GetStatus();
        Assert.Equal(0, status.WantedVersion);
        Assert.Empty(status.ReadyVersions);
    }

    [Fact]
    public async Task The_territorys_lexicon_applies_to_the_text_synthesised()
    {
        await Grains.GetGrain<IPronunciationLexiconGrain>(Territory).SetEntry("Chimie de test", "Chimie deu tèste");
        var notice = await Publish();

        await GrainTestCluster.Eventually(async () => (await Grains.GetGrain<INoticeGrain>(notice.Id).Get())!.AudioUrl is not null);
        Assert.Contains("\nChimie deu tèste, site Usine de test.\n", synthesizer.LastText);
        Assert.Contains("P O I", synthesizer.LastText);
    }

    private INoticeAudioClipGrain Clip(string id, int version) =>
        Grains.GetGrain<INoticeAudioClipGrain>(NoticeAudioUrl.ClipKey(id, version));

    private async Task<NoticeSnapshot> Publish()
    {
        var result = await Grains.GetGrain<ISiteGrain>(SiteKey.Of(Territory, Site)).Publish(new NoticeDraft(
            "siren", ["noise"], "Essai du POI", "Essai des sirènes du plan d’opération interne.", null, true, null, null, null));
        return result.Notice ?? throw new InvalidOperationException(result.Error?.Title);
    }

    private sealed class ScriptedSynthesizer : ISpeechSynthesizer
    {
        public static readonly byte[] Mp3 = [0xFF, 0xF3, 0x44, 0xC4];

        public int FailuresLeft { get; set; }

        public int Calls { get; private set; }

        public string LastText { get; private set; } = "";

        public Task<SynthesizedSpeech> Synthesize(string text, SpeechPriority priority, CancellationToken cancellationToken)
        {
            Calls++;
            LastText = text;
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new InvalidOperationException("espeak-ng est en panne.");
            }

            return Task.FromResult(new SynthesizedSpeech(Mp3, TimeSpan.FromSeconds(1), Mp3));
        }
    }
}
