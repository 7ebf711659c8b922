-- juste: foreign-keys-off
-- 007: the centre's policy in the database, an audit log the database keeps
-- append-only, and entry ids that are never reused.
--
-- The first line asks the migration runner to apply this file with foreign
-- keys off (then to verify them before committing): the entries and audit
-- tables are rebuilt, and with foreign keys on, dropping the old entries
-- table would cascade into invoice_entries.
--
-- Settings: the centre's identity, fiscal year, tax rates, numbering and
-- payment terms (keys named as in juste.ini, "section.key").  valid_from is
-- '' for a value that always applies, or the first day a dated value (a tax
-- rate) applies.  Set by an admin through juste, audited like the rest.
-- policy_import records that the values of an existing juste.ini were
-- imported once, from which file.
--
-- Audit: rebuilt with AUTOINCREMENT, its entity no longer limited to the
-- names of 001 (the program's vocabulary says which exist), and a column
-- naming the record by its UUID, read from the row's own JSON.  Triggers
-- refuse every UPDATE and DELETE.
--
-- Entries: rebuilt with AUTOINCREMENT, so that the id of a deleted entry is
-- never given to another one and an audit row can never point at the wrong
-- entry.  Its indexes and triggers (001, 003, 004) are recreated unchanged.
--
-- Renames run in legacy mode: the triggers of other tables that write the
-- audit log name it, and it is briefly absent while it is rebuilt.
PRAGMA legacy_alter_table = ON;

CREATE TABLE settings (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid          TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  key           TEXT NOT NULL CHECK (key GLOB '[a-z]*.[a-z]*' AND length(key) <= 64),
  valid_from    TEXT NOT NULL DEFAULT '' CHECK (valid_from = '' OR date(valid_from) IS valid_from),
  value         TEXT NOT NULL CHECK (length(value) < 1024),
  UNIQUE (key, valid_from)
);

CREATE TABLE policy_import (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  actor         TEXT NOT NULL,
  source        TEXT NOT NULL DEFAULT ''
);
CREATE TRIGGER policy_import_actor BEFORE INSERT ON policy_import BEGIN SELECT juste_actor(); END;
CREATE TRIGGER policy_import_no_update BEFORE UPDATE ON policy_import BEGIN
  SELECT RAISE(ABORT, 'juste: the audit log is append-only');
END;
CREATE TRIGGER policy_import_no_delete BEFORE DELETE ON policy_import BEGIN
  SELECT RAISE(ABORT, 'juste: the audit log is append-only');
END;

-- ------------------------------------------------------------------ audit
CREATE TABLE audit_rebuilt (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  actor         TEXT NOT NULL,
  as_login      TEXT,
  entity        TEXT NOT NULL CHECK (length(entity) BETWEEN 1 AND 32),
  entity_id     INTEGER NOT NULL,
  action        TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  before        TEXT,
  after         TEXT,
  entity_uuid   TEXT GENERATED ALWAYS AS
                  (coalesce(json_extract(after, '$.uuid'), json_extract(before, '$.uuid'))) VIRTUAL
);
INSERT INTO audit_rebuilt(id, at, actor, as_login, entity, entity_id, action, before, after)
  SELECT id, at, actor, as_login, entity, entity_id, action, before, after FROM audit ORDER BY id;
DROP TABLE audit;
ALTER TABLE audit_rebuilt RENAME TO audit;
CREATE INDEX audit_at ON audit(at);
CREATE INDEX audit_entity ON audit(entity, entity_id);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN
  SELECT RAISE(ABORT, 'juste: the audit log is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN
  SELECT RAISE(ABORT, 'juste: the audit log is append-only');
END;
-- Only a connection that says who is acting writes the log (the triggers
-- that feed it say so too).
CREATE TRIGGER audit_actor BEFORE INSERT ON audit BEGIN SELECT juste_actor(); END;

CREATE TRIGGER audit_settings_insert AFTER INSERT ON settings BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'setting', NEW.id, 'insert',
    json_object('uuid', NEW.uuid, 'key', NEW.key, 'valid_from', NEW.valid_from, 'value', NEW.value));
END;
CREATE TRIGGER audit_settings_update AFTER UPDATE ON settings BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before, after)
  VALUES (juste_actor(), juste_as(), 'setting', NEW.id, 'update',
    json_object('uuid', OLD.uuid, 'key', OLD.key, 'valid_from', OLD.valid_from, 'value', OLD.value),
    json_object('uuid', NEW.uuid, 'key', NEW.key, 'valid_from', NEW.valid_from, 'value', NEW.value));
END;
CREATE TRIGGER audit_settings_delete AFTER DELETE ON settings BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before)
  VALUES (juste_actor(), juste_as(), 'setting', OLD.id, 'delete',
    json_object('uuid', OLD.uuid, 'key', OLD.key, 'valid_from', OLD.valid_from, 'value', OLD.value));
END;

-- The audit rows of these records now carry the record's UUID too.
DROP TRIGGER audit_invoices_update;
CREATE TRIGGER audit_invoices_update AFTER UPDATE ON invoices BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before, after)
  VALUES (juste_actor(), juste_as(), 'invoice', NEW.id, 'update',
    json_object('uuid', OLD.uuid, 'status', OLD.status, 'number', OLD.number, 'reprints', OLD.reprints,
      'subtotal_cents', OLD.subtotal_cents, 'total_cents', OLD.total_cents),
    json_object('uuid', NEW.uuid, 'status', NEW.status, 'number', NEW.number, 'issued_on', NEW.issued_on,
      'due_on', NEW.due_on, 'tps_rate', NEW.tps_rate, 'tvq_rate', NEW.tvq_rate,
      'subtotal_cents', NEW.subtotal_cents, 'tps_cents', NEW.tps_cents, 'tvq_cents', NEW.tvq_cents,
      'total_cents', NEW.total_cents, 'reprints', NEW.reprints,
      'entries', CASE WHEN OLD.status = 'draft' AND NEW.status = 'issued' THEN
        (SELECT json_group_array(entry_id) FROM invoice_entries WHERE invoice_id = NEW.id) END));
END;
DROP TRIGGER audit_invoice_lines_insert;
DROP TRIGGER audit_invoice_lines_update;
DROP TRIGGER audit_invoice_lines_delete;
CREATE TRIGGER audit_invoice_lines_insert AFTER INSERT ON invoice_lines BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'invoice', NEW.invoice_id, 'insert',
    json_object('uuid', (SELECT uuid FROM invoices WHERE id = NEW.invoice_id),
      'line', NEW.pos, 'kind', NEW.kind, 'mandate_id', NEW.mandate_id,
      'rate_cents', NEW.rate_cents, 'billed_minutes', NEW.billed_minutes,
      'amount_cents', NEW.amount_cents, 'description', NEW.description));
END;
CREATE TRIGGER audit_invoice_lines_update AFTER UPDATE ON invoice_lines BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before, after)
  VALUES (juste_actor(), juste_as(), 'invoice', NEW.invoice_id, 'update',
    json_object('uuid', (SELECT uuid FROM invoices WHERE id = OLD.invoice_id), 'line', OLD.pos, 'amount_cents', OLD.amount_cents),
    json_object('uuid', (SELECT uuid FROM invoices WHERE id = NEW.invoice_id), 'line', NEW.pos, 'amount_cents', NEW.amount_cents));
END;
-- A draft's lines go with it: the invoice row may already be gone, so the
-- UUID is that of the invoice when it still exists.
CREATE TRIGGER audit_invoice_lines_delete AFTER DELETE ON invoice_lines BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before)
  VALUES (juste_actor(), juste_as(), 'invoice', OLD.invoice_id, 'delete',
    json_object('uuid', (SELECT uuid FROM invoices WHERE id = OLD.invoice_id),
      'line', OLD.pos, 'kind', OLD.kind, 'amount_cents', OLD.amount_cents));
END;
DROP TRIGGER audit_rate_tables_update;
CREATE TRIGGER audit_rate_tables_update AFTER UPDATE ON rate_tables BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before, after)
  VALUES (juste_actor(), juste_as(), 'rate', NEW.id, 'update',
    json_object('table', 'rate_tables', 'uuid', OLD.uuid, 'sealed', OLD.sealed),
    json_object('table', 'rate_tables', 'uuid', NEW.uuid, 'sealed', NEW.sealed));
END;

-- ---------------------------------------------------------------- entries
CREATE TABLE entries_rebuilt (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid          TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  expert_id     INTEGER NOT NULL REFERENCES experts(id),
  mandate_id    INTEGER NOT NULL REFERENCES mandates(id),
  work_date     TEXT NOT NULL CHECK (date(work_date) IS work_date),
  minutes       INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
  note          TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
INSERT INTO entries_rebuilt(id, uuid, expert_id, mandate_id, work_date, minutes, note, created_at)
  SELECT id, uuid, expert_id, mandate_id, work_date, minutes, note, created_at FROM entries ORDER BY id;
DROP TABLE entries;
ALTER TABLE entries_rebuilt RENAME TO entries;
-- Deleted ids above the last kept one were given back by the old table;
-- from here on none is: the sequence starts after the highest id the audit
-- log ever named for an entry (a bulk import names its last one).
INSERT INTO sqlite_sequence(name, seq)
  SELECT 'entries', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'entries');
UPDATE sqlite_sequence SET seq = max(seq,
    coalesce((SELECT max(entity_id) FROM audit WHERE entity = 'entry'), 0),
    coalesce((SELECT max(json_extract(after, '$.last_id')) FROM audit WHERE entity = 'entry'), 0))
  WHERE name = 'entries';
CREATE INDEX entries_expert_date ON entries(expert_id, work_date, minutes);
CREATE INDEX entries_mandate_date ON entries(mandate_id, work_date);
CREATE INDEX entries_date ON entries(work_date);

CREATE TRIGGER entries_day_limit_insert BEFORE INSERT ON entries
WHEN (SELECT coalesce(sum(minutes), 0) FROM entries
      WHERE expert_id = NEW.expert_id AND work_date = NEW.work_date) + NEW.minutes > 1440
BEGIN
  SELECT RAISE(ABORT, 'juste: more than 24 h in one day for one person');
END;
CREATE TRIGGER entries_day_limit_update BEFORE UPDATE OF minutes, work_date, expert_id ON entries
WHEN (SELECT coalesce(sum(minutes), 0) FROM entries
      WHERE expert_id = NEW.expert_id AND work_date = NEW.work_date AND id <> OLD.id) + NEW.minutes > 1440
BEGIN
  SELECT RAISE(ABORT, 'juste: more than 24 h in one day for one person');
END;
CREATE TRIGGER audit_entries_insert AFTER INSERT ON entries WHEN juste_bulk() = 0 BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'entry', NEW.id, 'insert',
    json_object('uuid', NEW.uuid, 'expert_id', NEW.expert_id, 'mandate_id', NEW.mandate_id,
      'work_date', NEW.work_date, 'minutes', NEW.minutes, 'note', NEW.note));
END;
CREATE TRIGGER audit_entries_update AFTER UPDATE ON entries BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before, after)
  VALUES (juste_actor(), juste_as(), 'entry', NEW.id, 'update',
    json_object('uuid', OLD.uuid, 'expert_id', OLD.expert_id, 'mandate_id', OLD.mandate_id,
      'work_date', OLD.work_date, 'minutes', OLD.minutes, 'note', OLD.note),
    json_object('uuid', NEW.uuid, 'expert_id', NEW.expert_id, 'mandate_id', NEW.mandate_id,
      'work_date', NEW.work_date, 'minutes', NEW.minutes, 'note', NEW.note));
END;
CREATE TRIGGER audit_entries_delete AFTER DELETE ON entries BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before)
  VALUES (juste_actor(), juste_as(), 'entry', OLD.id, 'delete',
    json_object('uuid', OLD.uuid, 'expert_id', OLD.expert_id, 'mandate_id', OLD.mandate_id,
      'work_date', OLD.work_date, 'minutes', OLD.minutes, 'note', OLD.note));
END;
CREATE TRIGGER entries_closed_insert BEFORE INSERT ON entries
WHEN EXISTS (SELECT 1 FROM closed_months WHERE month = substr(NEW.work_date, 1, 7))
BEGIN
  SELECT RAISE(ABORT, 'juste: entry in a closed month');
END;
CREATE TRIGGER entries_closed_update BEFORE UPDATE ON entries
WHEN EXISTS (SELECT 1 FROM closed_months
             WHERE month IN (substr(OLD.work_date, 1, 7), substr(NEW.work_date, 1, 7)))
BEGIN
  SELECT RAISE(ABORT, 'juste: entry in a closed month');
END;
CREATE TRIGGER entries_closed_delete BEFORE DELETE ON entries
WHEN EXISTS (SELECT 1 FROM closed_months WHERE month = substr(OLD.work_date, 1, 7))
BEGIN
  SELECT RAISE(ABORT, 'juste: entry in a closed month');
END;
CREATE TRIGGER entries_invoiced_update BEFORE UPDATE ON entries
WHEN EXISTS (SELECT 1 FROM invoice_entries l JOIN invoices_standing i ON i.id = l.invoice_id
             WHERE l.entry_id = OLD.id)
BEGIN
  SELECT RAISE(ABORT, 'juste: entry on an issued invoice');
END;
CREATE TRIGGER entries_invoiced_delete BEFORE DELETE ON entries
WHEN EXISTS (SELECT 1 FROM invoice_entries l JOIN invoices i ON i.id = l.invoice_id
             WHERE l.entry_id = OLD.id AND i.status = 'issued')
BEGIN
  SELECT RAISE(ABORT, 'juste: entry kept with an issued invoice');
END;
PRAGMA legacy_alter_table = OFF;
