// The frame of every screen: its title as the page's one h1 (and the tab's title), an optional line of actions, and the
// screen's content. Screens render inside the shell's <main>.
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';

export const Page = (props: { title: string; actions?: ComponentChildren; children: ComponentChildren }) => {
  useEffect(() => {
    document.title = `${props.title} · Arrears`;
  }, [props.title]);
  return (
    <>
      <div class="page-head">
        <h1>{props.title}</h1>
        {props.actions ? <div class="page-actions">{props.actions}</div> : null}
      </div>
      {props.children}
    </>
  );
};
