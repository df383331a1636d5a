/**
 * A labelled slider with its value written next to it.
 */
import type { ReactElement } from 'react';

/** Props of {@link RangeField}. */
export interface RangeFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  unit: string;
  disabled?: boolean;
  onChange(value: number): void;
}

/** A slider with its value and unit written beside it and read out by screen readers. */
export function RangeField({
  label,
  value,
  min,
  max,
  step,
  unit,
  disabled = false,
  onChange,
}: RangeFieldProps): ReactElement {
  return (
    <label className="range-field">
      <span className="range-field__label">{label}</span>
      <input
        type="range"
        aria-label={label}
        min={min}
        max={max}
        step={step}
        value={value}
        disabled={disabled}
        aria-valuetext={`${value} ${unit}`}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <output className="range-field__value">
        {value} {unit}
      </output>
    </label>
  );
}
