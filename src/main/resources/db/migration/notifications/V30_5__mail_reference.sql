-- A feature may name its mail (MailRequested's reference) to follow its delivery: the outbox gives the name back in
-- its delivery reports (MailDeliveryReported), e.g. the newsletter's delivery of one edition to one subscriber.
ALTER TABLE mail_outbox ADD COLUMN reference VARCHAR(100);
