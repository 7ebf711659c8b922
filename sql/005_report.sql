-- 005: what the annual activity report needs beyond time and invoices:
-- the finance figures the manager enters per fiscal year, the business-
-- development log, and the experts' optional gender and birth year.
--
-- Finance figures: one row per fiscal year (fy = the calendar year it starts
-- in), each amount NULL until entered.  Actual products normally come from
-- the issued invoices net of credit notes; the entered actual is only used
-- for years kept before juste (no invoice issued in the year).
--
-- The audit table of 001 only accepts its own entity names, so the changes
-- to these two tables are recorded in report_audit, written by triggers with
-- juste_actor()/juste_as() exactly like the audit log (a connection that does
-- not say who is acting cannot write them), and append-only.  The experts'
-- new columns are audited in the audit log itself: its update trigger is
-- recreated to carry them.

CREATE TABLE finance_years (
  fy            INTEGER PRIMARY KEY CHECK (fy BETWEEN 1900 AND 9999),
  actual_products_cents  INTEGER CHECK (actual_products_cents IS NULL OR actual_products_cents >= 0),
  actual_expenses_cents  INTEGER CHECK (actual_expenses_cents IS NULL OR actual_expenses_cents >= 0),
  budget_products_cents  INTEGER CHECK (budget_products_cents IS NULL OR budget_products_cents >= 0),
  budget_expenses_cents  INTEGER CHECK (budget_expenses_cents IS NULL OR budget_expenses_cents >= 0),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE devaffaires (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  on_date       TEXT NOT NULL CHECK (date(on_date) IS on_date),
  kind          TEXT NOT NULL CHECK (kind IN ('evenement', 'rencontre')),
  partner       TEXT NOT NULL CHECK (partner IN ('reseaux', 'obnl', 'relayeurs')),
  name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX devaffaires_date ON devaffaires(on_date);

-- Optional, and shown only to gestionnaire and admin (the program keeps
-- them out of every other role's reach: exports, lists).
ALTER TABLE experts ADD COLUMN gender TEXT CHECK (gender IS NULL OR gender IN ('F', 'M', 'X'));
ALTER TABLE experts ADD COLUMN birth_year INTEGER CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100);

CREATE TABLE report_audit (
  id            INTEGER PRIMARY KEY,
  at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  actor         TEXT NOT NULL,
  as_login      TEXT,
  entity        TEXT NOT NULL CHECK (entity IN ('finance', 'devaffaires')),
  entity_id     INTEGER NOT NULL,
  action        TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  before        TEXT,
  after         TEXT
);
CREATE INDEX report_audit_at ON report_audit(at);
CREATE TRIGGER report_audit_no_update BEFORE UPDATE ON report_audit BEGIN
  SELECT RAISE(ABORT, 'juste: the audit log is append-only');
END;
CREATE TRIGGER report_audit_no_delete BEFORE DELETE ON report_audit BEGIN
  SELECT RAISE(ABORT, 'juste: the audit log is append-only');
END;

CREATE TRIGGER audit_finance_insert AFTER INSERT ON finance_years BEGIN
  INSERT INTO report_audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'finance', NEW.fy, 'insert',
    json_object('fy', NEW.fy, 'actual_products_cents', NEW.actual_products_cents,
      'actual_expenses_cents', NEW.actual_expenses_cents, 'budget_products_cents', NEW.budget_products_cents,
      'budget_expenses_cents', NEW.budget_expenses_cents));
END;
CREATE TRIGGER audit_finance_update AFTER UPDATE ON finance_years BEGIN
  INSERT INTO report_audit(actor, as_login, entity, entity_id, action, before, after)
  VALUES (juste_actor(), juste_as(), 'finance', NEW.fy, 'update',
    json_object('fy', OLD.fy, 'actual_products_cents', OLD.actual_products_cents,
      'actual_expenses_cents', OLD.actual_expenses_cents, 'budget_products_cents', OLD.budget_products_cents,
      'budget_expenses_cents', OLD.budget_expenses_cents),
    json_object('fy', NEW.fy, 'actual_products_cents', NEW.actual_products_cents,
      'actual_expenses_cents', NEW.actual_expenses_cents, 'budget_products_cents', NEW.budget_products_cents,
      'budget_expenses_cents', NEW.budget_expenses_cents));
END;
CREATE TRIGGER audit_finance_delete AFTER DELETE ON finance_years BEGIN
  INSERT INTO report_audit(actor, as_login, entity, entity_id, action, before)
  VALUES (juste_actor(), juste_as(), 'finance', OLD.fy, 'delete',
    json_object('fy', OLD.fy, 'actual_products_cents', OLD.actual_products_cents,
      'actual_expenses_cents', OLD.actual_expenses_cents, 'budget_products_cents', OLD.budget_products_cents,
      'budget_expenses_cents', OLD.budget_expenses_cents));
END;
CREATE TRIGGER audit_devaffaires_insert AFTER INSERT ON devaffaires BEGIN
  INSERT INTO report_audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'devaffaires', NEW.id, 'insert',
    json_object('uuid', NEW.uuid, 'on_date', NEW.on_date, 'kind', NEW.kind, 'partner', NEW.partner,
      'name', NEW.name));
END;
CREATE TRIGGER audit_devaffaires_update AFTER UPDATE ON devaffaires BEGIN
  INSERT INTO report_audit(actor, as_login, entity, entity_id, action, before, after)
  VALUES (juste_actor(), juste_as(), 'devaffaires', NEW.id, 'update',
    json_object('uuid', OLD.uuid, 'on_date', OLD.on_date, 'kind', OLD.kind, 'partner', OLD.partner,
      'name', OLD.name),
    json_object('uuid', NEW.uuid, 'on_date', NEW.on_date, 'kind', NEW.kind, 'partner', NEW.partner,
      'name', NEW.name));
END;
CREATE TRIGGER audit_devaffaires_delete AFTER DELETE ON devaffaires BEGIN
  INSERT INTO report_audit(actor, as_login, entity, entity_id, action, before)
  VALUES (juste_actor(), juste_as(), 'devaffaires', OLD.id, 'delete',
    json_object('uuid', OLD.uuid, 'on_date', OLD.on_date, 'kind', OLD.kind, 'partner', OLD.partner,
      'name', OLD.name));
END;

-- The experts' audit rows now carry the two new columns.
DROP TRIGGER audit_experts_insert;
DROP TRIGGER audit_experts_update;
DROP TRIGGER audit_experts_delete;
CREATE TRIGGER audit_experts_insert AFTER INSERT ON experts BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'expert', NEW.id, 'insert', json_object('uuid', NEW.uuid, 'login', NEW.login, 'name', NEW.name, 'function', NEW.function, 'role', NEW.role, 'weekly_minutes', NEW.weekly_minutes, 'started_on', NEW.started_on, 'left_on', NEW.left_on, 'gender', NEW.gender, 'birth_year', NEW.birth_year));
END;
CREATE TRIGGER audit_experts_update AFTER UPDATE ON experts BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before, after)
  VALUES (juste_actor(), juste_as(), 'expert', NEW.id, 'update', json_object('uuid', OLD.uuid, 'login', OLD.login, 'name', OLD.name, 'function', OLD.function, 'role', OLD.role, 'weekly_minutes', OLD.weekly_minutes, 'started_on', OLD.started_on, 'left_on', OLD.left_on, 'gender', OLD.gender, 'birth_year', OLD.birth_year), json_object('uuid', NEW.uuid, 'login', NEW.login, 'name', NEW.name, 'function', NEW.function, 'role', NEW.role, 'weekly_minutes', NEW.weekly_minutes, 'started_on', NEW.started_on, 'left_on', NEW.left_on, 'gender', NEW.gender, 'birth_year', NEW.birth_year));
END;
CREATE TRIGGER audit_experts_delete AFTER DELETE ON experts BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before)
  VALUES (juste_actor(), juste_as(), 'expert', OLD.id, 'delete', json_object('uuid', OLD.uuid, 'login', OLD.login, 'name', OLD.name, 'function', OLD.function, 'role', OLD.role, 'weekly_minutes', OLD.weekly_minutes, 'started_on', OLD.started_on, 'left_on', OLD.left_on, 'gender', OLD.gender, 'birth_year', OLD.birth_year));
END;
