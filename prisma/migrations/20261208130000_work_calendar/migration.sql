-- The city's working-day calendar as every install needs it (issue 14): a day entered before the
-- State Council's notice for its year was published is marked provisional, so the calendar page can
-- ask for the notice's schedule when it appears.
--   2026: 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04): the holidays and the make-up
--         working days (调休上班日) as published.
--   2027: the notice was not yet published: the statutory days only (元旦 1 day; 春节 除夕–初三,
--         2027-02-05–02-08, 春节 = 2027-02-06; 清明 04-05; 劳动节 2 days; 端午 06-09; 中秋 09-15;
--         国庆 3 days), provisional, with no make-up days.
-- A day the city has already entered is left as it is.

-- AlterTable
ALTER TABLE "WorkCalendarDay" ADD COLUMN     "provisional" BOOLEAN NOT NULL DEFAULT false;

-- Data
INSERT INTO "WorkCalendarDay" ("day", "kind", "name", "provisional", "updatedAt") VALUES
  ('2026-01-01', 'HOLIDAY', '元旦', false, CURRENT_TIMESTAMP),
  ('2026-01-02', 'HOLIDAY', '元旦', false, CURRENT_TIMESTAMP),
  ('2026-01-03', 'HOLIDAY', '元旦', false, CURRENT_TIMESTAMP),
  ('2026-01-04', 'WORKDAY', '元旦调休上班', false, CURRENT_TIMESTAMP),
  ('2026-02-14', 'WORKDAY', '春节调休上班', false, CURRENT_TIMESTAMP),
  ('2026-02-15', 'HOLIDAY', '春节', false, CURRENT_TIMESTAMP),
  ('2026-02-16', 'HOLIDAY', '春节', false, CURRENT_TIMESTAMP),
  ('2026-02-17', 'HOLIDAY', '春节', false, CURRENT_TIMESTAMP),
  ('2026-02-18', 'HOLIDAY', '春节', false, CURRENT_TIMESTAMP),
  ('2026-02-19', 'HOLIDAY', '春节', false, CURRENT_TIMESTAMP),
  ('2026-02-20', 'HOLIDAY', '春节', false, CURRENT_TIMESTAMP),
  ('2026-02-21', 'HOLIDAY', '春节', false, CURRENT_TIMESTAMP),
  ('2026-02-22', 'HOLIDAY', '春节', false, CURRENT_TIMESTAMP),
  ('2026-02-23', 'HOLIDAY', '春节', false, CURRENT_TIMESTAMP),
  ('2026-02-28', 'WORKDAY', '春节调休上班', false, CURRENT_TIMESTAMP),
  ('2026-04-04', 'HOLIDAY', '清明节', false, CURRENT_TIMESTAMP),
  ('2026-04-05', 'HOLIDAY', '清明节', false, CURRENT_TIMESTAMP),
  ('2026-04-06', 'HOLIDAY', '清明节', false, CURRENT_TIMESTAMP),
  ('2026-05-01', 'HOLIDAY', '劳动节', false, CURRENT_TIMESTAMP),
  ('2026-05-02', 'HOLIDAY', '劳动节', false, CURRENT_TIMESTAMP),
  ('2026-05-03', 'HOLIDAY', '劳动节', false, CURRENT_TIMESTAMP),
  ('2026-05-04', 'HOLIDAY', '劳动节', false, CURRENT_TIMESTAMP),
  ('2026-05-05', 'HOLIDAY', '劳动节', false, CURRENT_TIMESTAMP),
  ('2026-05-09', 'WORKDAY', '劳动节调休上班', false, CURRENT_TIMESTAMP),
  ('2026-06-19', 'HOLIDAY', '端午节', false, CURRENT_TIMESTAMP),
  ('2026-06-20', 'HOLIDAY', '端午节', false, CURRENT_TIMESTAMP),
  ('2026-06-21', 'HOLIDAY', '端午节', false, CURRENT_TIMESTAMP),
  ('2026-09-20', 'WORKDAY', '国庆节调休上班', false, CURRENT_TIMESTAMP),
  ('2026-09-25', 'HOLIDAY', '中秋节', false, CURRENT_TIMESTAMP),
  ('2026-09-26', 'HOLIDAY', '中秋节', false, CURRENT_TIMESTAMP),
  ('2026-09-27', 'HOLIDAY', '中秋节', false, CURRENT_TIMESTAMP),
  ('2026-10-01', 'HOLIDAY', '国庆节', false, CURRENT_TIMESTAMP),
  ('2026-10-02', 'HOLIDAY', '国庆节', false, CURRENT_TIMESTAMP),
  ('2026-10-03', 'HOLIDAY', '国庆节', false, CURRENT_TIMESTAMP),
  ('2026-10-04', 'HOLIDAY', '国庆节', false, CURRENT_TIMESTAMP),
  ('2026-10-05', 'HOLIDAY', '国庆节', false, CURRENT_TIMESTAMP),
  ('2026-10-06', 'HOLIDAY', '国庆节', false, CURRENT_TIMESTAMP),
  ('2026-10-07', 'HOLIDAY', '国庆节', false, CURRENT_TIMESTAMP),
  ('2026-10-10', 'WORKDAY', '国庆节调休上班', false, CURRENT_TIMESTAMP),
  ('2027-01-01', 'HOLIDAY', '元旦', true, CURRENT_TIMESTAMP),
  ('2027-02-05', 'HOLIDAY', '春节', true, CURRENT_TIMESTAMP),
  ('2027-02-06', 'HOLIDAY', '春节', true, CURRENT_TIMESTAMP),
  ('2027-02-07', 'HOLIDAY', '春节', true, CURRENT_TIMESTAMP),
  ('2027-02-08', 'HOLIDAY', '春节', true, CURRENT_TIMESTAMP),
  ('2027-04-05', 'HOLIDAY', '清明节', true, CURRENT_TIMESTAMP),
  ('2027-05-01', 'HOLIDAY', '劳动节', true, CURRENT_TIMESTAMP),
  ('2027-05-02', 'HOLIDAY', '劳动节', true, CURRENT_TIMESTAMP),
  ('2027-06-09', 'HOLIDAY', '端午节', true, CURRENT_TIMESTAMP),
  ('2027-09-15', 'HOLIDAY', '中秋节', true, CURRENT_TIMESTAMP),
  ('2027-10-01', 'HOLIDAY', '国庆节', true, CURRENT_TIMESTAMP),
  ('2027-10-02', 'HOLIDAY', '国庆节', true, CURRENT_TIMESTAMP),
  ('2027-10-03', 'HOLIDAY', '国庆节', true, CURRENT_TIMESTAMP)
ON CONFLICT ("day") DO NOTHING;
