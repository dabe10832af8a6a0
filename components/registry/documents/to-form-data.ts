/** Builds the FormData a server action receives from validated form values; a File stays a File. */
export function toFormData(values: Record<string, unknown>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue;
    if (value instanceof File) data.append(key, value, value.name);
    else data.append(key, String(value));
  }
  return data;
}
