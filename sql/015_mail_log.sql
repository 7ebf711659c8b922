-- 015: the send log of e-mail (juste invoice send, statement --send,
-- reminders send; juste invoice sent lists it).
--
-- One row per document a message carried: an invoice or credit note
-- (kind 'invoice', its invoice_id), a statement of account (kind
-- 'statement', the date it was drawn at), or one invoice of a reminder
-- letter at the level it reached (kind 'reminder', invoice_id and level).
-- A message with three invoices is three rows with one message_id.  What is
-- in the log is what the sendmail command accepted: a row is written only
-- once the command exited 0, so that "already sent" never means "tried".
-- Who sent is the OS login of the real uid (never --as), when is UTC.
--
-- The log is history: never changed, never deleted; every row is audited.
CREATE TABLE mail_log (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid          TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  sent_at       TEXT NOT NULL CHECK (sent_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  sent_by       TEXT NOT NULL CHECK (length(sent_by) BETWEEN 1 AND 64),
  client_id     INTEGER NOT NULL REFERENCES orgs(id),
  recipient     TEXT NOT NULL CHECK (length(recipient) BETWEEN 3 AND 320),
  kind          TEXT NOT NULL CHECK (kind IN ('invoice', 'statement', 'reminder')),
  invoice_id    INTEGER REFERENCES invoices(id),
  level         TEXT CHECK (level IS NULL OR level IN ('first_reminder', 'second_reminder', 'final_notice')),
  statement_at  TEXT CHECK (statement_at IS NULL OR date(statement_at) IS statement_at),
  message_id    TEXT NOT NULL CHECK (length(message_id) BETWEEN 3 AND 250),
  CHECK (kind <> 'invoice' OR (invoice_id IS NOT NULL AND level IS NULL AND statement_at IS NULL)),
  CHECK (kind <> 'statement' OR (invoice_id IS NULL AND level IS NULL AND statement_at IS NOT NULL)),
  CHECK (kind <> 'reminder' OR (invoice_id IS NOT NULL AND level IS NOT NULL AND statement_at IS NULL))
);
CREATE INDEX mail_log_client ON mail_log(client_id, kind);
CREATE INDEX mail_log_invoice ON mail_log(invoice_id);

CREATE TRIGGER mail_log_update BEFORE UPDATE ON mail_log
BEGIN
  SELECT RAISE(ABORT, 'juste: the send log is never changed');
END;
CREATE TRIGGER mail_log_delete BEFORE DELETE ON mail_log
BEGIN
  SELECT RAISE(ABORT, 'juste: the send log is never deleted');
END;

CREATE TRIGGER audit_mail_log_insert AFTER INSERT ON mail_log BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'mail', NEW.id, 'insert',
    json_object('uuid', NEW.uuid, 'sent_at', NEW.sent_at, 'sent_by', NEW.sent_by, 'client_id', NEW.client_id,
      'recipient', NEW.recipient, 'kind', NEW.kind, 'invoice_id', NEW.invoice_id, 'level', NEW.level,
      'statement_at', NEW.statement_at, 'message_id', NEW.message_id));
END;
