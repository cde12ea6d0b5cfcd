namespace AlloIndustrie.Grains.Speech;

/// <summary>A synthesised recording: MP3 bytes for the web, the same speech as 8 kHz µ-law WAV for the phone, and how long they play.</summary>
public sealed record SynthesizedSpeech(byte[] Mp3, TimeSpan Duration, byte[] TelephoneWav);
