-- Time summed by month, so that a report over years reads a few thousand
-- rows instead of every entry of those years.  Both tables are derived from
-- entries alone and kept exact by the triggers below; `juste check`
-- compares them with a GROUP BY over entries.
--
-- time_mandate_month: month x mandate -> minutes.  The mandate's client,
-- beneficiary, programme, service and billing mode are joined when read,
-- so changing any of them needs no maintenance here.
-- time_expert_month: month x expert -> billable and internal minutes; the
-- split follows the mandate's billing mode, hence the trigger on mandates.
-- A row whose minutes fall to zero is deleted: each table holds exactly
-- the groups that have entries.
CREATE TABLE time_mandate_month (
  month         TEXT NOT NULL,
  mandate_id    INTEGER NOT NULL,
  minutes       INTEGER NOT NULL,
  PRIMARY KEY (month, mandate_id)
) WITHOUT ROWID;
CREATE TABLE time_expert_month (
  month         TEXT NOT NULL,
  expert_id     INTEGER NOT NULL,
  billable      INTEGER NOT NULL,
  internal      INTEGER NOT NULL,
  PRIMARY KEY (month, expert_id)
) WITHOUT ROWID;

INSERT INTO time_mandate_month(month, mandate_id, minutes)
  SELECT substr(work_date, 1, 7), mandate_id, sum(minutes) FROM entries GROUP BY 1, 2;
INSERT INTO time_expert_month(month, expert_id, billable, internal)
  SELECT substr(e.work_date, 1, 7), e.expert_id,
    sum(CASE WHEN m.billing IN ('horaire', 'forfait') THEN e.minutes ELSE 0 END),
    sum(CASE WHEN m.billing IN ('horaire', 'forfait') THEN 0 ELSE e.minutes END)
  FROM entries e JOIN mandates m ON m.id = e.mandate_id GROUP BY 1, 2;

-- A bulk import (juste_bulk() = 1) adds its rows to both tables in one
-- pass when it ends, instead of two upserts per row.
CREATE TRIGGER time_month_entry_insert AFTER INSERT ON entries WHEN juste_bulk() = 0 BEGIN
  INSERT INTO time_mandate_month(month, mandate_id, minutes)
    VALUES (substr(NEW.work_date, 1, 7), NEW.mandate_id, NEW.minutes)
    ON CONFLICT(month, mandate_id) DO UPDATE SET minutes = minutes + excluded.minutes;
  INSERT INTO time_expert_month(month, expert_id, billable, internal)
    SELECT substr(NEW.work_date, 1, 7), NEW.expert_id,
      CASE WHEN m.billing IN ('horaire', 'forfait') THEN NEW.minutes ELSE 0 END,
      CASE WHEN m.billing IN ('horaire', 'forfait') THEN 0 ELSE NEW.minutes END
    FROM mandates m WHERE m.id = NEW.mandate_id
    ON CONFLICT(month, expert_id) DO UPDATE SET billable = billable + excluded.billable,
      internal = internal + excluded.internal;
END;

CREATE TRIGGER time_month_entry_delete AFTER DELETE ON entries BEGIN
  UPDATE time_mandate_month SET minutes = minutes - OLD.minutes
    WHERE month = substr(OLD.work_date, 1, 7) AND mandate_id = OLD.mandate_id;
  DELETE FROM time_mandate_month
    WHERE month = substr(OLD.work_date, 1, 7) AND mandate_id = OLD.mandate_id AND minutes = 0;
  UPDATE time_expert_month SET
      billable = billable - (SELECT CASE WHEN m.billing IN ('horaire', 'forfait') THEN OLD.minutes ELSE 0 END
        FROM mandates m WHERE m.id = OLD.mandate_id),
      internal = internal - (SELECT CASE WHEN m.billing IN ('horaire', 'forfait') THEN 0 ELSE OLD.minutes END
        FROM mandates m WHERE m.id = OLD.mandate_id)
    WHERE month = substr(OLD.work_date, 1, 7) AND expert_id = OLD.expert_id;
  DELETE FROM time_expert_month
    WHERE month = substr(OLD.work_date, 1, 7) AND expert_id = OLD.expert_id AND billable = 0 AND internal = 0;
END;

CREATE TRIGGER time_month_entry_update AFTER UPDATE OF expert_id, mandate_id, work_date, minutes ON entries BEGIN
  UPDATE time_mandate_month SET minutes = minutes - OLD.minutes
    WHERE month = substr(OLD.work_date, 1, 7) AND mandate_id = OLD.mandate_id;
  DELETE FROM time_mandate_month
    WHERE month = substr(OLD.work_date, 1, 7) AND mandate_id = OLD.mandate_id AND minutes = 0;
  UPDATE time_expert_month SET
      billable = billable - (SELECT CASE WHEN m.billing IN ('horaire', 'forfait') THEN OLD.minutes ELSE 0 END
        FROM mandates m WHERE m.id = OLD.mandate_id),
      internal = internal - (SELECT CASE WHEN m.billing IN ('horaire', 'forfait') THEN 0 ELSE OLD.minutes END
        FROM mandates m WHERE m.id = OLD.mandate_id)
    WHERE month = substr(OLD.work_date, 1, 7) AND expert_id = OLD.expert_id;
  DELETE FROM time_expert_month
    WHERE month = substr(OLD.work_date, 1, 7) AND expert_id = OLD.expert_id AND billable = 0 AND internal = 0;
  INSERT INTO time_mandate_month(month, mandate_id, minutes)
    VALUES (substr(NEW.work_date, 1, 7), NEW.mandate_id, NEW.minutes)
    ON CONFLICT(month, mandate_id) DO UPDATE SET minutes = minutes + excluded.minutes;
  INSERT INTO time_expert_month(month, expert_id, billable, internal)
    SELECT substr(NEW.work_date, 1, 7), NEW.expert_id,
      CASE WHEN m.billing IN ('horaire', 'forfait') THEN NEW.minutes ELSE 0 END,
      CASE WHEN m.billing IN ('horaire', 'forfait') THEN 0 ELSE NEW.minutes END
    FROM mandates m WHERE m.id = NEW.mandate_id
    ON CONFLICT(month, expert_id) DO UPDATE SET billable = billable + excluded.billable,
      internal = internal + excluded.internal;
END;

-- A mandate that becomes billable (or stops being) moves its minutes
-- between the two columns of every month and expert it has entries in.
CREATE TRIGGER time_month_mandate_billing AFTER UPDATE OF billing ON mandates
WHEN (OLD.billing IN ('horaire', 'forfait')) <> (NEW.billing IN ('horaire', 'forfait')) BEGIN
  UPDATE time_expert_month SET
      billable = billable + CASE WHEN NEW.billing IN ('horaire', 'forfait') THEN t.minutes ELSE -t.minutes END,
      internal = internal - CASE WHEN NEW.billing IN ('horaire', 'forfait') THEN t.minutes ELSE -t.minutes END
    FROM (SELECT substr(work_date, 1, 7) AS month, expert_id, sum(minutes) AS minutes
          FROM entries WHERE mandate_id = NEW.id GROUP BY 1, 2) t
    WHERE time_expert_month.month = t.month AND time_expert_month.expert_id = t.expert_id;
END;
