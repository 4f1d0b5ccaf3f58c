-- A request's session check looks its family up by account and family id (Profiles.ofSession joins the two). With
-- the partial index on account_id alone the planner scanned every live family of the account and filtered on the
-- id: 13 buffers for an account with 32 sessions, growing with each. With the id in the index it is one index-only
-- probe, whatever the number of sessions; the index still serves "every live family of this account".
create index refresh_token_family_live on refresh_token_family (account_id, id) where revoked_at is null;
drop index refresh_token_family_active;
