namespace AlloIndustrie.Grains.Voice;

internal static class ReminderExtensions
{
    public static async Task UnregisterReminderIfAny(this Grain grain, string name)
    {
        if (await grain.GetReminder(name) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }
}
