-- Grain state for Orleans' ADO.NET grain storage provider.
-- Run inside a transaction: see PostgreSql.01.OrleansQuery.sql.
--
-- Orleans passes the state name as GrainTypeString (not the grain class), and the grain key
-- split into GrainIdN0/GrainIdN1 (integer and Guid keys) and GrainIdExtensionString (string
-- keys and key extensions). The full identity is the primary key, so the hash parameters
-- Orleans also sends are not needed. Orleans treats an empty key extension as no extension,
-- hence NULL is stored as ''.
SELECT pg_advisory_xact_lock(hashtext('alloindustrie-schema'));

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    ServiceId              text        NOT NULL,
    GrainTypeString        text        NOT NULL,
    GrainIdN0              bigint      NOT NULL,
    GrainIdN1              bigint      NOT NULL,
    GrainIdExtensionString text        NOT NULL,
    PayloadBinary          bytea       NULL,
    Version                integer     NOT NULL,
    ModifiedOn             timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT PK_OrleansStorage PRIMARY KEY (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'ReadFromStorageKey', $query$
    SELECT PayloadBinary, Version
    FROM OrleansStorage
    WHERE ServiceId = @ServiceId
        AND GrainTypeString = @GrainTypeString
        AND GrainIdN0 = @GrainIdN0
        AND GrainIdN1 = @GrainIdN1
        AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '');
    $query$
),
(
    -- Returns the new version, or no row at all for a version conflict (Orleans reads "no row"
    -- as a conflict whether or not the grain had an ETag). A grain that has an ETag may only
    -- update that version and must never re-create a deleted row, hence the EXISTS guard; a
    -- grain without one may only insert.
    'WriteToStorageKey', $query$
    INSERT INTO OrleansStorage
        (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, PayloadBinary, Version)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, COALESCE(@GrainIdExtensionString, ''), @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
        OR EXISTS (
            SELECT 1 FROM OrleansStorage
            WHERE ServiceId = @ServiceId
                AND GrainTypeString = @GrainTypeString
                AND GrainIdN0 = @GrainIdN0
                AND GrainIdN1 = @GrainIdN1
                AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, ''))
    ON CONFLICT ON CONSTRAINT PK_OrleansStorage DO UPDATE
    SET PayloadBinary = excluded.PayloadBinary,
        Version = OrleansStorage.Version + 1,
        ModifiedOn = now()
    WHERE OrleansStorage.Version = @GrainStateVersion
    RETURNING Version AS NewGrainStateVersion;
    $query$
),
(
    -- Keeps the row with a bumped version so that a stale activation still conflicts.
    -- No row back means a version conflict.
    'ClearStorageKey', $query$
    UPDATE OrleansStorage
    SET PayloadBinary = NULL,
        Version = Version + 1,
        ModifiedOn = now()
    WHERE ServiceId = @ServiceId
        AND GrainTypeString = @GrainTypeString
        AND GrainIdN0 = @GrainIdN0
        AND GrainIdN1 = @GrainIdN1
        AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '')
        AND Version = @GrainStateVersion
    RETURNING Version AS NewGrainStateVersion;
    $query$
),
(
    -- Used when DeleteStateOnClear is set. Orleans treats a returned version equal to the
    -- grain ETag as a conflict, so a successful delete returns the next version.
    'DeleteStorageKey', $query$
    DELETE FROM OrleansStorage
    WHERE ServiceId = @ServiceId
        AND GrainTypeString = @GrainTypeString
        AND GrainIdN0 = @GrainIdN0
        AND GrainIdN1 = @GrainIdN1
        AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '')
        AND Version = @GrainStateVersion
    RETURNING Version + 1 AS NewGrainStateVersion;
    $query$
)
ON CONFLICT ON CONSTRAINT PK_OrleansQuery DO UPDATE SET QueryText = excluded.QueryText;
