-- 004: invoices and credit notes, their lines and the entries behind them,
-- gapless number sequences, billing increments, and the triggers that lock
-- what has been issued.
--
-- A draft is an invoice row with status 'draft' and no number; it is
-- regenerated at will.  Issuing turns a draft into 'issued' in the same
-- transaction that takes its number from invoice_sequences.  From then on
-- the database itself refuses to change the invoice (only its reprint
-- counter may grow), its lines, its entry links, and the entries it bills,
-- until a full credit note releases those entries to be billed again.
-- Client name and address, experts, dates and notes are copied onto the
-- invoice so that a reprint in ten years shows exactly what was sent.

-- Billed minutes of an entry are its minutes rounded up to this increment;
-- the mandate's wins over its client's; NULL = bill the minutes as logged.
ALTER TABLE mandates ADD COLUMN billing_increment_minutes INTEGER
  CHECK (billing_increment_minutes IS NULL OR billing_increment_minutes BETWEEN 1 AND 240);
ALTER TABLE orgs ADD COLUMN billing_increment_minutes INTEGER
  CHECK (billing_increment_minutes IS NULL OR billing_increment_minutes BETWEEN 1 AND 240);

CREATE TABLE invoices (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  kind          TEXT NOT NULL CHECK (kind IN ('invoice', 'credit')),
  status        TEXT NOT NULL CHECK (status IN ('draft', 'issued')),
  number        TEXT UNIQUE CHECK (number IS NULL OR length(number) BETWEEN 1 AND 32),
  seq_year      INTEGER CHECK (seq_year IS NULL OR seq_year BETWEEN 1900 AND 9999),
  seq           INTEGER CHECK (seq IS NULL OR seq >= 1),
  client_id     INTEGER NOT NULL REFERENCES orgs(id),
  client_name   TEXT NOT NULL,
  client_address TEXT NOT NULL DEFAULT '',
  period        TEXT NOT NULL CHECK (period GLOB '[12][0-9][0-9][0-9]-[01][0-9]'
                                     AND substr(period, 6, 2) BETWEEN '01' AND '12'),
  issued_on     TEXT CHECK (issued_on IS NULL OR date(issued_on) IS issued_on),
  due_on        TEXT CHECK (due_on IS NULL OR date(due_on) IS due_on),
  payment_terms TEXT NOT NULL DEFAULT '',
  tps_rate      INTEGER NOT NULL CHECK (tps_rate BETWEEN 0 AND 100000),
  tvq_rate      INTEGER NOT NULL CHECK (tvq_rate BETWEEN 0 AND 100000),
  subtotal_cents INTEGER NOT NULL,
  tps_cents     INTEGER NOT NULL,
  tvq_cents     INTEGER NOT NULL,
  total_cents   INTEGER NOT NULL,
  tax_exempt_reason TEXT NOT NULL DEFAULT '',
  credited_id   INTEGER REFERENCES invoices(id),
  credit_reason TEXT NOT NULL DEFAULT '',
  credit_full   INTEGER NOT NULL DEFAULT 0 CHECK (credit_full IN (0, 1)),
  reprints      INTEGER NOT NULL DEFAULT 0 CHECK (reprints >= 0),
  warnings      TEXT NOT NULL DEFAULT '',   -- late entries, running timers (drafts)
  blockers      TEXT NOT NULL DEFAULT '',   -- what must be fixed before issuing
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK (total_cents = subtotal_cents + tps_cents + tvq_cents),
  CHECK (tax_exempt_reason = '' OR (tps_cents = 0 AND tvq_cents = 0)),
  -- invoices bill, credit notes reverse; taxes follow the subtotal's sign
  CHECK ((kind = 'invoice' AND subtotal_cents >= 0 AND tps_cents >= 0 AND tvq_cents >= 0)
      OR (kind = 'credit' AND subtotal_cents <= 0 AND tps_cents <= 0 AND tvq_cents <= 0)),
  -- a credit note names the invoice it corrects and why; nothing else does
  CHECK ((kind = 'credit') = (credited_id IS NOT NULL)),
  CHECK (kind = 'invoice' OR length(credit_reason) > 0),
  CHECK (kind = 'credit' OR credit_full = 0),
  -- a number, its sequence and the dates exist exactly when issued
  CHECK ((status = 'issued') = (number IS NOT NULL)),
  CHECK ((status = 'issued') = (seq IS NOT NULL AND seq_year IS NOT NULL)),
  CHECK ((status = 'issued') = (issued_on IS NOT NULL AND due_on IS NOT NULL)),
  CHECK (due_on IS NULL OR due_on >= issued_on),
  CHECK (status = 'draft' OR blockers = ''),
  UNIQUE (kind, seq_year, seq)
);
CREATE INDEX invoices_period ON invoices(period, status);
CREATE INDEX invoices_client ON invoices(client_id);
CREATE INDEX invoices_credited ON invoices(credited_id);
CREATE INDEX invoices_issued_on ON invoices(issued_on);
-- an invoice is reversed in full at most once
CREATE UNIQUE INDEX invoices_one_full_credit ON invoices(credited_id) WHERE credit_full = 1;

CREATE TABLE invoice_lines (
  id            INTEGER PRIMARY KEY,
  invoice_id    INTEGER NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
  pos           INTEGER NOT NULL CHECK (pos >= 1),
  kind          TEXT NOT NULL CHECK (kind IN ('hours', 'forfait', 'credit')),
  mandate_id    INTEGER REFERENCES mandates(id),
  mandate_code  TEXT NOT NULL DEFAULT '',
  mandate_title TEXT NOT NULL DEFAULT '',
  rate_cents    INTEGER CHECK (rate_cents IS NULL OR rate_cents > 0),
  logged_minutes INTEGER NOT NULL DEFAULT 0,
  billed_minutes INTEGER NOT NULL DEFAULT 0,
  amount_cents  INTEGER NOT NULL,
  description   TEXT NOT NULL DEFAULT '',
  experts       TEXT NOT NULL DEFAULT '',   -- names, as printed
  first_date    TEXT CHECK (first_date IS NULL OR date(first_date) IS first_date),
  last_date     TEXT CHECK (last_date IS NULL OR date(last_date) IS last_date),
  UNIQUE (invoice_id, pos),
  -- an hourly line is exactly its minutes at its rate (DOMAIN: half up)
  CHECK (kind <> 'hours' OR (mandate_id IS NOT NULL AND rate_cents IS NOT NULL
         AND billed_minutes >= logged_minutes AND logged_minutes > 0
         AND amount_cents = (billed_minutes * rate_cents + 30) / 60)),
  CHECK (kind <> 'forfait' OR (mandate_id IS NOT NULL AND amount_cents > 0)),
  CHECK (kind <> 'credit' OR amount_cents <= 0 OR length(description) > 0)
);
CREATE INDEX invoice_lines_mandate ON invoice_lines(mandate_id);

-- Which entries a line bills, with what they were when billed.
CREATE TABLE invoice_entries (
  invoice_id    INTEGER NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
  line_id       INTEGER NOT NULL REFERENCES invoice_lines(id) ON DELETE CASCADE,
  entry_id      INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
  expert_id     INTEGER NOT NULL REFERENCES experts(id),
  work_date     TEXT NOT NULL CHECK (date(work_date) IS work_date),
  note          TEXT NOT NULL DEFAULT '',
  logged_minutes INTEGER NOT NULL CHECK (logged_minutes BETWEEN 1 AND 1440),
  billed_minutes INTEGER NOT NULL CHECK (billed_minutes >= logged_minutes),
  late          INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
  PRIMARY KEY (invoice_id, entry_id)
) WITHOUT ROWID;
CREATE INDEX invoice_entries_entry ON invoice_entries(entry_id, invoice_id);
CREATE INDEX invoice_entries_line ON invoice_entries(line_id);

-- The last number given per kind and calendar year of issue.  Only ever
-- bumped inside the issuing transaction, so a rollback gives it back.
CREATE TABLE invoice_sequences (
  kind          TEXT NOT NULL CHECK (kind IN ('invoice', 'credit')),
  year          INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),
  last          INTEGER NOT NULL CHECK (last >= 0),
  PRIMARY KEY (kind, year)
) WITHOUT ROWID;

-- ------------------------------------------------------------------ locks
-- An issued invoice "stands" until a full credit note reverses it.
CREATE VIEW invoices_standing AS
  SELECT i.* FROM invoices i
  WHERE i.kind = 'invoice' AND i.status = 'issued'
    AND NOT EXISTS (SELECT 1 FROM invoices c
                    WHERE c.credited_id = i.id AND c.status = 'issued' AND c.credit_full = 1);

CREATE TRIGGER entries_invoiced_update BEFORE UPDATE ON entries
WHEN EXISTS (SELECT 1 FROM invoice_entries l JOIN invoices_standing i ON i.id = l.invoice_id
             WHERE l.entry_id = OLD.id)
BEGIN
  SELECT RAISE(ABORT, 'juste: entry on an issued invoice');
END;
-- Kept 6 years with the invoice (retention): even a credited one keeps them.
CREATE TRIGGER entries_invoiced_delete BEFORE DELETE ON entries
WHEN EXISTS (SELECT 1 FROM invoice_entries l JOIN invoices i ON i.id = l.invoice_id
             WHERE l.entry_id = OLD.id AND i.status = 'issued')
BEGIN
  SELECT RAISE(ABORT, 'juste: entry kept with an issued invoice');
END;

-- Issued invoices: only the reprint counter moves, and only upward.
CREATE TRIGGER invoices_issued_update BEFORE UPDATE ON invoices
WHEN OLD.status = 'issued' AND (
  NEW.reprints < OLD.reprints
  OR NEW.id IS NOT OLD.id OR NEW.uuid IS NOT OLD.uuid OR NEW.kind IS NOT OLD.kind
  OR NEW.status IS NOT OLD.status OR NEW.number IS NOT OLD.number
  OR NEW.seq_year IS NOT OLD.seq_year OR NEW.seq IS NOT OLD.seq
  OR NEW.client_id IS NOT OLD.client_id OR NEW.client_name IS NOT OLD.client_name
  OR NEW.client_address IS NOT OLD.client_address OR NEW.period IS NOT OLD.period
  OR NEW.issued_on IS NOT OLD.issued_on OR NEW.due_on IS NOT OLD.due_on
  OR NEW.payment_terms IS NOT OLD.payment_terms
  OR NEW.tps_rate IS NOT OLD.tps_rate OR NEW.tvq_rate IS NOT OLD.tvq_rate
  OR NEW.subtotal_cents IS NOT OLD.subtotal_cents OR NEW.tps_cents IS NOT OLD.tps_cents
  OR NEW.tvq_cents IS NOT OLD.tvq_cents OR NEW.total_cents IS NOT OLD.total_cents
  OR NEW.tax_exempt_reason IS NOT OLD.tax_exempt_reason
  OR NEW.credited_id IS NOT OLD.credited_id OR NEW.credit_reason IS NOT OLD.credit_reason
  OR NEW.credit_full IS NOT OLD.credit_full OR NEW.warnings IS NOT OLD.warnings
  OR NEW.blockers IS NOT OLD.blockers OR NEW.created_at IS NOT OLD.created_at)
BEGIN
  SELECT RAISE(ABORT, 'juste: issued invoice is read-only');
END;
CREATE TRIGGER invoices_issued_delete BEFORE DELETE ON invoices
WHEN OLD.status = 'issued'
BEGIN
  SELECT RAISE(ABORT, 'juste: issued invoice is read-only');
END;

-- Issuing: the totals are those of the lines; the number is the next of its
-- sequence (no gap, no duplicate, whatever path wrote it); no entry is
-- billed by two standing invoices; a credit note corrects a standing-or-
-- credited issued invoice of the same client.
CREATE TRIGGER invoices_issue BEFORE UPDATE OF status ON invoices
WHEN OLD.status = 'draft' AND NEW.status = 'issued'
BEGIN
  SELECT RAISE(ABORT, 'juste: invoice totals differ from its lines')
  WHERE NEW.subtotal_cents <> (SELECT coalesce(sum(amount_cents), 0) FROM invoice_lines WHERE invoice_id = NEW.id);
  SELECT RAISE(ABORT, 'juste: invoice number out of sequence')
  WHERE NEW.seq <> 1 + (SELECT coalesce(max(seq), 0) FROM invoices
                        WHERE kind = NEW.kind AND seq_year = NEW.seq_year AND status = 'issued')
     OR NEW.seq IS NOT (SELECT last FROM invoice_sequences WHERE kind = NEW.kind AND year = NEW.seq_year);
  SELECT RAISE(ABORT, 'juste: entry already billed')
  WHERE EXISTS (SELECT 1 FROM invoice_entries l
                JOIN invoice_entries o ON o.entry_id = l.entry_id AND o.invoice_id <> l.invoice_id
                JOIN invoices_standing s ON s.id = o.invoice_id
                WHERE l.invoice_id = NEW.id);
  SELECT RAISE(ABORT, 'juste: credit note does not match its invoice')
  WHERE NEW.kind = 'credit' AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.id = NEW.credited_id
        AND i.kind = 'invoice' AND i.status = 'issued' AND i.client_id = NEW.client_id);
  SELECT RAISE(ABORT, 'juste: credit exceeds its invoice')
  WHERE NEW.kind = 'credit'
    AND (SELECT subtotal_cents FROM invoices WHERE id = NEW.credited_id) + NEW.subtotal_cents
      + (SELECT coalesce(sum(subtotal_cents), 0) FROM invoices
         WHERE credited_id = NEW.credited_id AND status = 'issued' AND id <> NEW.id) < 0;
END;
CREATE TRIGGER invoices_insert_issued BEFORE INSERT ON invoices
WHEN NEW.status = 'issued'
BEGIN
  SELECT RAISE(ABORT, 'juste: issued invoice is read-only');
END;

CREATE TRIGGER invoice_lines_locked_insert BEFORE INSERT ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) = 'issued'
BEGIN
  SELECT RAISE(ABORT, 'juste: issued invoice is read-only');
END;
CREATE TRIGGER invoice_lines_locked_update BEFORE UPDATE ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) = 'issued'
  OR (SELECT status FROM invoices WHERE id = NEW.invoice_id) = 'issued'
BEGIN
  SELECT RAISE(ABORT, 'juste: issued invoice is read-only');
END;
CREATE TRIGGER invoice_lines_locked_delete BEFORE DELETE ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) = 'issued'
BEGIN
  SELECT RAISE(ABORT, 'juste: issued invoice is read-only');
END;
CREATE TRIGGER invoice_entries_locked_insert BEFORE INSERT ON invoice_entries
WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) = 'issued'
BEGIN
  SELECT RAISE(ABORT, 'juste: issued invoice is read-only');
END;
CREATE TRIGGER invoice_entries_locked_update BEFORE UPDATE ON invoice_entries
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) = 'issued'
  OR (SELECT status FROM invoices WHERE id = NEW.invoice_id) = 'issued'
BEGIN
  SELECT RAISE(ABORT, 'juste: issued invoice is read-only');
END;
CREATE TRIGGER invoice_entries_locked_delete BEFORE DELETE ON invoice_entries
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) = 'issued'
BEGIN
  SELECT RAISE(ABORT, 'juste: issued invoice is read-only');
END;

-- The counter is not audited (the invoices are), but a connection that does
-- not say who is acting may not touch it either.
CREATE TRIGGER invoice_sequences_actor_insert BEFORE INSERT ON invoice_sequences
BEGIN SELECT juste_actor(); END;
CREATE TRIGGER invoice_sequences_actor_update BEFORE UPDATE ON invoice_sequences
BEGIN SELECT juste_actor(); END;
CREATE TRIGGER invoice_sequences_actor_delete BEFORE DELETE ON invoice_sequences
BEGIN SELECT RAISE(ABORT, 'juste: issued invoice is read-only'); END;

-- ------------------------------------------------------------------ audit
-- Invoices and their lines are audited; the entry links of a draft are
-- thrown away with it, and those of an issued invoice are recorded once,
-- as the list of entry ids in the audit row of the issue itself.
CREATE TRIGGER audit_invoices_insert AFTER INSERT ON invoices BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'invoice', NEW.id, 'insert',
    json_object('uuid', NEW.uuid, 'kind', NEW.kind, 'status', NEW.status, 'client_id', NEW.client_id,
      'period', NEW.period, 'subtotal_cents', NEW.subtotal_cents, 'tps_cents', NEW.tps_cents,
      'tvq_cents', NEW.tvq_cents, 'total_cents', NEW.total_cents, 'credited_id', NEW.credited_id,
      'credit_reason', NEW.credit_reason, 'credit_full', NEW.credit_full));
END;
CREATE TRIGGER audit_invoices_update AFTER UPDATE ON invoices BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before, after)
  VALUES (juste_actor(), juste_as(), 'invoice', NEW.id, 'update',
    json_object('status', OLD.status, 'number', OLD.number, 'reprints', OLD.reprints,
      'subtotal_cents', OLD.subtotal_cents, 'total_cents', OLD.total_cents),
    json_object('status', NEW.status, 'number', NEW.number, 'issued_on', NEW.issued_on,
      'due_on', NEW.due_on, 'tps_rate', NEW.tps_rate, 'tvq_rate', NEW.tvq_rate,
      'subtotal_cents', NEW.subtotal_cents, 'tps_cents', NEW.tps_cents, 'tvq_cents', NEW.tvq_cents,
      'total_cents', NEW.total_cents, 'reprints', NEW.reprints,
      'entries', CASE WHEN OLD.status = 'draft' AND NEW.status = 'issued' THEN
        (SELECT json_group_array(entry_id) FROM invoice_entries WHERE invoice_id = NEW.id) END));
END;
CREATE TRIGGER audit_invoices_delete AFTER DELETE ON invoices BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before)
  VALUES (juste_actor(), juste_as(), 'invoice', OLD.id, 'delete',
    json_object('uuid', OLD.uuid, 'kind', OLD.kind, 'status', OLD.status, 'client_id', OLD.client_id,
      'period', OLD.period, 'total_cents', OLD.total_cents));
END;
CREATE TRIGGER audit_invoice_lines_insert AFTER INSERT ON invoice_lines BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'invoice', NEW.invoice_id, 'insert',
    json_object('line', NEW.pos, 'kind', NEW.kind, 'mandate_id', NEW.mandate_id,
      'rate_cents', NEW.rate_cents, 'billed_minutes', NEW.billed_minutes,
      'amount_cents', NEW.amount_cents, 'description', NEW.description));
END;
CREATE TRIGGER audit_invoice_lines_update AFTER UPDATE ON invoice_lines BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before, after)
  VALUES (juste_actor(), juste_as(), 'invoice', NEW.invoice_id, 'update',
    json_object('line', OLD.pos, 'amount_cents', OLD.amount_cents),
    json_object('line', NEW.pos, 'amount_cents', NEW.amount_cents));
END;
CREATE TRIGGER audit_invoice_lines_delete AFTER DELETE ON invoice_lines BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before)
  VALUES (juste_actor(), juste_as(), 'invoice', OLD.invoice_id, 'delete',
    json_object('line', OLD.pos, 'kind', OLD.kind, 'amount_cents', OLD.amount_cents));
END;
