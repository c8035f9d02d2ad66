// A labelled input with its own error under it (from the API's problem+json), so every form reads the same way.
import type { ComponentChildren } from 'preact';
import { FieldError, fieldErrorId } from '../../components/problem';

export const Field = (props: {
  id: string;
  label: string;
  error?: string | undefined;
  children: ComponentChildren;
}) => (
  <div class={`field${props.error ? ' invalid' : ''}`}>
    <label for={props.id}>{props.label}</label>
    {props.children}
    <FieldError inputId={props.id} message={props.error} />
  </div>
);

/** The attributes tying an input to its error, when there is one. */
export const describedBy = (id: string, error: string | undefined) =>
  error ? { 'aria-describedby': fieldErrorId(id), 'aria-invalid': true as const } : {};
