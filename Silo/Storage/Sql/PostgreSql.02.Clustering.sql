-- Cluster membership for Orleans' ADO.NET clustering provider (silos and clients).
-- Run inside a transaction: see PostgreSql.01.OrleansQuery.sql.
SELECT pg_advisory_xact_lock(hashtext('alloindustrie-schema'));

-- One row per cluster (Orleans calls it DeploymentId). Version is the membership table
-- version: every membership change must bump it, which is how Orleans detects concurrent
-- changes made by other silos.
CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId text        NOT NULL,
    Timestamp    timestamptz NOT NULL DEFAULT now(),
    Version      integer     NOT NULL DEFAULT 0,
    CONSTRAINT PK_OrleansMembershipVersionTable PRIMARY KEY (DeploymentId)
);

-- One row per silo incarnation. SuspectTimes is Orleans' own "address,date|..." encoding.
CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId text        NOT NULL,
    Address      text        NOT NULL,
    Port         integer     NOT NULL,
    Generation   integer     NOT NULL,
    SiloName     text        NOT NULL,
    HostName     text        NOT NULL,
    Status       integer     NOT NULL,
    ProxyPort    integer     NOT NULL,
    SuspectTimes text        NULL,
    StartTime    timestamptz NOT NULL,
    IAmAliveTime timestamptz NOT NULL,
    CONSTRAINT PK_OrleansMembershipTable PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT FK_OrleansMembershipTable_Version FOREIGN KEY (DeploymentId)
        REFERENCES OrleansMembershipVersionTable (DeploymentId) ON DELETE CASCADE
);

-- Every query is a single statement, so it is atomic without an explicit transaction.
-- Insert and update only touch the silo row when the version row was bumped from the
-- version Orleans read (@Version), and they answer with one boolean row as Orleans expects.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'InsertMembershipVersionKey', $query$
    WITH inserted AS (
        INSERT INTO OrleansMembershipVersionTable (DeploymentId)
        VALUES (@DeploymentId)
        ON CONFLICT ON CONSTRAINT PK_OrleansMembershipVersionTable DO NOTHING
        RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM inserted);
    $query$
),
(
    'InsertMembershipKey', $query$
    WITH bumped AS (
        UPDATE OrleansMembershipVersionTable v
        SET Version = v.Version + 1,
            Timestamp = now()
        WHERE v.DeploymentId = @DeploymentId
            AND v.Version = @Version
            AND NOT EXISTS (
                SELECT 1 FROM OrleansMembershipTable m
                WHERE m.DeploymentId = @DeploymentId
                    AND m.Address = @Address
                    AND m.Port = @Port
                    AND m.Generation = @Generation)
        RETURNING v.DeploymentId
    ), inserted AS (
        INSERT INTO OrleansMembershipTable
            (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
        SELECT DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
        FROM bumped
        RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM inserted);
    $query$
),
(
    'UpdateMembershipKey', $query$
    WITH bumped AS (
        UPDATE OrleansMembershipVersionTable v
        SET Version = v.Version + 1,
            Timestamp = now()
        WHERE v.DeploymentId = @DeploymentId
            AND v.Version = @Version
            AND EXISTS (
                SELECT 1 FROM OrleansMembershipTable m
                WHERE m.DeploymentId = @DeploymentId
                    AND m.Address = @Address
                    AND m.Port = @Port
                    AND m.Generation = @Generation)
        RETURNING v.DeploymentId
    ), updated AS (
        UPDATE OrleansMembershipTable m
        SET Status = @Status,
            SuspectTimes = @SuspectTimes,
            IAmAliveTime = @IAmAliveTime
        FROM bumped
        WHERE m.DeploymentId = bumped.DeploymentId
            AND m.Address = @Address
            AND m.Port = @Port
            AND m.Generation = @Generation
        RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM updated);
    $query$
),
(
    -- Orleans ignores the outcome: a heartbeat must not bump the table version.
    'UpdateIAmAlivetimeKey', $query$
    UPDATE OrleansMembershipTable
    SET IAmAliveTime = @IAmAliveTime
    WHERE DeploymentId = @DeploymentId
        AND Address = @Address
        AND Port = @Port
        AND Generation = @Generation;
    $query$
),
(
    -- The outer join returns the version row even when the silo has no row yet.
    'MembershipReadRowKey', $query$
    SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status,
           m.ProxyPort, m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable v
    LEFT JOIN OrleansMembershipTable m
        ON m.DeploymentId = v.DeploymentId
        AND m.Address = @Address
        AND m.Port = @Port
        AND m.Generation = @Generation
    WHERE v.DeploymentId = @DeploymentId;
    $query$
),
(
    'MembershipReadAllKey', $query$
    SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status,
           m.ProxyPort, m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable v
    LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
    WHERE v.DeploymentId = @DeploymentId;
    $query$
),
(
    -- Silo rows go with the version row (ON DELETE CASCADE).
    'DeleteMembershipTableEntriesKey', $query$
    DELETE FROM OrleansMembershipVersionTable
    WHERE DeploymentId = @DeploymentId;
    $query$
),
(
    -- Used by clients to find gateways; Orleans passes Status = Active.
    'GatewaysQueryKey', $query$
    SELECT Address, ProxyPort, Generation
    FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId
        AND Status = @Status
        AND ProxyPort > 0;
    $query$
),
(
    -- Removes silos that are Dead (SiloStatus.Dead = 6) and silent since before @IAmAliveTime.
    'CleanupDefunctSiloEntriesKey', $query$
    DELETE FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId
        AND Status = 6
        AND IAmAliveTime < @IAmAliveTime;
    $query$
)
ON CONFLICT ON CONSTRAINT PK_OrleansQuery DO UPDATE SET QueryText = excluded.QueryText;
