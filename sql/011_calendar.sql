-- 011: the manager's control: the centre's closures, the experts' absences,
-- the weekly approval of time and the teams of mandates.
--
-- Closures: days the centre is closed beyond the statutory holidays (which
-- are computed, never stored: DOMAIN.md).  A closure is a range of days;
-- ranges do not overlap (the store refuses it).
--
-- Absences: an expert's days away, whole or half (half: each working day of
-- the range counts for half a day).  The kind is one of vocab.h's
-- ABSENCE_KIND_INFO words.
--
-- Week approvals: one row per expert and week (its Monday) once the expert
-- submitted it.  submitted and approved lock the week's entries for
-- everyone (the triggers below); returned opens it again, with the reason.
--
-- Mandate teams: a mandate with at least one member accepts time only from
-- its members; manager = 1 marks the one named to the others.
--
-- Every table is audited by triggers, like the others (007).

CREATE TABLE closures (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid          TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  first_day     TEXT NOT NULL UNIQUE CHECK (date(first_day) IS first_day),
  last_day      TEXT NOT NULL CHECK (date(last_day) IS last_day AND last_day >= first_day),
  name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 256)
);

CREATE TABLE absences (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid          TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  expert_id     INTEGER NOT NULL REFERENCES experts(id),
  first_day     TEXT NOT NULL CHECK (date(first_day) IS first_day),
  last_day      TEXT NOT NULL CHECK (date(last_day) IS last_day AND last_day >= first_day),
  kind          TEXT NOT NULL CHECK (kind IN ('vacances', 'maladie', 'formation', 'parental', 'autre')),
  half          INTEGER NOT NULL DEFAULT 0 CHECK (half IN (0, 1)),
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX absences_expert_day ON absences(expert_id, first_day);

CREATE TABLE week_approvals (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid          TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  expert_id     INTEGER NOT NULL REFERENCES experts(id),
  monday        TEXT NOT NULL CHECK (date(monday) IS monday AND strftime('%w', monday) = '1'),
  status        TEXT NOT NULL CHECK (status IN ('submitted', 'approved', 'returned')),
  submitted_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  decided_by    TEXT NOT NULL DEFAULT '',
  decided_at    TEXT NOT NULL DEFAULT '',
  reason        TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 1024),
  UNIQUE (expert_id, monday)
);
CREATE INDEX week_approvals_monday ON week_approvals(monday);

CREATE TABLE mandate_team (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid          TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  mandate_id    INTEGER NOT NULL REFERENCES mandates(id),
  expert_id     INTEGER NOT NULL REFERENCES experts(id),
  manager       INTEGER NOT NULL DEFAULT 0 CHECK (manager IN (0, 1)),
  UNIQUE (mandate_id, expert_id)
);

-- The store checks both rules first and names who to ask; these keep them
-- for any other writer.  An entry of a non-member made before the team was
-- set stays editable (only a change of expert or mandate is checked).
CREATE TRIGGER entries_team_insert BEFORE INSERT ON entries
WHEN EXISTS (SELECT 1 FROM mandate_team WHERE mandate_id = NEW.mandate_id)
 AND NOT EXISTS (SELECT 1 FROM mandate_team WHERE mandate_id = NEW.mandate_id AND expert_id = NEW.expert_id)
BEGIN
  SELECT RAISE(ABORT, 'juste: not on the mandate team');
END;
CREATE TRIGGER entries_team_update BEFORE UPDATE OF mandate_id, expert_id ON entries
WHEN (NEW.mandate_id IS NOT OLD.mandate_id OR NEW.expert_id IS NOT OLD.expert_id)
 AND EXISTS (SELECT 1 FROM mandate_team WHERE mandate_id = NEW.mandate_id)
 AND NOT EXISTS (SELECT 1 FROM mandate_team WHERE mandate_id = NEW.mandate_id AND expert_id = NEW.expert_id)
BEGIN
  SELECT RAISE(ABORT, 'juste: not on the mandate team');
END;

-- The Monday of a date d is date(d, '-6 days', 'weekday 1').
CREATE TRIGGER entries_week_insert BEFORE INSERT ON entries
WHEN EXISTS (SELECT 1 FROM week_approvals WHERE expert_id = NEW.expert_id
             AND monday = date(NEW.work_date, '-6 days', 'weekday 1') AND status IN ('submitted', 'approved'))
BEGIN
  SELECT RAISE(ABORT, 'juste: entry in a submitted week');
END;
CREATE TRIGGER entries_week_update BEFORE UPDATE ON entries
WHEN EXISTS (SELECT 1 FROM week_approvals WHERE status IN ('submitted', 'approved') AND (
               (expert_id = OLD.expert_id AND monday = date(OLD.work_date, '-6 days', 'weekday 1'))
            OR (expert_id = NEW.expert_id AND monday = date(NEW.work_date, '-6 days', 'weekday 1'))))
BEGIN
  SELECT RAISE(ABORT, 'juste: entry in a submitted week');
END;
CREATE TRIGGER entries_week_delete BEFORE DELETE ON entries
WHEN EXISTS (SELECT 1 FROM week_approvals WHERE expert_id = OLD.expert_id
             AND monday = date(OLD.work_date, '-6 days', 'weekday 1') AND status IN ('submitted', 'approved'))
BEGIN
  SELECT RAISE(ABORT, 'juste: entry in a submitted week');
END;

-- ------------------------------------------------------------------ audit
CREATE TRIGGER audit_closures_insert AFTER INSERT ON closures BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'closure', NEW.id, 'insert',
    json_object('uuid', NEW.uuid, 'first_day', NEW.first_day, 'last_day', NEW.last_day, 'name', NEW.name));
END;
CREATE TRIGGER audit_closures_update AFTER UPDATE ON closures BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before, after)
  VALUES (juste_actor(), juste_as(), 'closure', NEW.id, 'update',
    json_object('uuid', OLD.uuid, 'first_day', OLD.first_day, 'last_day', OLD.last_day, 'name', OLD.name),
    json_object('uuid', NEW.uuid, 'first_day', NEW.first_day, 'last_day', NEW.last_day, 'name', NEW.name));
END;
CREATE TRIGGER audit_closures_delete AFTER DELETE ON closures BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before)
  VALUES (juste_actor(), juste_as(), 'closure', OLD.id, 'delete',
    json_object('uuid', OLD.uuid, 'first_day', OLD.first_day, 'last_day', OLD.last_day, 'name', OLD.name));
END;

CREATE TRIGGER audit_absences_insert AFTER INSERT ON absences BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'absence', NEW.id, 'insert',
    json_object('uuid', NEW.uuid, 'expert_id', NEW.expert_id, 'first_day', NEW.first_day,
      'last_day', NEW.last_day, 'kind', NEW.kind, 'half', NEW.half));
END;
CREATE TRIGGER audit_absences_update AFTER UPDATE ON absences BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before, after)
  VALUES (juste_actor(), juste_as(), 'absence', NEW.id, 'update',
    json_object('uuid', OLD.uuid, 'expert_id', OLD.expert_id, 'first_day', OLD.first_day,
      'last_day', OLD.last_day, 'kind', OLD.kind, 'half', OLD.half),
    json_object('uuid', NEW.uuid, 'expert_id', NEW.expert_id, 'first_day', NEW.first_day,
      'last_day', NEW.last_day, 'kind', NEW.kind, 'half', NEW.half));
END;
CREATE TRIGGER audit_absences_delete AFTER DELETE ON absences BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before)
  VALUES (juste_actor(), juste_as(), 'absence', OLD.id, 'delete',
    json_object('uuid', OLD.uuid, 'expert_id', OLD.expert_id, 'first_day', OLD.first_day,
      'last_day', OLD.last_day, 'kind', OLD.kind, 'half', OLD.half));
END;

CREATE TRIGGER audit_week_approvals_insert AFTER INSERT ON week_approvals BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'week', NEW.id, 'insert',
    json_object('uuid', NEW.uuid, 'expert_id', NEW.expert_id, 'monday', NEW.monday, 'status', NEW.status,
      'decided_by', NEW.decided_by, 'reason', NEW.reason));
END;
CREATE TRIGGER audit_week_approvals_update AFTER UPDATE ON week_approvals BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before, after)
  VALUES (juste_actor(), juste_as(), 'week', NEW.id, 'update',
    json_object('uuid', OLD.uuid, 'expert_id', OLD.expert_id, 'monday', OLD.monday, 'status', OLD.status,
      'decided_by', OLD.decided_by, 'reason', OLD.reason),
    json_object('uuid', NEW.uuid, 'expert_id', NEW.expert_id, 'monday', NEW.monday, 'status', NEW.status,
      'decided_by', NEW.decided_by, 'reason', NEW.reason));
END;
CREATE TRIGGER audit_week_approvals_delete AFTER DELETE ON week_approvals BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before)
  VALUES (juste_actor(), juste_as(), 'week', OLD.id, 'delete',
    json_object('uuid', OLD.uuid, 'expert_id', OLD.expert_id, 'monday', OLD.monday, 'status', OLD.status));
END;

CREATE TRIGGER audit_mandate_team_insert AFTER INSERT ON mandate_team BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'team', NEW.id, 'insert',
    json_object('uuid', NEW.uuid, 'mandate_id', NEW.mandate_id, 'expert_id', NEW.expert_id, 'manager', NEW.manager));
END;
CREATE TRIGGER audit_mandate_team_update AFTER UPDATE ON mandate_team BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before, after)
  VALUES (juste_actor(), juste_as(), 'team', NEW.id, 'update',
    json_object('uuid', OLD.uuid, 'mandate_id', OLD.mandate_id, 'expert_id', OLD.expert_id, 'manager', OLD.manager),
    json_object('uuid', NEW.uuid, 'mandate_id', NEW.mandate_id, 'expert_id', NEW.expert_id, 'manager', NEW.manager));
END;
CREATE TRIGGER audit_mandate_team_delete AFTER DELETE ON mandate_team BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before)
  VALUES (juste_actor(), juste_as(), 'team', OLD.id, 'delete',
    json_object('uuid', OLD.uuid, 'mandate_id', OLD.mandate_id, 'expert_id', OLD.expert_id, 'manager', OLD.manager));
END;
