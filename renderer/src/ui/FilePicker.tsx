/**
 * A file input that speaks Indonesian. Chromium draws the input's own button and status in the
 * browser's language ("Choose Files", "No file chosen"), so the native input is kept as the
 * focusable, labelled control (Tab reaches it; Enter or Space opens the chooser) but drawn as the
 * "Pilih berkas…" label next to it, with the state of the upload beside that.
 */
export function FilePicker(props: { aria: Record<string, string | boolean>; accept: string; disabled: boolean; state: string; onFiles: (files: FileList | null) => Promise<void> }) {
  const id = String(props.aria.id);
  return (
    <span className="file-pick">
      <input
        type="file"
        multiple
        accept={props.accept}
        className="file-input"
        disabled={props.disabled}
        {...props.aria}
        onChange={(e) => {
          const input = e.target;
          void props.onFiles(input.files).then(() => (input.value = ''));
        }}
      />
      <label htmlFor={id} className="file-button">
        Pilih berkas…
      </label>
      <span className="file-state">{props.state}</span>
    </span>
  );
}
