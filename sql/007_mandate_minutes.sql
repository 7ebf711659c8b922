-- 007: the mandate index also carries minutes, so that the budget used by
-- every mandate (the manager's Utilisation screen) is read from the index
-- alone instead of from every row of the entries table.
DROP INDEX entries_mandate_date;
CREATE INDEX entries_mandate_date ON entries(mandate_id, work_date, minutes);
