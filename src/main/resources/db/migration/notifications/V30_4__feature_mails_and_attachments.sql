-- Mails worded by a feature (MailRequested) keep what they are about, e.g. "meeting-registration", for the admin list.
ALTER TABLE mail_outbox ADD COLUMN topic VARCHAR(40);
CREATE INDEX mail_outbox_by_topic ON mail_outbox (topic, created_at);

-- The files a mail carries: an iCalendar invitation, a QR code shown inline (content_id set: the HTML part refers to
-- it as cid:<content_id>)... Removed with their mail, including when a deleted account's mails are forgotten.
CREATE TABLE mail_attachment (
    mail_id      BIGINT       NOT NULL REFERENCES mail_outbox (id) ON DELETE CASCADE,
    position     INTEGER      NOT NULL,
    file_name    VARCHAR(200) NOT NULL,
    content_type VARCHAR(200) NOT NULL,
    content_id   VARCHAR(200),
    content      BYTEA        NOT NULL,
    PRIMARY KEY (mail_id, position)
);
