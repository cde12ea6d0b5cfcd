-- Grain state for Orleans' ADO.NET grain storage provider.
--
-- Orleans passes the state name as GrainTypeString (not the grain class), and the grain key
-- split into GrainIdN0/GrainIdN1 (integer and Guid keys) and GrainIdExtensionString (string
-- keys and key extensions). The full identity is the primary key, so the hash parameters
-- Orleans also sends are not needed. Orleans treats an empty key extension as no extension,
-- hence NULL is stored as ''.
--
-- Inside the query texts below, '''' is an escaped empty string literal.
CREATE TABLE IF NOT EXISTS OrleansStorage
(
    ServiceId              TEXT    NOT NULL,
    GrainTypeString        TEXT    NOT NULL,
    GrainIdN0              INTEGER NOT NULL,
    GrainIdN1              INTEGER NOT NULL,
    GrainIdExtensionString TEXT    NOT NULL,
    PayloadBinary          BLOB    NULL,
    Version                INTEGER NOT NULL,
    ModifiedOn             TEXT    NOT NULL,
    PRIMARY KEY (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
) WITHOUT ROWID;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'ReadFromStorageKey', '
    SELECT PayloadBinary, Version
    FROM OrleansStorage
    WHERE ServiceId = @ServiceId
        AND GrainTypeString = @GrainTypeString
        AND GrainIdN0 = @GrainIdN0
        AND GrainIdN1 = @GrainIdN1
        AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '''');'
),
(
    -- Returns the new version, or no row at all for a version conflict (Orleans reads "no row"
    -- as a conflict whether or not the grain had an ETag). A grain that has an ETag may only
    -- update that version and must never re-create a deleted row, hence the EXISTS guard; a
    -- grain without one may only insert.
    'WriteToStorageKey', '
    INSERT INTO OrleansStorage
        (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, PayloadBinary, Version, ModifiedOn)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, COALESCE(@GrainIdExtensionString, ''''), @PayloadBinary, 1, CURRENT_TIMESTAMP
    WHERE @GrainStateVersion IS NULL
        OR EXISTS (
            SELECT 1 FROM OrleansStorage
            WHERE ServiceId = @ServiceId
                AND GrainTypeString = @GrainTypeString
                AND GrainIdN0 = @GrainIdN0
                AND GrainIdN1 = @GrainIdN1
                AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, ''''))
    ON CONFLICT (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString) DO UPDATE
    SET PayloadBinary = excluded.PayloadBinary,
        Version = Version + 1,
        ModifiedOn = excluded.ModifiedOn
    WHERE Version = @GrainStateVersion
    RETURNING Version AS NewGrainStateVersion;'
),
(
    -- Keeps the row with a bumped version so that a stale activation still conflicts.
    -- No row back means a version conflict.
    'ClearStorageKey', '
    UPDATE OrleansStorage
    SET PayloadBinary = NULL,
        Version = Version + 1,
        ModifiedOn = CURRENT_TIMESTAMP
    WHERE ServiceId = @ServiceId
        AND GrainTypeString = @GrainTypeString
        AND GrainIdN0 = @GrainIdN0
        AND GrainIdN1 = @GrainIdN1
        AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '''')
        AND Version = @GrainStateVersion
    RETURNING Version AS NewGrainStateVersion;'
),
(
    -- Used when DeleteStateOnClear is set. Orleans treats a returned version equal to the
    -- grain ETag as a conflict, so a successful delete returns the next version.
    'DeleteStorageKey', '
    DELETE FROM OrleansStorage
    WHERE ServiceId = @ServiceId
        AND GrainTypeString = @GrainTypeString
        AND GrainIdN0 = @GrainIdN0
        AND GrainIdN1 = @GrainIdN1
        AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '''')
        AND Version = @GrainStateVersion
    RETURNING Version + 1 AS NewGrainStateVersion;'
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
