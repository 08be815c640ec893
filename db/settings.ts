import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../forms/settings';
import { inTransaction, type Db } from './open';
import { prepared } from './prepared';
import { settings } from './schema';

/** The settings last read, by the stored text they were parsed from (read on every call; parsing them is what costs). */
let lastRead: { text: string; settings: Settings } | null = null;

const storedSettings = (db: Db) => db.select({ key: settings.key, value: settings.value }).from(settings).orderBy(settings.key).prepare();

export function getSettings(db: Db): Settings {
  const rows = prepared(db, storedSettings).all();
  const text = JSON.stringify(rows);
  if (lastRead?.text === text) return lastRead.settings;
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  // A value written by an older build that no longer validates falls back to its default instead
  // of making the whole app unusable.
  const merged = { ...DEFAULT_SETTINGS, ...stored };
  const parsed = settingsSchema.safeParse(merged);
  const result = Object.freeze(parsed.success ? parsed.data : DEFAULT_SETTINGS);
  lastRead = { text, settings: result };
  return result;
}

export function saveSettings(db: Db, next: Settings, now = new Date().toISOString()): Settings {
  inTransaction(db, (tx) => {
    for (const [key, v] of Object.entries(next)) {
      const value = JSON.stringify(v);
      tx.insert(settings)
        .values({ key, value, updatedAt: now })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } })
        .run();
    }
  });
  return getSettings(db);
}
