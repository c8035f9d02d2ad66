// What went wrong, said to the person: the API's title and detail, each refused field by name, announced to screen
// readers as it appears.
import { ApiError } from '../api';

export const Problem = (props: { error: Error | null | undefined; label?: string }) => {
  const { error } = props;
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  return (
    <div class="problem" role="alert">
      <p>
        <strong>{props.label ?? api?.title ?? 'Something went wrong'}</strong>
        {api?.detail ? ` ${api.detail}` : api ? '' : ` ${error.message}`}
      </p>
      {api && api.errors.length > 0 ? (
        <ul>
          {api.errors.map((field) => (
            <li key={field.path}>
              <code>{field.path}</code>: {field.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
};

/** A field's own error text under it, tied to the input by `aria-describedby={fieldErrorId(id)}`. */
export const fieldErrorId = (inputId: string): string => `${inputId}-error`;

export const FieldError = (props: { inputId: string; message: string | undefined }) =>
  props.message ? (
    <p class="field-error" id={fieldErrorId(props.inputId)}>
      {props.message}
    </p>
  ) : null;
