using AlloIndustrie.Grains.Interfaces.Voice;

namespace AlloIndustrie.WebFront.Voice;

/// <summary>The phone line's routes, as the public contract names them.</summary>
public static class VoiceRoutes
{
    public const string Incoming = "/voice/incoming";
    public const string Menu = "/voice/menu";
    public const string Status = "/voice/status";
    public const string CallOutAnswer = CallOut.AnswerPath;
    public const string CallOutMenu = CallOut.MenuPath;
    public const string CallOutStatus = CallOut.StatusPath;
    public const string Audio = "/audio/{id}/{version:int}.mp3";
    public const string TelephoneAudio = "/audio/{id}/{version:int}.wav";
    public const string Simulator = "/simulator";
}
