-- 008: taxes by place of supply, and the rules of credit notes and issue
-- dates held by the database itself (DOMAIN.md, "Money and taxes",
-- "Invoices and credit notes").
--
-- Organisations: a country (ISO 3166-1 alpha-2, 'CA' by default) and, in
-- Canada, a province ('QC' by default; NULL outside Canada).  Existing
-- organisations are Québec's, as they were.
--
-- tax_regimes: from valid_from ('' = since always) a province is taxed
-- under a regime: 'tps_tvq' (TPS and TVQ), 'tvh' at its harmonized rate
-- hst_rate (thousandths of a percent, as an invoice's rates), or 'tps'
-- alone.  The TPS and TVQ rates themselves stay the centre's dated
-- settings (taxes.tps_rate, taxes.tvq_rate, 007): each rate has one home.
-- A client outside Canada is zero-rated ('detaxe' on the invoice), which no
-- province is.  Seeded with DOMAIN.md's table before its triggers exist
-- (a migration has no actor); afterwards a row is written by an admin
-- through juste, audited like a setting.  An issued invoice carries its
-- own copy of what applied, so a later row never changes one.
--
-- Invoices: the regime and the place of supply ('ON', or the country
-- outside Canada) copied at issue with the rates.  The two tax slots of 004
-- keep their columns: the first (tps_*) holds the TPS or, in a harmonized
-- province, the TVH (one federal tax under the TPS registration number, at
-- the harmonized rate), the second (tvq_*) the TVQ; a slot the regime has
-- not is at 0 % with no amount, so that 004's CHECK on the total and the
-- signs of credit notes hold for every regime.  Existing invoices are
-- Québec's ('tps_tvq', 'QC', the defaults), as they were.
--
-- Issuing now also refuses, whatever path wrote the rows: a credit note
-- that credits more of a tax than is left of it, a full credit that leaves
-- anything, a credit that leaves nothing but does not say it is the full
-- one (its entries would stay locked), a credit note whose regime or rates
-- are not its invoice's; an issue date earlier than the last one numbered
-- in its sequence or outside its year, an invoice dated before its period
-- or billing work done after its date, a credit note dated before its
-- invoice.

-- ------------------------------------------------------------ organisations
ALTER TABLE orgs ADD COLUMN country TEXT NOT NULL DEFAULT 'CA'
  CHECK (country GLOB '[A-Z][A-Z]');
ALTER TABLE orgs ADD COLUMN province TEXT DEFAULT 'QC'
  CHECK (province IS NULL OR province IN ('QC', 'ON', 'NB', 'NS', 'PE', 'NL', 'MB', 'SK', 'AB', 'BC', 'YT', 'NT', 'NU'))
  CONSTRAINT org_province_in_canada CHECK ((province IS NOT NULL) = (country = 'CA'));

DROP TRIGGER audit_orgs_insert;
DROP TRIGGER audit_orgs_update;
DROP TRIGGER audit_orgs_delete;
CREATE TRIGGER audit_orgs_insert AFTER INSERT ON orgs BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'org', NEW.id, 'insert', json_object('uuid', NEW.uuid, 'code', NEW.code, 'name', NEW.name, 'category', NEW.category, 'parent_id', NEW.parent_id, 'full_management', NEW.full_management, 'tax_exempt', NEW.tax_exempt, 'joined_on', NEW.joined_on, 'left_on', NEW.left_on, 'email', NEW.email, 'address', NEW.address, 'billing_increment_minutes', NEW.billing_increment_minutes, 'country', NEW.country, 'province', NEW.province));
END;
CREATE TRIGGER audit_orgs_update AFTER UPDATE ON orgs BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before, after)
  VALUES (juste_actor(), juste_as(), 'org', NEW.id, 'update', json_object('uuid', OLD.uuid, 'code', OLD.code, 'name', OLD.name, 'category', OLD.category, 'parent_id', OLD.parent_id, 'full_management', OLD.full_management, 'tax_exempt', OLD.tax_exempt, 'joined_on', OLD.joined_on, 'left_on', OLD.left_on, 'email', OLD.email, 'address', OLD.address, 'billing_increment_minutes', OLD.billing_increment_minutes, 'country', OLD.country, 'province', OLD.province), json_object('uuid', NEW.uuid, 'code', NEW.code, 'name', NEW.name, 'category', NEW.category, 'parent_id', NEW.parent_id, 'full_management', NEW.full_management, 'tax_exempt', NEW.tax_exempt, 'joined_on', NEW.joined_on, 'left_on', NEW.left_on, 'email', NEW.email, 'address', NEW.address, 'billing_increment_minutes', NEW.billing_increment_minutes, 'country', NEW.country, 'province', NEW.province));
END;
CREATE TRIGGER audit_orgs_delete AFTER DELETE ON orgs BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before)
  VALUES (juste_actor(), juste_as(), 'org', OLD.id, 'delete', json_object('uuid', OLD.uuid, 'code', OLD.code, 'name', OLD.name, 'category', OLD.category, 'parent_id', OLD.parent_id, 'full_management', OLD.full_management, 'tax_exempt', OLD.tax_exempt, 'joined_on', OLD.joined_on, 'left_on', OLD.left_on, 'email', OLD.email, 'address', OLD.address, 'billing_increment_minutes', OLD.billing_increment_minutes, 'country', OLD.country, 'province', OLD.province));
END;

-- ------------------------------------------------------------ tax regimes
CREATE TABLE tax_regimes (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  province      TEXT NOT NULL CHECK (province IN ('QC', 'ON', 'NB', 'NS', 'PE', 'NL', 'MB', 'SK', 'AB', 'BC', 'YT', 'NT', 'NU')),
  valid_from    TEXT NOT NULL DEFAULT '' CHECK (valid_from = '' OR date(valid_from) IS valid_from),
  regime        TEXT NOT NULL CHECK (regime IN ('tps_tvq', 'tvh', 'tps')),
  hst_rate      INTEGER CHECK (hst_rate IS NULL OR hst_rate BETWEEN 1 AND 100000),
  CONSTRAINT tax_regime_hst_rate CHECK ((regime = 'tvh') = (hst_rate IS NOT NULL)),
  UNIQUE (province, valid_from)
);

-- DOMAIN.md's table, each row with a version 4 UUID of its own.
INSERT INTO tax_regimes(uuid, province, valid_from, regime, hst_rate)
  SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
           || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
         p, f, r, h FROM (
    SELECT 'QC' AS p, '' AS f, 'tps_tvq' AS r, NULL AS h
    UNION ALL SELECT 'ON', '', 'tvh', 13000
    UNION ALL SELECT 'NB', '', 'tvh', 15000
    UNION ALL SELECT 'NL', '', 'tvh', 15000
    UNION ALL SELECT 'PE', '', 'tvh', 15000
    UNION ALL SELECT 'NS', '', 'tvh', 15000
    UNION ALL SELECT 'NS', '2025-04-01', 'tvh', 14000
    UNION ALL SELECT 'AB', '', 'tps', NULL
    UNION ALL SELECT 'BC', '', 'tps', NULL
    UNION ALL SELECT 'MB', '', 'tps', NULL
    UNION ALL SELECT 'SK', '', 'tps', NULL
    UNION ALL SELECT 'YT', '', 'tps', NULL
    UNION ALL SELECT 'NT', '', 'tps', NULL
    UNION ALL SELECT 'NU', '', 'tps', NULL);

CREATE TRIGGER tax_regimes_actor_insert BEFORE INSERT ON tax_regimes BEGIN SELECT juste_actor(); END;
CREATE TRIGGER tax_regimes_actor_update BEFORE UPDATE ON tax_regimes BEGIN SELECT juste_actor(); END;
CREATE TRIGGER tax_regimes_actor_delete BEFORE DELETE ON tax_regimes BEGIN SELECT juste_actor(); END;
CREATE TRIGGER audit_tax_regimes_insert AFTER INSERT ON tax_regimes BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'setting', NEW.id, 'insert',
    json_object('table', 'tax_regimes', 'uuid', NEW.uuid, 'province', NEW.province, 'valid_from', NEW.valid_from,
      'regime', NEW.regime, 'hst_rate', NEW.hst_rate));
END;
CREATE TRIGGER audit_tax_regimes_update AFTER UPDATE ON tax_regimes BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before, after)
  VALUES (juste_actor(), juste_as(), 'setting', NEW.id, 'update',
    json_object('table', 'tax_regimes', 'uuid', OLD.uuid, 'province', OLD.province, 'valid_from', OLD.valid_from,
      'regime', OLD.regime, 'hst_rate', OLD.hst_rate),
    json_object('table', 'tax_regimes', 'uuid', NEW.uuid, 'province', NEW.province, 'valid_from', NEW.valid_from,
      'regime', NEW.regime, 'hst_rate', NEW.hst_rate));
END;
CREATE TRIGGER audit_tax_regimes_delete AFTER DELETE ON tax_regimes BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before)
  VALUES (juste_actor(), juste_as(), 'setting', OLD.id, 'delete',
    json_object('table', 'tax_regimes', 'uuid', OLD.uuid, 'province', OLD.province, 'valid_from', OLD.valid_from,
      'regime', OLD.regime, 'hst_rate', OLD.hst_rate));
END;

-- --------------------------------------------------------------- invoices
ALTER TABLE invoices ADD COLUMN tax_regime TEXT NOT NULL DEFAULT 'tps_tvq'
  CHECK (tax_regime IN ('tps_tvq', 'tvh', 'tps', 'detaxe'))
  CONSTRAINT invoice_tvq_slot CHECK (tax_regime = 'tps_tvq' OR (tvq_rate = 0 AND tvq_cents = 0))
  CONSTRAINT invoice_zero_rated CHECK (tax_regime <> 'detaxe'
    OR (tps_rate = 0 AND tps_cents = 0 AND length(tax_exempt_reason) > 0));
ALTER TABLE invoices ADD COLUMN place_of_supply TEXT NOT NULL DEFAULT 'QC'
  CONSTRAINT invoice_place_of_supply CHECK (place_of_supply GLOB '[A-Z][A-Z]');

-- What an issued invoice copied is as read-only as the rest of it (004).
CREATE TRIGGER invoices_issued_update_taxes BEFORE UPDATE OF tax_regime, place_of_supply ON invoices
WHEN OLD.status = 'issued'
  AND (NEW.tax_regime IS NOT OLD.tax_regime OR NEW.place_of_supply IS NOT OLD.place_of_supply)
BEGIN
  SELECT RAISE(ABORT, 'juste: issued invoice is read-only');
END;

CREATE TRIGGER invoices_issue_credit BEFORE UPDATE OF status ON invoices
WHEN OLD.status = 'draft' AND NEW.status = 'issued' AND NEW.kind = 'credit'
BEGIN
  SELECT RAISE(ABORT, 'juste: credit note does not match its invoice')
  WHERE NOT EXISTS (SELECT 1 FROM invoices i WHERE i.id = NEW.credited_id
        AND i.tax_regime = NEW.tax_regime AND i.place_of_supply = NEW.place_of_supply
        AND i.tps_rate = NEW.tps_rate AND i.tvq_rate = NEW.tvq_rate AND i.period = NEW.period);
  SELECT RAISE(ABORT, 'juste: credit exceeds a tax of its invoice')
  FROM invoices i, (SELECT coalesce(sum(tps_cents), 0) AS tps, coalesce(sum(tvq_cents), 0) AS tvq
                    FROM invoices WHERE credited_id = NEW.credited_id AND status = 'issued' AND id <> NEW.id) c
  WHERE i.id = NEW.credited_id
    AND ((NEW.tps_cents < 0 AND i.tps_cents + c.tps + NEW.tps_cents < 0)
      OR (NEW.tvq_cents < 0 AND i.tvq_cents + c.tvq + NEW.tvq_cents < 0));
  SELECT RAISE(ABORT, 'juste: a full credit leaves nothing of its invoice')
  FROM invoices i, (SELECT coalesce(sum(subtotal_cents), 0) AS sub, coalesce(sum(tps_cents), 0) AS tps,
                           coalesce(sum(tvq_cents), 0) AS tvq
                    FROM invoices WHERE credited_id = NEW.credited_id AND status = 'issued' AND id <> NEW.id) c
  WHERE i.id = NEW.credited_id
    AND ((NEW.credit_full = 1 AND (i.subtotal_cents + c.sub + NEW.subtotal_cents <> 0
                                   OR i.tps_cents + c.tps + NEW.tps_cents > 0
                                   OR i.tvq_cents + c.tvq + NEW.tvq_cents > 0))
      OR (NEW.credit_full = 0 AND i.subtotal_cents + c.sub + NEW.subtotal_cents = 0));
END;

CREATE TRIGGER invoices_issue_dates BEFORE UPDATE OF status ON invoices
WHEN OLD.status = 'draft' AND NEW.status = 'issued'
BEGIN
  SELECT RAISE(ABORT, 'juste: invoice number out of sequence')
  WHERE NEW.seq_year IS NOT CAST(substr(NEW.issued_on, 1, 4) AS INTEGER);
  SELECT RAISE(ABORT, 'juste: numbers follow issue dates')
  WHERE NEW.issued_on < (SELECT max(issued_on) FROM invoices
                         WHERE kind = NEW.kind AND seq_year = NEW.seq_year AND status = 'issued');
  SELECT RAISE(ABORT, 'juste: invoice dated before its period')
  WHERE NEW.kind = 'invoice' AND NEW.issued_on < NEW.period || '-01';
  SELECT RAISE(ABORT, 'juste: invoice bills work after its date')
  WHERE EXISTS (SELECT 1 FROM invoice_entries WHERE invoice_id = NEW.id AND work_date > NEW.issued_on);
  SELECT RAISE(ABORT, 'juste: credit note dated before its invoice')
  WHERE NEW.kind = 'credit' AND NEW.issued_on < (SELECT issued_on FROM invoices WHERE id = NEW.credited_id);
END;

-- The audit row of a new invoice names its taxes too.
DROP TRIGGER audit_invoices_insert;
CREATE TRIGGER audit_invoices_insert AFTER INSERT ON invoices BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'invoice', NEW.id, 'insert',
    json_object('uuid', NEW.uuid, 'kind', NEW.kind, 'status', NEW.status, 'client_id', NEW.client_id,
      'period', NEW.period, 'tax_regime', NEW.tax_regime, 'place_of_supply', NEW.place_of_supply,
      'subtotal_cents', NEW.subtotal_cents, 'tps_cents', NEW.tps_cents,
      'tvq_cents', NEW.tvq_cents, 'total_cents', NEW.total_cents, 'credited_id', NEW.credited_id,
      'credit_reason', NEW.credit_reason, 'credit_full', NEW.credit_full));
END;
