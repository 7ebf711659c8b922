-- 014: an organisation's language, in which its invoices, credit notes,
-- statements, reminder letters and mails are written ('fr' by default, or
-- 'en'), whatever the language of the clerk's screen.  Existing
-- organisations are French, as their documents were.  The audit of
-- organisations records it.
ALTER TABLE orgs ADD COLUMN language TEXT NOT NULL DEFAULT 'fr'
  CHECK (language IN ('fr', 'en'));

DROP TRIGGER audit_orgs_insert;
DROP TRIGGER audit_orgs_update;
DROP TRIGGER audit_orgs_delete;
CREATE TRIGGER audit_orgs_insert AFTER INSERT ON orgs BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, after)
  VALUES (juste_actor(), juste_as(), 'org', NEW.id, 'insert', json_object('uuid', NEW.uuid, 'code', NEW.code, 'name', NEW.name, 'category', NEW.category, 'parent_id', NEW.parent_id, 'full_management', NEW.full_management, 'tax_exempt', NEW.tax_exempt, 'joined_on', NEW.joined_on, 'left_on', NEW.left_on, 'email', NEW.email, 'address', NEW.address, 'billing_increment_minutes', NEW.billing_increment_minutes, 'country', NEW.country, 'province', NEW.province, 'invoice_without_detail', NEW.invoice_without_detail, 'language', NEW.language));
END;
CREATE TRIGGER audit_orgs_update AFTER UPDATE ON orgs BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before, after)
  VALUES (juste_actor(), juste_as(), 'org', NEW.id, 'update', json_object('uuid', OLD.uuid, 'code', OLD.code, 'name', OLD.name, 'category', OLD.category, 'parent_id', OLD.parent_id, 'full_management', OLD.full_management, 'tax_exempt', OLD.tax_exempt, 'joined_on', OLD.joined_on, 'left_on', OLD.left_on, 'email', OLD.email, 'address', OLD.address, 'billing_increment_minutes', OLD.billing_increment_minutes, 'country', OLD.country, 'province', OLD.province, 'invoice_without_detail', OLD.invoice_without_detail, 'language', OLD.language), json_object('uuid', NEW.uuid, 'code', NEW.code, 'name', NEW.name, 'category', NEW.category, 'parent_id', NEW.parent_id, 'full_management', NEW.full_management, 'tax_exempt', NEW.tax_exempt, 'joined_on', NEW.joined_on, 'left_on', NEW.left_on, 'email', NEW.email, 'address', NEW.address, 'billing_increment_minutes', NEW.billing_increment_minutes, 'country', NEW.country, 'province', NEW.province, 'invoice_without_detail', NEW.invoice_without_detail, 'language', NEW.language));
END;
CREATE TRIGGER audit_orgs_delete AFTER DELETE ON orgs BEGIN
  INSERT INTO audit(actor, as_login, entity, entity_id, action, before)
  VALUES (juste_actor(), juste_as(), 'org', OLD.id, 'delete', json_object('uuid', OLD.uuid, 'code', OLD.code, 'name', OLD.name, 'category', OLD.category, 'parent_id', OLD.parent_id, 'full_management', OLD.full_management, 'tax_exempt', OLD.tax_exempt, 'joined_on', OLD.joined_on, 'left_on', OLD.left_on, 'email', OLD.email, 'address', OLD.address, 'billing_increment_minutes', OLD.billing_increment_minutes, 'country', OLD.country, 'province', OLD.province, 'invoice_without_detail', OLD.invoice_without_detail, 'language', OLD.language));
END;
