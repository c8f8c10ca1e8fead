-- Masked ID numbers keep only their last four characters (issue 10, hole 1). The former mask kept
-- the first six (the place of registration) and the last four and hid characters 7–14, which are
-- exactly the birth date: anyone shown the birth date next to it could rebuild the whole number.
-- Data only: the stored masks, the masks kept by pending import rows and by audit snapshots.
-- An already-new mask (starting with '*') is left alone, so the statements are idempotent.

UPDATE "Practitioner"
SET "idNumberMasked" = repeat('*', length("idNumberMasked") - 4) || right("idNumberMasked", 4)
WHERE "idNumberMasked" ~ '^[0-9]{6}\*+[0-9Xx]{4}$';

UPDATE "ImportRow"
SET "data" = jsonb_set("data", '{idNumberMasked}', to_jsonb(repeat('*', length("data"->>'idNumberMasked') - 4) || right("data"->>'idNumberMasked', 4)))
WHERE jsonb_typeof("data") = 'object' AND "data"->>'idNumberMasked' ~ '^[0-9]{6}\*+[0-9Xx]{4}$';

UPDATE "AuditEvent"
SET "before" = jsonb_set("before", '{idNumberMasked}', to_jsonb(repeat('*', length("before"->>'idNumberMasked') - 4) || right("before"->>'idNumberMasked', 4)))
WHERE jsonb_typeof("before") = 'object' AND "before"->>'idNumberMasked' ~ '^[0-9]{6}\*+[0-9Xx]{4}$';

UPDATE "AuditEvent"
SET "after" = jsonb_set("after", '{idNumberMasked}', to_jsonb(repeat('*', length("after"->>'idNumberMasked') - 4) || right("after"->>'idNumberMasked', 4)))
WHERE jsonb_typeof("after") = 'object' AND "after"->>'idNumberMasked' ~ '^[0-9]{6}\*+[0-9Xx]{4}$';

UPDATE "AuditEvent"
SET "before" = jsonb_set("before", '{idNumber}', to_jsonb(repeat('*', length("before"->>'idNumber') - 4) || right("before"->>'idNumber', 4)))
WHERE jsonb_typeof("before") = 'object' AND "before"->>'idNumber' ~ '^[0-9]{6}\*+[0-9Xx]{4}$';

UPDATE "AuditEvent"
SET "after" = jsonb_set("after", '{idNumber}', to_jsonb(repeat('*', length("after"->>'idNumber') - 4) || right("after"->>'idNumber', 4)))
WHERE jsonb_typeof("after") = 'object' AND "after"->>'idNumber' ~ '^[0-9]{6}\*+[0-9Xx]{4}$';
