/** Local persistence: the form values and the disclaimer acknowledgement stay in this browser only. */
export const FORM_KEY = 'retitrate:form:v1';
export const ACK_KEY = 'retitrate:disclaimer:v1';

function store(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function loadJson(key: string): unknown {
  try {
    const text = store()?.getItem(key);
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
}

export function saveJson(key: string, value: unknown): void {
  try {
    store()?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the form still works, it just will not survive a reload.
  }
}

export function remove(key: string): void {
  try {
    store()?.removeItem(key);
  } catch {
    // ignore
  }
}
