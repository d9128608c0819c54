/** One key or anchors field of the Verify dialog: paste the text, or load it from a file (read in the page). */
import { useId, type ReactNode } from 'react';

export interface KeyTextFieldProps {
  label: string;
  hint: string;
  value: string;
  onChange(text: string): void;
  /** A picked file's text and name; the file never leaves the page except inside the request. */
  onFile(text: string, fileName: string): void;
  testId: string;
  /** Textarea rows; 0 for a one-line input. */
  rows: number;
  /** Hide what is typed (a secret HMAC key). */
  secret?: boolean;
  invalid?: boolean;
  /** Extra controls next to the file button (e.g. the HMAC encoding). */
  children?: ReactNode;
}

async function readPicked(files: FileList | null, onFile: KeyTextFieldProps['onFile']): Promise<void> {
  const file = files?.[0];
  if (file) onFile(await file.text(), file.name);
}

export function KeyTextField(props: KeyTextFieldProps): ReactNode {
  const id = useId();
  const common = {
    id,
    value: props.value,
    spellCheck: false,
    autoComplete: 'off',
    'aria-invalid': props.invalid === true,
    'data-testid': `${props.testId}-text`,
    className: 'mono key-text',
  };
  return (
    <div className={props.invalid ? 'key-field invalid' : 'key-field'} data-testid={props.testId}>
      <div className="key-field-head">
        <label htmlFor={id}>{props.label}</label>
        <span className="spacer" />
        {props.children}
        <label className="file-picker">
          <span className="button-like">Load file…</span>
          <input
            type="file"
            data-testid={`${props.testId}-file`}
            onChange={(e) => {
              void readPicked(e.target.files, props.onFile);
              e.target.value = ''; // the same file may be picked again after an edit
            }}
          />
        </label>
      </div>
      {props.rows === 0 ? (
        <input
          {...common}
          type={props.secret ? 'password' : 'text'}
          onChange={(e) => props.onChange(e.target.value)}
        />
      ) : (
        <textarea {...common} rows={props.rows} onChange={(e) => props.onChange(e.target.value)} />
      )}
      <p className="muted key-hint">{props.hint}</p>
    </div>
  );
}
