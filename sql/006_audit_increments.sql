-- 006: the audit of organisations and mandates records their billing
-- increment (added by 004), so that changing it shows before and after.
DROP TRIGGER audit_orgs_insert;
DROP TRIGGER audit_orgs_update;
DROP TRIGGER audit_orgs_delete;
CREATE TRIGGER audit_orgs_insert AFTER INSERT ON orgs BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'org', NEW.id, 'insert', json_object('uuid', NEW.uuid, 'code', NEW.code, 'name', NEW.name, 'category', NEW.category, 'parent_id', NEW.parent_id, 'full_management', NEW.full_management, 'tax_exempt', NEW.tax_exempt, 'joined_on', NEW.joined_on, 'left_on', NEW.left_on, 'email', NEW.email, 'address', NEW.address, 'billing_increment_minutes', NEW.billing_increment_minutes));
END;
CREATE TRIGGER audit_orgs_update AFTER UPDATE ON orgs BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before, after)
  VALUES (juste_actor(), juste_as(), 'org', NEW.id, 'update', json_object('uuid', OLD.uuid, 'code', OLD.code, 'name', OLD.name, 'category', OLD.category, 'parent_id', OLD.parent_id, 'full_management', OLD.full_management, 'tax_exempt', OLD.tax_exempt, 'joined_on', OLD.joined_on, 'left_on', OLD.left_on, 'email', OLD.email, 'address', OLD.address, 'billing_increment_minutes', OLD.billing_increment_minutes), json_object('uuid', NEW.uuid, 'code', NEW.code, 'name', NEW.name, 'category', NEW.category, 'parent_id', NEW.parent_id, 'full_management', NEW.full_management, 'tax_exempt', NEW.tax_exempt, 'joined_on', NEW.joined_on, 'left_on', NEW.left_on, 'email', NEW.email, 'address', NEW.address, 'billing_increment_minutes', NEW.billing_increment_minutes));
END;
CREATE TRIGGER audit_orgs_delete AFTER DELETE ON orgs BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before)
  VALUES (juste_actor(), juste_as(), 'org', OLD.id, 'delete', json_object('uuid', OLD.uuid, 'code', OLD.code, 'name', OLD.name, 'category', OLD.category, 'parent_id', OLD.parent_id, 'full_management', OLD.full_management, 'tax_exempt', OLD.tax_exempt, 'joined_on', OLD.joined_on, 'left_on', OLD.left_on, 'email', OLD.email, 'address', OLD.address, 'billing_increment_minutes', OLD.billing_increment_minutes));
END;
DROP TRIGGER audit_mandates_insert;
DROP TRIGGER audit_mandates_update;
DROP TRIGGER audit_mandates_delete;
CREATE TRIGGER audit_mandates_insert AFTER INSERT ON mandates BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'mandate', NEW.id, 'insert', json_object('uuid', NEW.uuid, 'code', NEW.code, 'title', NEW.title, 'client_id', NEW.client_id, 'beneficiary_id', NEW.beneficiary_id, 'service_id', NEW.service_id, 'program_id', NEW.program_id, 'billing', NEW.billing, 'monthly_fee_cents', NEW.monthly_fee_cents, 'budget_minutes', NEW.budget_minutes, 'budget_cents', NEW.budget_cents, 'opened_on', NEW.opened_on, 'closed_on', NEW.closed_on, 'billing_increment_minutes', NEW.billing_increment_minutes));
END;
CREATE TRIGGER audit_mandates_update AFTER UPDATE ON mandates BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before, after)
  VALUES (juste_actor(), juste_as(), 'mandate', NEW.id, 'update', json_object('uuid', OLD.uuid, 'code', OLD.code, 'title', OLD.title, 'client_id', OLD.client_id, 'beneficiary_id', OLD.beneficiary_id, 'service_id', OLD.service_id, 'program_id', OLD.program_id, 'billing', OLD.billing, 'monthly_fee_cents', OLD.monthly_fee_cents, 'budget_minutes', OLD.budget_minutes, 'budget_cents', OLD.budget_cents, 'opened_on', OLD.opened_on, 'closed_on', OLD.closed_on, 'billing_increment_minutes', OLD.billing_increment_minutes), json_object('uuid', NEW.uuid, 'code', NEW.code, 'title', NEW.title, 'client_id', NEW.client_id, 'beneficiary_id', NEW.beneficiary_id, 'service_id', NEW.service_id, 'program_id', NEW.program_id, 'billing', NEW.billing, 'monthly_fee_cents', NEW.monthly_fee_cents, 'budget_minutes', NEW.budget_minutes, 'budget_cents', NEW.budget_cents, 'opened_on', NEW.opened_on, 'closed_on', NEW.closed_on, 'billing_increment_minutes', NEW.billing_increment_minutes));
END;
CREATE TRIGGER audit_mandates_delete AFTER DELETE ON mandates BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before)
  VALUES (juste_actor(), juste_as(), 'mandate', OLD.id, 'delete', json_object('uuid', OLD.uuid, 'code', OLD.code, 'title', OLD.title, 'client_id', OLD.client_id, 'beneficiary_id', OLD.beneficiary_id, 'service_id', OLD.service_id, 'program_id', OLD.program_id, 'billing', OLD.billing, 'monthly_fee_cents', OLD.monthly_fee_cents, 'budget_minutes', OLD.budget_minutes, 'budget_cents', OLD.budget_cents, 'opened_on', OLD.opened_on, 'closed_on', OLD.closed_on, 'billing_increment_minutes', OLD.billing_increment_minutes));
END;
