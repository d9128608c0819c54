/**
 * The events search field: applies after typing pauses, so the engine is not asked per keystroke.
 * `/` anywhere focuses it. Its owner remounts it (by `key`) when the case changes, which clears it.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { setEventSearch } from '../actions/eventsActions';
import { useAppStore } from '../store/store';

const DEBOUNCE_MS = 300;

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

export function SearchBox(): ReactNode {
  const applied = useAppStore((s) => s.eventSearch);
  const [text, setText] = useState(applied);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const timer = setTimeout(() => setEventSearch(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== '/' || isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      e.preventDefault();
      input.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <input
      ref={input}
      type="search"
      className="search-box"
      placeholder="Search raw records (case-insensitive)   press / to focus"
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
