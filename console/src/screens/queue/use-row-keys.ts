// Working the queue from the keyboard: j or ↓ selects the next row, k or ↑ the previous, Enter opens the selected case.
// The selection is the focused case link itself, so a screen reader reads the row's customer as it moves and Enter is
// the link's own.
import { useEffect, useRef, useState } from 'preact/hooks';
import { navigate } from '../../router';

const TYPING = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

export const useRowKeys = (ids: readonly string[], linkOf: (id: string) => HTMLAnchorElement | null) => {
  const [selected, setSelected] = useState(-1);
  // Read by the key handler as keys arrive: fast presses must not each see the selection of the last paint.
  const current = useRef(-1);
  const select = (index: number) => {
    current.current = index;
    setSelected(index);
  };
  const list = ids.join(',');
  useEffect(() => {
    select(-1);
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.altKey || event.ctrlKey || event.metaKey || (target && TYPING.has(target.tagName))) return;
      if (target?.isContentEditable) return;
      const step =
        event.key === 'j' || event.key === 'ArrowDown' ? 1 : event.key === 'k' || event.key === 'ArrowUp' ? -1 : 0;
      const at = current.current;
      if (step !== 0 && ids.length > 0) {
        event.preventDefault();
        const next = at < 0 ? (step > 0 ? 0 : ids.length - 1) : Math.min(ids.length - 1, Math.max(0, at + step));
        select(next);
        const link = linkOf(ids[next]!);
        link?.focus();
        link?.closest('tr')?.scrollIntoView({ block: 'nearest' });
        return;
      }
      // Enter on the focused link follows it by itself; this covers a selection whose focus moved off the table.
      if (event.key === 'Enter' && at >= 0 && (!target || target === document.body || target.id === 'main')) {
        event.preventDefault();
        navigate(`/cases/${encodeURIComponent(ids[at]!)}`);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [list]);
  return { selected, setSelected: select };
};
