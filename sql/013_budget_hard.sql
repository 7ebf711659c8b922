-- 013: a mandate's budget may be hard: time past 100 % of it is refused
-- (budget_hard = 1) instead of only warned about.  The mandates' audit
-- triggers (last written by 006) are recreated to record the flag.
ALTER TABLE mandates ADD COLUMN budget_hard INTEGER NOT NULL DEFAULT 0 CHECK (budget_hard IN (0, 1));

DROP TRIGGER audit_mandates_insert;
DROP TRIGGER audit_mandates_update;
DROP TRIGGER audit_mandates_delete;
CREATE TRIGGER audit_mandates_insert AFTER INSERT ON mandates BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'mandate', NEW.id, 'insert', json_object('uuid', NEW.uuid, 'code', NEW.code, 'title', NEW.title, 'client_id', NEW.client_id, 'beneficiary_id', NEW.beneficiary_id, 'service_id', NEW.service_id, 'program_id', NEW.program_id, 'billing', NEW.billing, 'monthly_fee_cents', NEW.monthly_fee_cents, 'budget_minutes', NEW.budget_minutes, 'budget_cents', NEW.budget_cents, 'budget_hard', NEW.budget_hard, 'opened_on', NEW.opened_on, 'closed_on', NEW.closed_on, 'billing_increment_minutes', NEW.billing_increment_minutes));
END;
CREATE TRIGGER audit_mandates_update AFTER UPDATE ON mandates BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before, after)
  VALUES (juste_actor(), juste_as(), 'mandate', NEW.id, 'update', json_object('uuid', OLD.uuid, 'code', OLD.code, 'title', OLD.title, 'client_id', OLD.client_id, 'beneficiary_id', OLD.beneficiary_id, 'service_id', OLD.service_id, 'program_id', OLD.program_id, 'billing', OLD.billing, 'monthly_fee_cents', OLD.monthly_fee_cents, 'budget_minutes', OLD.budget_minutes, 'budget_cents', OLD.budget_cents, 'budget_hard', OLD.budget_hard, 'opened_on', OLD.opened_on, 'closed_on', OLD.closed_on, 'billing_increment_minutes', OLD.billing_increment_minutes), json_object('uuid', NEW.uuid, 'code', NEW.code, 'title', NEW.title, 'client_id', NEW.client_id, 'beneficiary_id', NEW.beneficiary_id, 'service_id', NEW.service_id, 'program_id', NEW.program_id, 'billing', NEW.billing, 'monthly_fee_cents', NEW.monthly_fee_cents, 'budget_minutes', NEW.budget_minutes, 'budget_cents', NEW.budget_cents, 'budget_hard', NEW.budget_hard, 'opened_on', NEW.opened_on, 'closed_on', NEW.closed_on, 'billing_increment_minutes', NEW.billing_increment_minutes));
END;
CREATE TRIGGER audit_mandates_delete AFTER DELETE ON mandates BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before)
  VALUES (juste_actor(), juste_as(), 'mandate', OLD.id, 'delete', json_object('uuid', OLD.uuid, 'code', OLD.code, 'title', OLD.title, 'client_id', OLD.client_id, 'beneficiary_id', OLD.beneficiary_id, 'service_id', OLD.service_id, 'program_id', OLD.program_id, 'billing', OLD.billing, 'monthly_fee_cents', OLD.monthly_fee_cents, 'budget_minutes', OLD.budget_minutes, 'budget_cents', OLD.budget_cents, 'budget_hard', OLD.budget_hard, 'opened_on', OLD.opened_on, 'closed_on', OLD.closed_on, 'billing_increment_minutes', OLD.billing_increment_minutes));
END;
