// Unsaved form text kept in sessionStorage: it survives a reload, a failed save or a look at
// another case in the same tab, and goes when the tab closes (a shared office computer keeps
// nothing after the browser is closed).

export function readDraft<T extends object>(key: string, fallback: T): T | null {
  try {
    const raw = window.sessionStorage.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
    // Only the keys the form knows, with values of the same kind as the defaults.
    const draft = { ...fallback } as Record<string, unknown>;
    for (const [field, value] of Object.entries(parsed as Record<string, unknown>)) {
      const expected = (fallback as Record<string, unknown>)[field];
      if (expected === undefined) continue;
      if (Array.isArray(expected) ? Array.isArray(value) : typeof value === typeof expected) draft[field] = value;
    }
    return draft as T;
  } catch {
    return null;
  }
}

export function writeDraft(key: string, value: unknown): void {
  try {
    window.sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the form still works, only the safety net is missing.
  }
}

export function clearDraft(key: string): void {
  try {
    window.sessionStorage.removeItem(key);
  } catch {
    // See writeDraft.
  }
}
