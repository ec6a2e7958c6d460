-- Moderation hides a proposal without touching its text or status: a hidden proposal keeps its place in the
-- public lists with a "hidden by moderation" marker and its reason's category.
ALTER TABLE proposal ADD COLUMN hidden_reason VARCHAR(20);
ALTER TABLE proposal ADD COLUMN hidden_at TIMESTAMP WITH TIME ZONE;
