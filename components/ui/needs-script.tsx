/** Shown only where scripts are off: what the controls beside it need to work. */
export function NeedsScript({ children }: { children: string }) {
  return (
    <noscript>
      <p className="text-sm text-amber-900">{children}</p>
    </noscript>
  );
}
