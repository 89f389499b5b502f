-- A 申请更正 of a sensitive field (phone, health, family) proposes a sensitive value: it is kept encrypted
-- like the record's own value (SECURITY 17). New requests of those fields store '' in proposed_value and
-- the cipher text (v1:<alg>:…, key from settings) here. The key never enters the database, so this
-- migration cannot encrypt the requests already stored: the server does it at every start before it
-- listens (encryptLegacyCorrections in modules/cadre/corrections.ts), and audits the count.
ALTER TABLE cadre_corrections ADD COLUMN proposed_value_enc text;
