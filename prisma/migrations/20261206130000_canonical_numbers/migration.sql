-- Typed numbers in one canonical form (issue 11, item 1): certificate and registration numbers and
-- credit codes lose case, width and separators. The start-up's maintenance pass rewrites older
-- stored numbers with the same function the forms use (src/server/maintenance/canonical-numbers.ts).
INSERT INTO "DataTask" ("key") VALUES ('canonical-numbers-20261206');
