package de.integrationsmonitor.audit;

import de.integrationsmonitor.testing.OnPostgres;

/** The audit log's chain under concurrent appends on PostgreSQL (SELECT ... FOR UPDATE on the head row). */
@OnPostgres("imon_auditlog")
class PostgresAuditLogConcurrencyTest extends AuditLogConcurrencyTest {}
