/** The events search field: applies after typing pauses, so the engine is not asked per keystroke.
 * Its owner remounts it (by `key`) when the case changes, which clears it. */
import { useEffect, useState, type ReactNode } from 'react';
import { setEventSearch } from '../actions/eventsActions';
import { useAppStore } from '../store/store';

const DEBOUNCE_MS = 300;

export function SearchBox(): ReactNode {
  const applied = useAppStore((s) => s.eventSearch);
  const [text, setText] = useState(applied);

  useEffect(() => {
    const timer = setTimeout(() => setEventSearch(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <input
      type="search"
      className="search-box"
      placeholder="Search raw records (case-insensitive)…  /"
      aria-label="Search events"
      data-testid="events-search"
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') setEventSearch(text.trim());
        if (e.key === 'Escape') setText('');
      }}
    />
  );
}
