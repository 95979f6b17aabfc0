-- Partner imports keep which identity each imported person or group became (issue 14 item 3; store/partner_import.py
-- owns this). `identity_id` on a person's or group's row of partner_objects: a later object with that STIX id (the
-- same partner's next bundle, or our own export coming back) is linked to that identity first, and two objects the
-- bundle keeps apart (namesakes: one name and type, two STIX ids) stay apart. NULL: not linked yet, or not a node.
ALTER TABLE partner_objects ADD COLUMN identity_id TEXT;
CREATE INDEX partner_objects_identity ON partner_objects(identity_id);
