-- 001: the centre's people, organisations, services, programs, mandates,
-- time entries and the audit log.
--
-- Rules the database can hold are held here, so that no program path (nor a
-- bug in one) can store a zero minute entry or an unknown category.  Dates
-- are ISO text, checked with date(x) IS x; money is integer cents; durations
-- integer minutes.  Every record has a UUID (from libuuid, bound by the
-- program) as its stable public id beside its integer key.
--
-- The audit triggers call juste_actor() and juste_as(), SQL functions the
-- program registers on every connection: a write from a connection that does
-- not know who is acting fails instead of going unrecorded.

CREATE TABLE experts (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  login         TEXT NOT NULL UNIQUE CHECK (length(login) BETWEEN 1 AND 64),
  name          TEXT NOT NULL CHECK (length(name) > 0),
  function      TEXT NOT NULL CHECK (function IN ('professionnel', 'formateur', 'direction')),
  role          TEXT NOT NULL CHECK (role IN ('expert', 'commis', 'gestionnaire', 'admin')),
  weekly_minutes INTEGER NOT NULL DEFAULT 2100 CHECK (weekly_minutes BETWEEN 0 AND 10080),
  started_on    TEXT CHECK (started_on IS NULL OR date(started_on) IS started_on),
  left_on       TEXT CHECK (left_on IS NULL OR date(left_on) IS left_on),
  CHECK (left_on IS NULL OR started_on IS NULL OR left_on >= started_on)
);

CREATE TABLE orgs (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  code          TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
  name          TEXT NOT NULL CHECK (length(name) > 0),
  category      TEXT NOT NULL CHECK (category IN ('membre', 'auxiliaire', 'soutien', 'non_membre')),
  parent_id     INTEGER REFERENCES orgs(id),
  full_management INTEGER NOT NULL DEFAULT 0 CHECK (full_management IN (0, 1)),
  tax_exempt    INTEGER NOT NULL DEFAULT 0 CHECK (tax_exempt IN (0, 1)),
  joined_on     TEXT CHECK (joined_on IS NULL OR date(joined_on) IS joined_on),
  left_on       TEXT CHECK (left_on IS NULL OR date(left_on) IS left_on),
  email         TEXT NOT NULL DEFAULT '',
  address       TEXT NOT NULL DEFAULT '',
  CHECK (parent_id IS NULL OR parent_id <> id),
  CHECK (left_on IS NULL OR joined_on IS NULL OR left_on >= joined_on)
);
CREATE INDEX orgs_parent ON orgs(parent_id);

CREATE TABLE services (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  code          TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
  name          TEXT NOT NULL CHECK (length(name) > 0)
);

CREATE TABLE programs (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  code          TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
  name          TEXT NOT NULL CHECK (length(name) > 0)
);

CREATE TABLE mandates (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  code          TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
  title         TEXT NOT NULL CHECK (length(title) > 0),
  client_id     INTEGER NOT NULL REFERENCES orgs(id),
  beneficiary_id INTEGER NOT NULL REFERENCES orgs(id),
  service_id    INTEGER NOT NULL REFERENCES services(id),
  program_id    INTEGER REFERENCES programs(id),
  billing       TEXT NOT NULL CHECK (billing IN ('horaire', 'forfait', 'non_facturable')),
  monthly_fee_cents INTEGER CHECK (monthly_fee_cents IS NULL OR monthly_fee_cents > 0),
  budget_minutes INTEGER CHECK (budget_minutes IS NULL OR budget_minutes > 0),
  budget_cents  INTEGER CHECK (budget_cents IS NULL OR budget_cents > 0),
  opened_on     TEXT NOT NULL CHECK (date(opened_on) IS opened_on),
  closed_on     TEXT CHECK (closed_on IS NULL OR date(closed_on) IS closed_on),
  CHECK (closed_on IS NULL OR closed_on >= opened_on),
  -- a fixed-fee mandate has a fee, and only it has one
  CHECK ((billing = 'forfait') = (monthly_fee_cents IS NOT NULL))
);
CREATE INDEX mandates_client ON mandates(client_id);
CREATE INDEX mandates_beneficiary ON mandates(beneficiary_id);

CREATE TABLE entries (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  expert_id     INTEGER NOT NULL REFERENCES experts(id),
  mandate_id    INTEGER NOT NULL REFERENCES mandates(id),
  work_date     TEXT NOT NULL CHECK (date(work_date) IS work_date),
  minutes       INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
  note          TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
-- minutes included: the 24 h rule below sums them from the index alone
CREATE INDEX entries_expert_date ON entries(expert_id, work_date, minutes);
CREATE INDEX entries_mandate_date ON entries(mandate_id, work_date);
CREATE INDEX entries_date ON entries(work_date);

-- One person cannot work more than 24 h in a day, whatever path wrote it.
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

CREATE TABLE audit (
  id            INTEGER PRIMARY KEY,
  at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  actor         TEXT NOT NULL,           -- the OS login that ran juste
  as_login      TEXT,                    -- whom the admin acted for (--as)
  entity        TEXT NOT NULL CHECK (entity IN ('entry', 'mandate', 'org', 'expert', 'service', 'program', 'rate', 'invoice')),
  entity_id     INTEGER NOT NULL,
  action        TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  before        TEXT,                    -- JSON of the row before, NULL on insert
  after         TEXT                     -- JSON of the row after, NULL on delete
);
CREATE INDEX audit_at ON audit(at);
CREATE INDEX audit_entity ON audit(entity, entity_id);

-- An import audits itself with one summary row (store_bulk_end) instead of
-- one row per entry; every later change is audited row by row.
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

CREATE TRIGGER audit_orgs_insert AFTER INSERT ON orgs BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'org', NEW.id, 'insert', json_object('uuid', NEW.uuid, 'code', NEW.code, 'name', NEW.name, 'category', NEW.category, 'parent_id', NEW.parent_id, 'full_management', NEW.full_management, 'tax_exempt', NEW.tax_exempt, 'joined_on', NEW.joined_on, 'left_on', NEW.left_on, 'email', NEW.email, 'address', NEW.address));
END;
CREATE TRIGGER audit_orgs_update AFTER UPDATE ON orgs BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before, after)
  VALUES (juste_actor(), juste_as(), 'org', NEW.id, 'update', json_object('uuid', OLD.uuid, 'code', OLD.code, 'name', OLD.name, 'category', OLD.category, 'parent_id', OLD.parent_id, 'full_management', OLD.full_management, 'tax_exempt', OLD.tax_exempt, 'joined_on', OLD.joined_on, 'left_on', OLD.left_on, 'email', OLD.email, 'address', OLD.address), json_object('uuid', NEW.uuid, 'code', NEW.code, 'name', NEW.name, 'category', NEW.category, 'parent_id', NEW.parent_id, 'full_management', NEW.full_management, 'tax_exempt', NEW.tax_exempt, 'joined_on', NEW.joined_on, 'left_on', NEW.left_on, 'email', NEW.email, 'address', NEW.address));
END;
CREATE TRIGGER audit_orgs_delete AFTER DELETE ON orgs BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before)
  VALUES (juste_actor(), juste_as(), 'org', OLD.id, 'delete', json_object('uuid', OLD.uuid, 'code', OLD.code, 'name', OLD.name, 'category', OLD.category, 'parent_id', OLD.parent_id, 'full_management', OLD.full_management, 'tax_exempt', OLD.tax_exempt, 'joined_on', OLD.joined_on, 'left_on', OLD.left_on, 'email', OLD.email, 'address', OLD.address));
END;
CREATE TRIGGER audit_experts_insert AFTER INSERT ON experts BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'expert', NEW.id, 'insert', json_object('uuid', NEW.uuid, 'login', NEW.login, 'name', NEW.name, 'function', NEW.function, 'role', NEW.role, 'weekly_minutes', NEW.weekly_minutes, 'started_on', NEW.started_on, 'left_on', NEW.left_on));
END;
CREATE TRIGGER audit_experts_update AFTER UPDATE ON experts BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before, after)
  VALUES (juste_actor(), juste_as(), 'expert', NEW.id, 'update', json_object('uuid', OLD.uuid, 'login', OLD.login, 'name', OLD.name, 'function', OLD.function, 'role', OLD.role, 'weekly_minutes', OLD.weekly_minutes, 'started_on', OLD.started_on, 'left_on', OLD.left_on), json_object('uuid', NEW.uuid, 'login', NEW.login, 'name', NEW.name, 'function', NEW.function, 'role', NEW.role, 'weekly_minutes', NEW.weekly_minutes, 'started_on', NEW.started_on, 'left_on', NEW.left_on));
END;
CREATE TRIGGER audit_experts_delete AFTER DELETE ON experts BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before)
  VALUES (juste_actor(), juste_as(), 'expert', OLD.id, 'delete', json_object('uuid', OLD.uuid, 'login', OLD.login, 'name', OLD.name, 'function', OLD.function, 'role', OLD.role, 'weekly_minutes', OLD.weekly_minutes, 'started_on', OLD.started_on, 'left_on', OLD.left_on));
END;
CREATE TRIGGER audit_services_insert AFTER INSERT ON services BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'service', NEW.id, 'insert', json_object('uuid', NEW.uuid, 'code', NEW.code, 'name', NEW.name));
END;
CREATE TRIGGER audit_services_update AFTER UPDATE ON services BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before, after)
  VALUES (juste_actor(), juste_as(), 'service', NEW.id, 'update', json_object('uuid', OLD.uuid, 'code', OLD.code, 'name', OLD.name), json_object('uuid', NEW.uuid, 'code', NEW.code, 'name', NEW.name));
END;
CREATE TRIGGER audit_services_delete AFTER DELETE ON services BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before)
  VALUES (juste_actor(), juste_as(), 'service', OLD.id, 'delete', json_object('uuid', OLD.uuid, 'code', OLD.code, 'name', OLD.name));
END;
CREATE TRIGGER audit_programs_insert AFTER INSERT ON programs BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'program', NEW.id, 'insert', json_object('uuid', NEW.uuid, 'code', NEW.code, 'name', NEW.name));
END;
CREATE TRIGGER audit_programs_update AFTER UPDATE ON programs BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before, after)
  VALUES (juste_actor(), juste_as(), 'program', NEW.id, 'update', json_object('uuid', OLD.uuid, 'code', OLD.code, 'name', OLD.name), json_object('uuid', NEW.uuid, 'code', NEW.code, 'name', NEW.name));
END;
CREATE TRIGGER audit_programs_delete AFTER DELETE ON programs BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before)
  VALUES (juste_actor(), juste_as(), 'program', OLD.id, 'delete', json_object('uuid', OLD.uuid, 'code', OLD.code, 'name', OLD.name));
END;
CREATE TRIGGER audit_mandates_insert AFTER INSERT ON mandates BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'mandate', NEW.id, 'insert', json_object('uuid', NEW.uuid, 'code', NEW.code, 'title', NEW.title, 'client_id', NEW.client_id, 'beneficiary_id', NEW.beneficiary_id, 'service_id', NEW.service_id, 'program_id', NEW.program_id, 'billing', NEW.billing, 'monthly_fee_cents', NEW.monthly_fee_cents, 'budget_minutes', NEW.budget_minutes, 'budget_cents', NEW.budget_cents, 'opened_on', NEW.opened_on, 'closed_on', NEW.closed_on));
END;
CREATE TRIGGER audit_mandates_update AFTER UPDATE ON mandates BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before, after)
  VALUES (juste_actor(), juste_as(), 'mandate', NEW.id, 'update', json_object('uuid', OLD.uuid, 'code', OLD.code, 'title', OLD.title, 'client_id', OLD.client_id, 'beneficiary_id', OLD.beneficiary_id, 'service_id', OLD.service_id, 'program_id', OLD.program_id, 'billing', OLD.billing, 'monthly_fee_cents', OLD.monthly_fee_cents, 'budget_minutes', OLD.budget_minutes, 'budget_cents', OLD.budget_cents, 'opened_on', OLD.opened_on, 'closed_on', OLD.closed_on), json_object('uuid', NEW.uuid, 'code', NEW.code, 'title', NEW.title, 'client_id', NEW.client_id, 'beneficiary_id', NEW.beneficiary_id, 'service_id', NEW.service_id, 'program_id', NEW.program_id, 'billing', NEW.billing, 'monthly_fee_cents', NEW.monthly_fee_cents, 'budget_minutes', NEW.budget_minutes, 'budget_cents', NEW.budget_cents, 'opened_on', NEW.opened_on, 'closed_on', NEW.closed_on));
END;
CREATE TRIGGER audit_mandates_delete AFTER DELETE ON mandates BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before)
  VALUES (juste_actor(), juste_as(), 'mandate', OLD.id, 'delete', json_object('uuid', OLD.uuid, 'code', OLD.code, 'title', OLD.title, 'client_id', OLD.client_id, 'beneficiary_id', OLD.beneficiary_id, 'service_id', OLD.service_id, 'program_id', OLD.program_id, 'billing', OLD.billing, 'monthly_fee_cents', OLD.monthly_fee_cents, 'budget_minutes', OLD.budget_minutes, 'budget_cents', OLD.budget_cents, 'opened_on', OLD.opened_on, 'closed_on', OLD.closed_on));
END;
