-- 009: an organisation may receive its invoices without the pages of the
-- entries' detail (a federation billed for hundreds of entries a month);
-- 0, the default, prints them.  The audit of organisations records it.
ALTER TABLE orgs ADD COLUMN invoice_without_detail INTEGER NOT NULL DEFAULT 0
  CHECK (invoice_without_detail IN (0, 1));

DROP TRIGGER audit_orgs_insert;
DROP TRIGGER audit_orgs_update;
DROP TRIGGER audit_orgs_delete;
CREATE TRIGGER audit_orgs_insert AFTER INSERT ON orgs BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'org', NEW.id, 'insert', json_object('uuid', NEW.uuid, 'code', NEW.code, 'name', NEW.name, 'category', NEW.category, 'parent_id', NEW.parent_id, 'full_management', NEW.full_management, 'tax_exempt', NEW.tax_exempt, 'joined_on', NEW.joined_on, 'left_on', NEW.left_on, 'email', NEW.email, 'address', NEW.address, 'billing_increment_minutes', NEW.billing_increment_minutes, 'country', NEW.country, 'province', NEW.province, 'invoice_without_detail', NEW.invoice_without_detail));
END;
CREATE TRIGGER audit_orgs_update AFTER UPDATE ON orgs BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before, after)
  VALUES (juste_actor(), juste_as(), 'org', NEW.id, 'update', json_object('uuid', OLD.uuid, 'code', OLD.code, 'name', OLD.name, 'category', OLD.category, 'parent_id', OLD.parent_id, 'full_management', OLD.full_management, 'tax_exempt', OLD.tax_exempt, 'joined_on', OLD.joined_on, 'left_on', OLD.left_on, 'email', OLD.email, 'address', OLD.address, 'billing_increment_minutes', OLD.billing_increment_minutes, 'country', OLD.country, 'province', OLD.province, 'invoice_without_detail', OLD.invoice_without_detail), json_object('uuid', NEW.uuid, 'code', NEW.code, 'name', NEW.name, 'category', NEW.category, 'parent_id', NEW.parent_id, 'full_management', NEW.full_management, 'tax_exempt', NEW.tax_exempt, 'joined_on', NEW.joined_on, 'left_on', NEW.left_on, 'email', NEW.email, 'address', NEW.address, 'billing_increment_minutes', NEW.billing_increment_minutes, 'country', NEW.country, 'province', NEW.province, 'invoice_without_detail', NEW.invoice_without_detail));
END;
CREATE TRIGGER audit_orgs_delete AFTER DELETE ON orgs BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before)
  VALUES (juste_actor(), juste_as(), 'org', OLD.id, 'delete', json_object('uuid', OLD.uuid, 'code', OLD.code, 'name', OLD.name, 'category', OLD.category, 'parent_id', OLD.parent_id, 'full_management', OLD.full_management, 'tax_exempt', OLD.tax_exempt, 'joined_on', OLD.joined_on, 'left_on', OLD.left_on, 'email', OLD.email, 'address', OLD.address, 'billing_increment_minutes', OLD.billing_increment_minutes, 'country', OLD.country, 'province', OLD.province, 'invoice_without_detail', OLD.invoice_without_detail));
END;
