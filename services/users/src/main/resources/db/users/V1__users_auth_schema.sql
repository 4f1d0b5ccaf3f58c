-- Accounts and everything the auth core needs to sign people in and end their sessions.
-- Later features (profile, addresses, admin, deletion, audit) build on the account table.

create table account (
    id                  uuid primary key,
    -- Stored normalised (trimmed, lower-cased); the check keeps every writer honest.
    email               text        not null check (email = lower(btrim(email))),
    email_verified_at   timestamptz,
    password_hash       text        not null,
    display_name        text,
    phone               text,
    marketing_consent   boolean     not null default false,
    roles               text[]      not null default '{CUSTOMER}',
    status              text        not null default 'ACTIVE' check (status in ('ACTIVE', 'DISABLED', 'DELETED')),
    password_changed_at timestamptz not null default now(),
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);
create unique index account_email_unique on account (lower(email));
create index account_roles on account using gin (roles);

-- A session is a refresh-token family: every rotation adds a token to the same family, and revoking the
-- family ends the session (its access tokens carry the family id as "sid", so users can reject them too).
create table refresh_token_family (
    id             uuid primary key,
    account_id     uuid        not null references account (id) on delete cascade,
    created_at     timestamptz not null default now(),
    revoked_at     timestamptz,
    revoked_reason text
);
create index refresh_token_family_active on refresh_token_family (account_id) where revoked_at is null;

create table refresh_token (
    id         uuid primary key,
    family_id  uuid        not null references refresh_token_family (id) on delete cascade,
    token_hash bytea       not null unique,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    rotated_at timestamptz
);
create index refresh_token_by_family on refresh_token (family_id);

-- Single-use mailed tokens; only their SHA-256 is stored.
create table email_verification_token (
    token_hash bytea primary key,
    account_id uuid        not null references account (id) on delete cascade,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index email_verification_token_account on email_verification_token (account_id);

create table password_reset_token (
    token_hash bytea primary key,
    account_id uuid        not null references account (id) on delete cascade,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    -- Set when the token is used, or when a newer token voids it.
    spent_at   timestamptz
);
create index password_reset_token_account on password_reset_token (account_id);

-- JWT signing keys. The private key is AES-GCM encrypted under a key-encryption key from config.
-- A key is published from created_at, signs from signs_from to signs_until, and is published until
-- published_until (when the last token it signed has expired).
create table signing_key (
    kid                    text primary key,
    algorithm              text        not null,
    public_key             bytea       not null,
    private_key_ciphertext bytea       not null,
    private_key_nonce      bytea       not null,
    created_at             timestamptz not null default now(),
    signs_from             timestamptz not null,
    signs_until            timestamptz,
    published_until        timestamptz
);
