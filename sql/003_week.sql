-- 003: the expert's week: running timers, pinned mandates, and the months
-- the manager closed.
--
-- A closed month is held by the database itself: triggers refuse to insert,
-- change or delete an entry whose work date (old or new) falls in one, so no
-- program path (an import, a raw connection, a bug) can alter time the
-- manager has closed.  Closing and reopening are recorded in month_log by
-- triggers, with juste_actor()/juste_as() like the audit log, so a
-- connection that does not say who is acting cannot close or reopen.
--
-- Timers and pins are the expert's working state, not business records:
-- the entry a timer produces is audited like any other.

-- One running timer per expert.  started_at is Unix time (seconds, UTC) so
-- that every terminal computes the same elapsed time; work_date is the
-- expert's day when it was started, where the entry goes on stop.
CREATE TABLE timers (
  expert_id     INTEGER PRIMARY KEY REFERENCES experts(id),
  mandate_id    INTEGER NOT NULL REFERENCES mandates(id),
  started_at    INTEGER NOT NULL CHECK (started_at > 0),
  work_date     TEXT NOT NULL CHECK (date(work_date) IS work_date),
  note          TEXT NOT NULL DEFAULT ''
);

-- Mandates shown on an expert's week even without hours.  week = '' pins
-- the mandate on every week; a Monday pins it on that week only (a row
-- added through the picker, or copied from the previous week).
CREATE TABLE pins (
  expert_id     INTEGER NOT NULL REFERENCES experts(id),
  mandate_id    INTEGER NOT NULL REFERENCES mandates(id),
  week          TEXT NOT NULL DEFAULT ''
                CHECK (week = '' OR (date(week) IS week AND strftime('%w', week) = '1')),
  PRIMARY KEY (expert_id, mandate_id, week)
) WITHOUT ROWID;

CREATE TABLE closed_months (
  month         TEXT PRIMARY KEY
                CHECK (length(month) = 7 AND date(month || '-01') IS month || '-01'),
  closed_by     TEXT NOT NULL CHECK (length(closed_by) BETWEEN 1 AND 64),
  closed_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- Append-only history of closing and reopening.
CREATE TABLE month_log (
  id            INTEGER PRIMARY KEY,
  at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  actor         TEXT NOT NULL,
  as_login      TEXT,
  month         TEXT NOT NULL,
  action        TEXT NOT NULL CHECK (action IN ('close', 'reopen')),
  closed_by     TEXT NOT NULL
);
CREATE INDEX month_log_month ON month_log(month);

CREATE TRIGGER closed_months_log_close AFTER INSERT ON closed_months BEGIN
  INSERT INTO month_log(actor, as_login, month, action, closed_by)
  VALUES (juste_actor(), juste_as(), NEW.month, 'close', NEW.closed_by);
END;
CREATE TRIGGER closed_months_log_reopen AFTER DELETE ON closed_months BEGIN
  INSERT INTO month_log(actor, as_login, month, action, closed_by)
  VALUES (juste_actor(), juste_as(), OLD.month, 'reopen', OLD.closed_by);
END;
-- A closing is made or undone, never rewritten: who closed stays true.
CREATE TRIGGER closed_months_no_update BEFORE UPDATE ON closed_months BEGIN
  SELECT RAISE(ABORT, 'juste: a closed month is reopened, not changed');
END;
CREATE TRIGGER month_log_no_update BEFORE UPDATE ON month_log BEGIN
  SELECT RAISE(ABORT, 'juste: the month log is append-only');
END;
CREATE TRIGGER month_log_no_delete BEFORE DELETE ON month_log BEGIN
  SELECT RAISE(ABORT, 'juste: the month log is append-only');
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
