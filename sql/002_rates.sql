-- 002: rate tables, negotiated rates, and the cost inputs of the at-cost
-- calculator ("juste coût").
--
-- A rate table is a name, a valid_from date and rows (service, client
-- category -> cents per hour).  Its rows are written in the transaction that
-- creates it, which then seals it (sealed 0 -> 1, the only change a table
-- ever accepts); a sealed table takes no more rows, and no rate row, table
-- or negotiated rate is ever updated or deleted.  So a table that priced an
-- issued invoice can never change under it: a correction is a new table
-- (the newest table with the same valid_from then wins).
--
-- Negotiated rates belong either to one mandate or to an organisation and a
-- service, start on valid_from and end on valid_to (inclusive) when given,
-- or when the next negotiated rate for the same mandate (same organisation
-- and service) starts.  They are insert-only too.
--
-- Cost inputs (per fiscal year) are planning data: importing a fiscal year
-- again replaces its inputs.  All of it is audited under entity 'rate'
-- (the after/before JSON says which table).

CREATE TABLE rate_tables (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  name          TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 255),
  valid_from    TEXT NOT NULL CHECK (date(valid_from) IS valid_from),
  sealed        INTEGER NOT NULL DEFAULT 0 CHECK (sealed IN (0, 1)),
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX rate_tables_from ON rate_tables(valid_from, id);

CREATE TABLE rate_rows (
  id            INTEGER PRIMARY KEY,
  table_id      INTEGER NOT NULL REFERENCES rate_tables(id),
  service_id    INTEGER NOT NULL REFERENCES services(id),
  category      TEXT NOT NULL CHECK (category IN ('membre', 'auxiliaire', 'soutien', 'non_membre')),
  rate_cents    INTEGER NOT NULL CHECK (rate_cents BETWEEN 1 AND 100000000),
  UNIQUE (table_id, service_id, category)
);

CREATE TABLE negotiated_rates (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  mandate_id    INTEGER REFERENCES mandates(id),
  org_id        INTEGER REFERENCES orgs(id),
  service_id    INTEGER REFERENCES services(id),
  valid_from    TEXT NOT NULL CHECK (date(valid_from) IS valid_from),
  valid_to      TEXT CHECK (valid_to IS NULL OR (date(valid_to) IS valid_to AND valid_to >= valid_from)),
  rate_cents    INTEGER NOT NULL CHECK (rate_cents BETWEEN 1 AND 100000000),
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  -- either a mandate, or an organisation and a service
  CHECK ((mandate_id IS NOT NULL AND org_id IS NULL AND service_id IS NULL)
      OR (mandate_id IS NULL AND org_id IS NOT NULL AND service_id IS NOT NULL))
);
CREATE UNIQUE INDEX negotiated_mandate ON negotiated_rates(mandate_id, valid_from) WHERE mandate_id IS NOT NULL;
CREATE UNIQUE INDEX negotiated_org ON negotiated_rates(org_id, service_id, valid_from) WHERE org_id IS NOT NULL;

-- Rates are never changed nor removed.
CREATE TRIGGER rate_tables_no_update BEFORE UPDATE ON rate_tables
WHEN NOT (OLD.sealed = 0 AND NEW.sealed = 1 AND NEW.id = OLD.id AND NEW.uuid = OLD.uuid
  AND NEW.name = OLD.name AND NEW.valid_from = OLD.valid_from AND NEW.created_at = OLD.created_at)
BEGIN
  SELECT RAISE(ABORT, 'juste: rates are never changed; a correction is a new table');
END;
CREATE TRIGGER rate_tables_no_delete BEFORE DELETE ON rate_tables BEGIN
  SELECT RAISE(ABORT, 'juste: rates are never changed; a correction is a new table');
END;
CREATE TRIGGER rate_rows_sealed BEFORE INSERT ON rate_rows
WHEN (SELECT sealed FROM rate_tables WHERE id = NEW.table_id) = 1
BEGIN
  SELECT RAISE(ABORT, 'juste: rates are never changed; a correction is a new table');
END;
CREATE TRIGGER rate_rows_no_update BEFORE UPDATE ON rate_rows BEGIN
  SELECT RAISE(ABORT, 'juste: rates are never changed; a correction is a new table');
END;
CREATE TRIGGER rate_rows_no_delete BEFORE DELETE ON rate_rows BEGIN
  SELECT RAISE(ABORT, 'juste: rates are never changed; a correction is a new table');
END;
CREATE TRIGGER negotiated_no_update BEFORE UPDATE ON negotiated_rates BEGIN
  SELECT RAISE(ABORT, 'juste: rates are never changed; a correction is a new table');
END;
CREATE TRIGGER negotiated_no_delete BEFORE DELETE ON negotiated_rates BEGIN
  SELECT RAISE(ABORT, 'juste: rates are never changed; a correction is a new table');
END;

-- Cost inputs of a fiscal year (fy = the calendar year it starts in).
CREATE TABLE cost_years (
  id            INTEGER PRIMARY KEY,
  fy            INTEGER NOT NULL UNIQUE CHECK (fy BETWEEN 1900 AND 9999),
  overhead_cents INTEGER NOT NULL CHECK (overhead_cents >= 0),
  surplus_cents INTEGER NOT NULL,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE cost_levels (
  id            INTEGER PRIMARY KEY,
  year_id       INTEGER NOT NULL REFERENCES cost_years(id) ON DELETE CASCADE,
  level         TEXT NOT NULL CHECK (length(level) BETWEEN 1 AND 32),
  position      INTEGER NOT NULL,
  headcount     INTEGER NOT NULL CHECK (headcount BETWEEN 1 AND 100000),
  salary_cents  INTEGER NOT NULL CHECK (salary_cents >= 0),
  benefits_rate INTEGER NOT NULL CHECK (benefits_rate BETWEEN 0 AND 100000),  -- thousandths of a percent
  hours_per_expert INTEGER NOT NULL CHECK (hours_per_expert BETWEEN 1 AND 8784),
  UNIQUE (year_id, level)
);

-- The services a level delivers: what `rate propose --adopt` prices.  A
-- service belongs to at most one level in a year.
CREATE TABLE cost_level_services (
  level_id      INTEGER NOT NULL REFERENCES cost_levels(id) ON DELETE CASCADE,
  year_id       INTEGER NOT NULL REFERENCES cost_years(id) ON DELETE CASCADE,
  service_id    INTEGER NOT NULL REFERENCES services(id),
  PRIMARY KEY (level_id, service_id),
  UNIQUE (year_id, service_id)
);

CREATE TRIGGER audit_rate_tables_insert AFTER INSERT ON rate_tables BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'rate', NEW.id, 'insert',
    json_object('table', 'rate_tables', 'uuid', NEW.uuid, 'name', NEW.name, 'valid_from', NEW.valid_from));
END;
CREATE TRIGGER audit_rate_tables_update AFTER UPDATE ON rate_tables BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before, after)
  VALUES (juste_actor(), juste_as(), 'rate', NEW.id, 'update',
    json_object('table', 'rate_tables', 'sealed', OLD.sealed),
    json_object('table', 'rate_tables', 'sealed', NEW.sealed));
END;
CREATE TRIGGER audit_rate_rows_insert AFTER INSERT ON rate_rows BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'rate', NEW.id, 'insert',
    json_object('table', 'rate_rows', 'table_id', NEW.table_id, 'service_id', NEW.service_id,
      'category', NEW.category, 'rate_cents', NEW.rate_cents));
END;
CREATE TRIGGER audit_negotiated_insert AFTER INSERT ON negotiated_rates BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'rate', NEW.id, 'insert',
    json_object('table', 'negotiated_rates', 'uuid', NEW.uuid, 'mandate_id', NEW.mandate_id,
      'org_id', NEW.org_id, 'service_id', NEW.service_id, 'valid_from', NEW.valid_from,
      'valid_to', NEW.valid_to, 'rate_cents', NEW.rate_cents));
END;
CREATE TRIGGER audit_cost_years_insert AFTER INSERT ON cost_years BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'rate', NEW.id, 'insert',
    json_object('table', 'cost_years', 'fy', NEW.fy, 'overhead_cents', NEW.overhead_cents,
      'surplus_cents', NEW.surplus_cents));
END;
CREATE TRIGGER audit_cost_years_delete AFTER DELETE ON cost_years BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before)
  VALUES (juste_actor(), juste_as(), 'rate', OLD.id, 'delete',
    json_object('table', 'cost_years', 'fy', OLD.fy, 'overhead_cents', OLD.overhead_cents,
      'surplus_cents', OLD.surplus_cents));
END;
CREATE TRIGGER audit_cost_levels_insert AFTER INSERT ON cost_levels BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'rate', NEW.id, 'insert',
    json_object('table', 'cost_levels', 'year_id', NEW.year_id, 'level', NEW.level,
      'headcount', NEW.headcount, 'salary_cents', NEW.salary_cents,
      'benefits_rate', NEW.benefits_rate, 'hours_per_expert', NEW.hours_per_expert));
END;
CREATE TRIGGER audit_cost_levels_delete AFTER DELETE ON cost_levels BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before)
  VALUES (juste_actor(), juste_as(), 'rate', OLD.id, 'delete',
    json_object('table', 'cost_levels', 'year_id', OLD.year_id, 'level', OLD.level,
      'headcount', OLD.headcount, 'salary_cents', OLD.salary_cents,
      'benefits_rate', OLD.benefits_rate, 'hours_per_expert', OLD.hours_per_expert));
END;
CREATE TRIGGER audit_cost_level_services_insert AFTER INSERT ON cost_level_services BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'rate', NEW.level_id, 'insert',
    json_object('table', 'cost_level_services', 'level_id', NEW.level_id, 'service_id', NEW.service_id));
END;
CREATE TRIGGER audit_cost_level_services_delete AFTER DELETE ON cost_level_services BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before)
  VALUES (juste_actor(), juste_as(), 'rate', OLD.level_id, 'delete',
    json_object('table', 'cost_level_services', 'level_id', OLD.level_id, 'service_id', OLD.service_id));
END;
