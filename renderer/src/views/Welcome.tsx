/** The case picker: the demo case, an existing case or a new one, by path (browsers have no file paths). */
import { useState, type FormEvent, type ReactNode } from 'react';
import { createCaseAt, openCaseAt, openDemoCase, returnToCase } from '../actions/caseActions';
import { useAppStore } from '../store/store';

function PathForm(props: {
  id: string;
  label: string;
  action: string;
  placeholder: string;
  onSubmit(path: string): void;
}): ReactNode {
  const [path, setPath] = useState('');
  function submit(event: FormEvent): void {
    event.preventDefault();
    if (path.trim()) props.onSubmit(path.trim());
  }
  return (
    <form className="path-form" onSubmit={submit} data-testid={`${props.id}-form`}>
      <label htmlFor={`${props.id}-path`}>{props.label}</label>
      <div className="path-row">
        <input
          id={`${props.id}-path`}
          type="text"
          className="mono"
          spellCheck={false}
          placeholder={props.placeholder}
          value={path}
          onChange={(e) => setPath(e.target.value)}
          data-testid={`${props.id}-path`}
        />
        <button type="submit" disabled={!path.trim()} data-testid={`${props.id}-submit`}>
          {props.action}
        </button>
      </div>
    </form>
  );
}

export function Welcome(): ReactNode {
  const app = useAppStore((s) => s.app);
  const current = useAppStore((s) => s.caseInfo);
  const busy = useAppStore((s) => s.busy);
  return (
    <main className="welcome" data-testid="welcome">
      <h1>Casefile</h1>
      <p className="muted">
        Offline forensic workbench for AI-agent audit trails
        {app ? ` · v${app.version} · ${app.mode === 'serve' ? 'browser mode' : 'desktop'}` : ''}
      </p>
      {busy && (
        <p className="busy-line" data-testid="busy">
          {busy}
        </p>
      )}
      {current && (
        <button type="button" className="primary" onClick={returnToCase} data-testid="return-to-case">
          Return to {current.name}
        </button>
      )}
      <section className="welcome-block">
        <h2>Demo case</h2>
        <p className="muted">
          Bundled archives from every supported producer, imported into a case of its own.
        </p>
        <button
          type="button"
          onClick={() => void openDemoCase()}
          disabled={busy !== null || !app?.demoCasePath}
          data-testid="open-demo"
        >
          Open demo case
        </button>
      </section>
      <section className="welcome-block">
        <h2>Your cases</h2>
        <PathForm
          id="open-case"
          label="Open case… (path of an existing .duckdb case file on the machine running Casefile)"
          action="Open"
          placeholder="/cases/incident-42.duckdb"
          onSubmit={(p) => void openCaseAt(p)}
        />
        <PathForm
          id="new-case"
          label="New case… (path where the case file will be created)"
          action="Create"
          placeholder="/cases/incident-43.duckdb"
          onSubmit={(p) => void createCaseAt(p)}
        />
      </section>
    </main>
  );
}
