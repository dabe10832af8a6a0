/** Sends a register file to the import route with XMLHttpRequest: upload progress, then NDJSON events as they come. */
import type { ImportEvent } from "@/lib/registry/import/types";

export function sendImport(
  form: FormData,
  onUpload: (loaded: number, total: number) => void,
  onEvent: (event: ImportEvent) => void,
): Promise<void> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    let seen = 0;
    const drain = (final: boolean) => {
      const text = xhr.responseText;
      const end = final ? text.length : text.lastIndexOf("\n") + 1;
      for (const line of text.slice(seen, end).split("\n")) {
        if (!line.trim()) continue;
        try {
          onEvent(JSON.parse(line) as ImportEvent);
        } catch {
          // A line cut by a dropped connection: the final check below reports it.
        }
      }
      seen = Math.max(seen, end);
    };
    xhr.open("POST", "/api/registry/import");
    xhr.upload.onprogress = (e) => onUpload(e.loaded, e.lengthComputable ? e.total : 0);
    xhr.onprogress = () => {
      if (xhr.status === 200) drain(false);
    };
    xhr.onload = () => {
      if (xhr.status === 200) drain(true);
      else {
        let message = `Сервер ответил ошибкой ${xhr.status}.`;
        try {
          message = (JSON.parse(xhr.responseText) as { error?: string }).error ?? message;
        } catch {
          // Not our JSON (a proxy's page): keep the status.
        }
        onEvent({ type: "error", message });
      }
      resolve();
    };
    xhr.onerror = () => {
      onEvent({
        type: "error",
        message: "Нет связи с сервером. Проверьте подключение и попробуйте ещё раз.",
      });
      resolve();
    };
    xhr.send(form);
  });
}

/** «4–6, 9, 12» from row numbers. */
export function rowRanges(rows: number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j;
  }
  return parts.join(", ");
}
