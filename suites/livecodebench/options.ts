// Suite options: which release and contest-date window, and the official execution time limits.
import { z } from 'zod';

const RELEASE_TAGS = /^(release_v[1-6]|release_latest|v[1-6]|v[1-6]_v[1-6])$/;

/** Dates stay strings: `2025-02-01` in YAML loads as a string; quoting it is fine too. */
const dateString = z
  .string({ error: 'must be a date string written YYYY-MM-DD, e.g. "2025-02-01"' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD, e.g. "2025-02-01"')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), {
    message: 'is not a real calendar date',
  });

export const optionsSchema = z
  .strictObject({
    /** HF config tag: cumulative release_vN / release_latest, single file vN, or range vA_vB */
    release: z
      .string()
      .regex(RELEASE_TAGS, 'must be release_v1..release_v6, release_latest, v1..v6, or a range such as v4_v5')
      .refine((tag) => {
        const range = /^v(\d)_v(\d)$/.exec(tag);
        return !range || Number(range[1]) < Number(range[2]);
      }, 'range tags need the first version below the second, e.g. v4_v5')
      .default('release_v6'),
    /** first contest date, inclusive (compared with contest_date at midnight, as lcb_runner does) */
    start_date: dateString.default('2025-02-01'),
    /** last contest date, inclusive at midnight: 2025-05-01T00:00:00 is in, 2025-05-01T18:30:00 is out */
    end_date: dateString.default('2025-05-01'),
    /** per-test wall-clock limit in whole seconds (lcb_runner --timeout, default 6) */
    test_timeout_s: z.number().int().min(1).max(600).default(6),
    /** per-sample limit in seconds; default the official (test_timeout_s + 1) * tests + 5 */
    sample_timeout_s: z.number().positive().optional(),
  })
  .refine((o) => o.start_date <= o.end_date, { message: 'start_date must not be after end_date', path: ['end_date'] });

export type Options = z.infer<typeof optionsSchema>;
