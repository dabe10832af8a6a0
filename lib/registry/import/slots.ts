/**
 * Imports running in this process: one at a time per organisation (or per region for the directory), and
 * no more than MAX_IMPORTS_RUNNING in all, so that a few large files cannot take the memory and the CPU of
 * every other user. Across instances the commit's advisory lock keeps one import per organisation.
 */

/** Reading and checking a file takes a core: two at once leave the other requests room on two cores. */
export const MAX_IMPORTS_RUNNING = 2;

export const SERVER_BUSY = "Сервер занят другими загрузками, повторите через минуту.";
export const IMPORT_RUNNING =
  "Импорт для этой организации уже выполняется: дождитесь его окончания и повторите.";

export interface ImportSlot {
  /** Frees the slot; a second call does nothing. */
  release(): void;
}

export type SlotRefusal = { status: 409 | 429; message: string };

// One set per process: every Next.js bundle has its own copy of this module.
const KEY = Symbol.for("nastavnik.importSlots");

function running(): Set<string> {
  const g = globalThis as { [KEY]?: Set<string> };
  return (g[KEY] ??= new Set());
}

/**
 * Takes the slot of `owner` («organisation:12», «region:3»), or refuses: 409 with `busy` when that owner
 * already imports, 429 when the process runs as many imports as it may.
 */
export function takeImportSlot(owner: string, busy: string): ImportSlot | SlotRefusal {
  const set = running();
  if (set.has(owner)) return { status: 409, message: busy };
  if (set.size >= MAX_IMPORTS_RUNNING) return { status: 429, message: SERVER_BUSY };
  set.add(owner);
  let held = true;
  return {
    release() {
      if (held) set.delete(owner);
      held = false;
    },
  };
}

export function refused(slot: ImportSlot | SlotRefusal): slot is SlotRefusal {
  return "status" in slot;
}
