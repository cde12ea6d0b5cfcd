-- Reminders for Orleans' ADO.NET reminder table.
--
-- GrainHash is Orleans' uniform hash of the grain id cast to a signed 32-bit integer; the
-- reminder service reads ring ranges by it. Period is in milliseconds. StartTime is stored
-- as the text Microsoft.Data.Sqlite writes for a DateTime (always UTC here).
CREATE TABLE IF NOT EXISTS OrleansRemindersTable
(
    ServiceId    TEXT    NOT NULL,
    GrainId      TEXT    NOT NULL,
    ReminderName TEXT    NOT NULL,
    StartTime    TEXT    NOT NULL,
    Period       INTEGER NOT NULL,
    GrainHash    INTEGER NOT NULL,
    Version      INTEGER NOT NULL,
    PRIMARY KEY (ServiceId, GrainId, ReminderName)
) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS IX_OrleansRemindersTable_GrainHash
    ON OrleansRemindersTable (ServiceId, GrainHash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'ReadReminderRowsKey', '
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
        AND GrainId = @GrainId;'
),
(
    'ReadReminderRowKey', '
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
        AND GrainId = @GrainId
        AND ReminderName = @ReminderName;'
),
(
    -- The ring range (BeginHash, EndHash] does not wrap around.
    'ReadRangeRows1Key', '
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
        AND GrainHash > @BeginHash
        AND GrainHash <= @EndHash;'
),
(
    -- The ring range (BeginHash, EndHash] wraps around the end of the hash space.
    'ReadRangeRows2Key', '
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
        AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);'
),
(
    'UpsertReminderRowKey', '
    INSERT INTO OrleansRemindersTable
        (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
    VALUES
        (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 1)
    ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
    SET StartTime = excluded.StartTime,
        Period = excluded.Period,
        GrainHash = excluded.GrainHash,
        Version = Version + 1
    RETURNING Version;'
),
(
    -- Orleans expects exactly one boolean row; DELETE ... RETURNING yields none when nothing
    -- matched, so the outcome is read from the connection-local changes() counter instead.
    'DeleteReminderRowKey', '
    DELETE FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
        AND GrainId = @GrainId
        AND ReminderName = @ReminderName
        AND Version = @Version;

    SELECT changes() > 0;'
),
(
    'DeleteReminderRowsKey', '
    DELETE FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId;'
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
