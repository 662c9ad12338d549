// The building blocks of a question page, in the GOV.UK / NHS pattern: an error summary that takes focus and links to
// each field, inline errors tied to their fields, radios and checkboxes in a fieldset, text inputs with hints.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n';
import type { FieldError } from './steps';

export function errorText(error: FieldError): string {
  return t(`referral.errors.${error.key}`);
}

export function ErrorSummary({ errors, attempt }: { errors: readonly FieldError[]; attempt: number }) {
  const box = useRef<HTMLDivElement>(null);
  // Every failed Continue moves focus here, so screen readers read the problems at once.
  useEffect(() => {
    if (errors.length > 0) box.current?.focus();
  }, [attempt]);
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={box} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t('referral.common.errorSummary')}</h2>
      <ul>
        {errors.map((error) => (
          <li key={`${error.field}-${error.key}`}>
            <a
              href={`#${error.field}`}
              onClick={(event) => {
                // Focus the field itself (the browser would only scroll to it).
                event.preventDefault();
                const field = document.getElementById(error.field);
                field?.focus();
                field?.scrollIntoView({ block: 'center' });
              }}
            >
              {errorText(error)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The inline error for a field (or group), with a hidden 'Error:' so it is clear when read out of context. */
export function InlineError({ id, error }: { id: string; error: FieldError | undefined }) {
  if (!error) return null;
  return (
    <p class="error-message" id={id}>
      <span class="visually-hidden">{t('referral.common.errorPrefix')} </span>
      {errorText(error)}
    </p>
  );
}

export function errorFor(errors: readonly FieldError[], ...fields: string[]): FieldError | undefined {
  return errors.find((error) => fields.includes(error.field));
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return list.length > 0 ? list.join(' ') : undefined;
}

export interface Choice<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

/** A question answered with radios: the legend is the page's h1 when `isPageHeading`. */
export function Radios<T extends string>(props: {
  name: string;
  legend: string;
  isPageHeading?: boolean;
  hint?: string;
  choices: readonly Choice<T>[];
  value: T | '';
  onChange: (value: T) => void;
  error: FieldError | undefined;
}) {
  const { name, legend, isPageHeading = false, hint, choices, value, onChange, error } = props;
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  return (
    <div class={`field ${error ? 'field--error' : ''}`}>
      <fieldset aria-describedby={describedBy(hintId, errorId)}>
        <legend class={isPageHeading ? 'legend--page' : 'legend'}>{isPageHeading ? <h1 tabIndex={-1}>{legend}</h1> : legend}</legend>
        {hint && (
          <p class="hint" id={hintId}>
            {hint}
          </p>
        )}
        <InlineError id={`${name}-error`} error={error} />
        <div class="choices">
          {choices.map((choice) => {
            const id = `${name}-${choice.value}`;
            return (
              <div class="choice-item" key={choice.value}>
                <input type="radio" id={id} name={name} value={choice.value} checked={value === choice.value} onChange={() => onChange(choice.value)} aria-describedby={choice.hint ? `${id}-hint` : undefined} />
                <label for={id}>{choice.label}</label>
                {choice.hint && (
                  <p class="hint choice-item__hint" id={`${id}-hint`}>
                    {choice.hint}
                  </p>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Checkboxes<T extends string>(props: {
  name: string;
  legend: string;
  isPageHeading?: boolean;
  hint?: string;
  choices: readonly Choice<T>[];
  values: readonly T[];
  onChange: (values: T[]) => void;
  error: FieldError | undefined;
  children?: ComponentChildren;
}) {
  const { name, legend, isPageHeading = false, hint, choices, values, onChange, error } = props;
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  return (
    <div class={`field ${error ? 'field--error' : ''}`}>
      <fieldset aria-describedby={describedBy(hintId, errorId)}>
        <legend class={isPageHeading ? 'legend--page' : 'legend'}>{isPageHeading ? <h1 tabIndex={-1}>{legend}</h1> : legend}</legend>
        {hint && (
          <p class="hint" id={hintId}>
            {hint}
          </p>
        )}
        <InlineError id={`${name}-error`} error={error} />
        <div class="choices">
          {choices.map((choice) => {
            const id = `${name}-${choice.value}`;
            const isChecked = values.includes(choice.value);
            return (
              <div class="choice-item choice-item--checkbox" key={choice.value}>
                <input
                  type="checkbox"
                  id={id}
                  name={name}
                  value={choice.value}
                  checked={isChecked}
                  onChange={(event) => {
                    const isNowChecked = event.currentTarget.checked;
                    onChange(isNowChecked ? [...values.filter((v) => v !== choice.value), choice.value] : values.filter((v) => v !== choice.value));
                  }}
                  aria-describedby={choice.hint ? `${id}-hint` : undefined}
                />
                <label for={id}>{choice.label}</label>
                {choice.hint && (
                  <p class="hint choice-item__hint" id={`${id}-hint`}>
                    {choice.hint}
                  </p>
                )}
              </div>
            );
          })}
        </div>
        {props.children}
      </fieldset>
    </div>
  );
}

/** One checkbox that stands alone (a confirmation): its label says exactly what the person agrees to. */
export function Confirmation(props: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void; error: FieldError | undefined }) {
  const { id, label, checked, onChange, error } = props;
  return (
    <div class={`field ${error ? 'field--error' : ''}`}>
      <InlineError id={`${id}-error`} error={error} />
      <div class="choice-item choice-item--checkbox">
        <input type="checkbox" id={id} name={id} checked={checked} onChange={(event) => onChange(event.currentTarget.checked)} aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? true : undefined} />
        <label for={id}>{label}</label>
      </div>
    </div>
  );
}

export function TextField(props: {
  id: string;
  label: string;
  isPageHeading?: boolean;
  hint?: string;
  value: string;
  onInput: (value: string) => void;
  error: FieldError | undefined;
  type?: 'text' | 'tel' | 'email';
  autoComplete?: string;
  inputMode?: 'text' | 'tel' | 'email';
  width?: 'short' | 'full';
  spellcheck?: boolean;
}) {
  const { id, label, isPageHeading = false, hint, value, onInput, error, type = 'text', autoComplete, width = 'full', spellcheck } = props;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const labelElement = (
    <label for={id} class={isPageHeading ? 'label--page' : undefined}>
      {label}
    </label>
  );
  return (
    <div class={`field ${error ? 'field--error' : ''}`}>
      {isPageHeading ? <h1 tabIndex={-1}>{labelElement}</h1> : labelElement}
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
      <InlineError id={`${id}-error`} error={error} />
      <input
        type={type}
        id={id}
        name={id}
        class={`input input--${width}`}
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
        autoComplete={autoComplete}
        spellcheck={spellcheck}
        aria-describedby={describedBy(hintId, errorId)}
        aria-invalid={error ? true : undefined}
        dir="auto"
      />
    </div>
  );
}

export function TextArea(props: { id: string; label: string; isPageHeading?: boolean; hint?: string; value: string; onInput: (value: string) => void; error: FieldError | undefined }) {
  const { id, label, isPageHeading = false, hint, value, onInput, error } = props;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const labelElement = (
    <label for={id} class={isPageHeading ? 'label--page' : undefined}>
      {label}
    </label>
  );
  return (
    <div class={`field ${error ? 'field--error' : ''}`}>
      {isPageHeading ? <h1 tabIndex={-1}>{labelElement}</h1> : labelElement}
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
      <InlineError id={`${id}-error`} error={error} />
      <textarea id={id} name={id} rows={5} value={value} onInput={(event) => onInput(event.currentTarget.value)} aria-describedby={describedBy(hintId, errorId)} aria-invalid={error ? true : undefined} dir="auto" />
    </div>
  );
}
