-- 010: payments received from clients.
--
-- A payment is money received on a date from one client, by a method,
-- with the reference written on it (cheque number, transfer id).  It may
-- name the invoice it pays (invoice_id); otherwise it is paid "on account"
-- and goes to the client's oldest open invoices.  Which invoice each dollar
-- settles is not stored: the core derives it from the issued invoices, the
-- credit notes and the payments (oldest first; what is left is the
-- client's credit on account, applied to the next invoices), so that it
-- stays exact whatever the order in which documents were entered.
--
-- A payment is never edited nor deleted: a mistake, or a cheque that
-- bounced, is voided (voided_on and void_reason, once), and the database
-- refuses any other change.  Every insert and void is in the audit log.
CREATE TABLE payments (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid          TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  client_id     INTEGER NOT NULL REFERENCES orgs(id),
  invoice_id    INTEGER REFERENCES invoices(id),
  received_on   TEXT NOT NULL CHECK (date(received_on) IS received_on),
  amount_cents  INTEGER NOT NULL CHECK (amount_cents > 0),
  method        TEXT NOT NULL CHECK (method IN ('cheque', 'virement', 'depot', 'carte', 'autre')),
  reference     TEXT NOT NULL DEFAULT '' CHECK (length(reference) <= 200),
  voided_on     TEXT CHECK (voided_on IS NULL OR date(voided_on) IS voided_on),
  void_reason   TEXT NOT NULL DEFAULT '' CHECK (length(void_reason) <= 500),
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK ((voided_on IS NULL) = (void_reason = '')),
  CHECK (voided_on IS NULL OR voided_on >= received_on)
);
CREATE INDEX payments_client ON payments(client_id, received_on);
CREATE INDEX payments_received ON payments(received_on);
CREATE INDEX payments_invoice ON payments(invoice_id);

-- The invoice a payment names is an issued invoice (not a credit note) of
-- the same client.
CREATE TRIGGER payments_invoice_check BEFORE INSERT ON payments
WHEN NEW.invoice_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM invoices i
  WHERE i.id = NEW.invoice_id AND i.client_id = NEW.client_id AND i.kind = 'invoice' AND i.status = 'issued')
BEGIN
  SELECT RAISE(ABORT, 'juste: payment of an invoice that is not an issued invoice of its client');
END;
-- Only the void, once, and nothing else.
CREATE TRIGGER payments_update BEFORE UPDATE ON payments
WHEN OLD.voided_on IS NOT NULL
  OR NEW.id IS NOT OLD.id OR NEW.uuid IS NOT OLD.uuid OR NEW.client_id IS NOT OLD.client_id
  OR NEW.invoice_id IS NOT OLD.invoice_id OR NEW.received_on IS NOT OLD.received_on
  OR NEW.amount_cents IS NOT OLD.amount_cents OR NEW.method IS NOT OLD.method
  OR NEW.reference IS NOT OLD.reference OR NEW.created_at IS NOT OLD.created_at
BEGIN
  SELECT RAISE(ABORT, 'juste: a payment is never changed, only voided once');
END;
CREATE TRIGGER payments_delete BEFORE DELETE ON payments
BEGIN
  SELECT RAISE(ABORT, 'juste: a payment is never deleted, only voided');
END;

CREATE TRIGGER audit_payments_insert AFTER INSERT ON payments BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'payment', NEW.id, 'insert',
    json_object('uuid', NEW.uuid, 'client_id', NEW.client_id, 'invoice_id', NEW.invoice_id,
      'received_on', NEW.received_on, 'amount_cents', NEW.amount_cents, 'method', NEW.method,
      'reference', NEW.reference));
END;
CREATE TRIGGER audit_payments_update AFTER UPDATE ON payments BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before, after)
  VALUES (juste_actor(), juste_as(), 'payment', NEW.id, 'update',
    json_object('uuid', OLD.uuid, 'voided_on', OLD.voided_on, 'void_reason', OLD.void_reason),
    json_object('uuid', NEW.uuid, 'voided_on', NEW.voided_on, 'void_reason', NEW.void_reason));
END;
