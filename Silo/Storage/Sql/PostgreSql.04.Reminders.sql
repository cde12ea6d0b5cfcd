-- Reminders for Orleans' ADO.NET reminder table.
-- Run inside a transaction: see PostgreSql.01.OrleansQuery.sql.
--
-- GrainHash is Orleans' uniform hash of the grain id cast to a signed 32-bit integer; the
-- reminder service reads ring ranges by it. Period is in milliseconds.
SELECT pg_advisory_xact_lock(hashtext('alloindustrie-schema'));

CREATE TABLE IF NOT EXISTS OrleansRemindersTable
(
    ServiceId    text        NOT NULL,
    GrainId      text        NOT NULL,
    ReminderName text        NOT NULL,
    StartTime    timestamptz NOT NULL,
    Period       bigint      NOT NULL,
    GrainHash    integer     NOT NULL,
    Version      integer     NOT NULL,
    CONSTRAINT PK_OrleansRemindersTable PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

CREATE INDEX IF NOT EXISTS IX_OrleansRemindersTable_GrainHash
    ON OrleansRemindersTable (ServiceId, GrainHash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'ReadReminderRowsKey', $query$
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
        AND GrainId = @GrainId;
    $query$
),
(
    'ReadReminderRowKey', $query$
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
        AND GrainId = @GrainId
        AND ReminderName = @ReminderName;
    $query$
),
(
    -- The ring range (BeginHash, EndHash] does not wrap around.
    'ReadRangeRows1Key', $query$
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
        AND GrainHash > @BeginHash
        AND GrainHash <= @EndHash;
    $query$
),
(
    -- The ring range (BeginHash, EndHash] wraps around the end of the hash space.
    'ReadRangeRows2Key', $query$
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
        AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);
    $query$
),
(
    'UpsertReminderRowKey', $query$
    INSERT INTO OrleansRemindersTable
        (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
    VALUES
        (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 1)
    ON CONFLICT ON CONSTRAINT PK_OrleansRemindersTable DO UPDATE
    SET StartTime = excluded.StartTime,
        Period = excluded.Period,
        GrainHash = excluded.GrainHash,
        Version = OrleansRemindersTable.Version + 1
    RETURNING Version;
    $query$
),
(
    -- Orleans expects exactly one boolean row.
    'DeleteReminderRowKey', $query$
    WITH deleted AS (
        DELETE FROM OrleansRemindersTable
        WHERE ServiceId = @ServiceId
            AND GrainId = @GrainId
            AND ReminderName = @ReminderName
            AND Version = @Version
        RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM deleted);
    $query$
),
(
    'DeleteReminderRowsKey', $query$
    DELETE FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId;
    $query$
)
ON CONFLICT ON CONSTRAINT PK_OrleansQuery DO UPDATE SET QueryText = excluded.QueryText;
