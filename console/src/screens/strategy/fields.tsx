// The editor's labelled inputs: each shows its own refusal beside it, tied by aria-describedby and marked aria-invalid.
import type { ComponentChildren } from 'preact';
import { FieldError, fieldErrorId } from '../../components/problem';

/** The element id of the input for an API path (`steps.1.offsetDays` → `st-steps-1-offsetDays`). */
export const fieldId = (path: string): string => `st-${path.replace(/\./g, '-')}`;

interface Common {
  path: string;
  label: string;
  /** In a table whose column header says it: the label is for screen readers only. */
  hiddenLabel?: boolean;
  disabled?: boolean;
  message: string | undefined;
  class?: string;
}

const aria = (id: string, message: string | undefined) => ({
  'aria-invalid': message ? ('true' as const) : undefined,
  'aria-describedby': message ? fieldErrorId(id) : undefined,
});

export const TextField = (
  props: Common & {
    value: string;
    onInput: (value: string) => void;
    inputMode?: 'numeric' | 'decimal' | 'text';
    type?: 'text' | 'date';
    list?: string;
    size?: number;
  },
) => {
  const id = fieldId(props.path);
  return (
    <div class={`field ${props.class ?? ''}`}>
      <label for={id} class={props.hiddenLabel ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      <input
        id={id}
        type={props.type ?? 'text'}
        value={props.value}
        size={props.size}
        inputMode={props.inputMode}
        list={props.list}
        autocomplete="off"
        disabled={props.disabled}
        onInput={(event) => props.onInput((event.target as HTMLInputElement).value)}
        {...aria(id, props.message)}
      />
      <FieldError inputId={id} message={props.message} />
    </div>
  );
};

export const SelectField = (
  props: Common & {
    value: string;
    onChange: (value: string) => void;
    children: ComponentChildren;
  },
) => {
  const id = fieldId(props.path);
  return (
    <div class={`field ${props.class ?? ''}`}>
      <label for={id} class={props.hiddenLabel ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      <select
        id={id}
        value={props.value}
        disabled={props.disabled}
        onChange={(event) => props.onChange((event.target as HTMLSelectElement).value)}
        {...aria(id, props.message)}
      >
        {props.children}
      </select>
      <FieldError inputId={id} message={props.message} />
    </div>
  );
};
