/**
 * An editable combobox with a list popup (WAI-ARIA 1.2 combobox pattern): typing filters the list,
 * Down/Up move through it, Enter chooses, Escape closes it (and clears the text when it is already closed).
 */
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { MAX_INPUT_LENGTH } from './model.ts';

export interface ComboOption {
  readonly id: string;
  readonly label: string;
  /** Shown after the label, e.g. brand names or the drug class. */
  readonly hint?: string;
  /** Lowercase words that find this option. */
  readonly keywords: readonly string[];
}

const MAX_SHOWN = 8;

export function filterOptions(options: readonly ComboOption[], query: string): ComboOption[] {
  const q = query.trim().toLowerCase();
  if (!q) return options.slice(0, MAX_SHOWN);
  const starts: ComboOption[] = [];
  const contains: ComboOption[] = [];
  for (const option of options) {
    if (option.keywords.some((k) => k.startsWith(q))) starts.push(option);
    else if (option.keywords.some((k) => k.includes(q))) contains.push(option);
  }
  return [...starts, ...contains].slice(0, MAX_SHOWN);
}

interface Props {
  readonly id: string;
  readonly label: ReactNode;
  readonly query: string;
  readonly options: readonly ComboOption[];
  readonly onQueryChange: (text: string) => void;
  readonly onSelect: (option: ComboOption) => void;
  readonly onBlur?: () => void;
  /** Backspace in an empty box (multi-select: remove the last chip). */
  readonly onEmptyBackspace?: () => void;
  readonly describedBy?: string;
  readonly invalid?: boolean;
  readonly placeholder?: string;
  readonly before?: ReactNode;
}

export function Combobox(props: Props) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const shown = filterOptions(props.options, props.query);
  const expanded = open && shown.length > 0;

  const choose = (option: ComboOption) => {
    props.onSelect(option);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) setOpen(true);
        setActive((i) => (shown.length === 0 ? -1 : event.altKey ? Math.max(i, -1) : (i + 1) % shown.length));
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!open) setOpen(true);
        setActive((i) => (shown.length === 0 ? -1 : i <= 0 ? shown.length - 1 : i - 1));
        break;
      case 'Enter': {
        if (!expanded) break;
        const option = shown[active >= 0 ? active : 0];
        if (option) {
          event.preventDefault();
          choose(option);
        }
        break;
      }
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (props.query) {
          event.preventDefault();
          props.onQueryChange('');
        }
        break;
      case 'Backspace':
        if (!props.query) props.onEmptyBackspace?.();
        break;
      case 'Tab':
        setOpen(false);
        break;
      default:
        break;
    }
  };

  const activeOption = expanded && active >= 0 ? shown[active] : undefined;
  return (
    <div className="combo">
      <label htmlFor={props.id}>{props.label}</label>
      <div className="combo-box">
        {props.before}
        <input
          id={props.id}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          maxLength={MAX_INPUT_LENGTH}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={activeOption ? `${listId}-${activeOption.id}` : undefined}
          aria-describedby={props.describedBy}
          aria-invalid={props.invalid || undefined}
          placeholder={props.placeholder}
          value={props.query}
          onChange={(event) => {
            props.onQueryChange(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            setActive(-1);
            props.onBlur?.();
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <ul id={listId} role="listbox" aria-label="Suggestions" className="combo-list" hidden={!expanded}>
        {shown.map((option, index) => (
          <li
            key={option.id}
            id={`${listId}-${option.id}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'active' : undefined}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(option)}
          >
            <span className="combo-label">{option.label}</span>
            {option.hint ? <span className="combo-hint"> {option.hint}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
