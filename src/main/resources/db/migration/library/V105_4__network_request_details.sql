-- A request to join the network says what sort of organisation asks (the registry's kinds), and staff may answer it.
ALTER TABLE library_network_request ADD COLUMN organisation_kind VARCHAR(20) DEFAULT 'OTHER' NOT NULL;
ALTER TABLE library_network_request ADD COLUMN decision_note VARCHAR(2000);
