/**
 * Settings: key tones (on, length, gap, level, twist) and speech (on, rate, voice). Changes apply
 * at once (tones to the player immediately, everything saved a moment later) like a system
 * preferences pane; there is nothing to confirm.
 */
import { useEffect, useRef, useState } from 'react';
import type { ReactElement } from 'react';
import type { ChannelInput, Settings, SpeechStatus } from '../../../../shared/contract.ts';
import { DTMF_SETTING_LIMITS } from '../../audio/index.ts';
import { CloseIcon } from '../../ui/icons.tsx';
import { configureKeyTones, playKeyTone } from '../softphone/key-tones.ts';
import { RangeField } from './range-field.tsx';
import { useDebouncedSave } from './use-debounced-save.ts';
import './settings.css';

/** Props of {@link SettingsDialog}. */
export interface SettingsDialogProps {
  settings: Settings;
  speech: SpeechStatus | null;
  save(patch: ChannelInput<'settings.update'>): Promise<unknown>;
  onClose(): void;
}

// The contract accepts levels up to 0 dBFS, but the player clamps to where both tones together
// cannot clip; the slider offers only what will really be played.
const LEVEL = { min: -40, max: DTMF_SETTING_LIMITS.levelDb.max };

/** The dialog, open while mounted. */
export function SettingsDialog({
  settings,
  speech,
  save,
  onClose,
}: SettingsDialogProps): ReactElement {
  const dialog = useRef<HTMLDialogElement>(null);
  const [dtmf, setDtmf] = useState(settings.dtmf);
  const [speechSettings, setSpeechSettings] = useState(settings.speech);
  const [error, setError] = useState<string | null>(null);
  const { queue, flush } = useDebouncedSave(save, setError);

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);

  const changeDtmf = (patch: Partial<Settings['dtmf']>) => {
    const next = { ...dtmf, ...patch };
    setDtmf(next);
    configureKeyTones(next);
    queue({ dtmf: patch });
  };
  const changeSpeech = (patch: Partial<Settings['speech']>) => {
    setSpeechSettings({ ...speechSettings, ...patch });
    queue({ speech: patch });
  };
  const close = () => {
    flush();
    onClose();
  };

  const noEngine = speech !== null && speech.engine === null;
  return (
    <dialog
      ref={dialog}
      className="settings"
      aria-labelledby="settings-title"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <header className="settings__header">
        <h2 id="settings-title">Settings</h2>
        <button type="button" className="icon-button" aria-label="Close settings" onClick={close}>
          <CloseIcon />
        </button>
      </header>

      <fieldset className="settings__group">
        <legend>Key tones (DTMF)</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={dtmf.enabled}
            onChange={(e) => changeDtmf({ enabled: e.target.checked })}
          />
          Play a tone for each key
        </label>
        <RangeField
          label="Tone length"
          value={dtmf.toneMs}
          min={DTMF_SETTING_LIMITS.toneMs.min}
          max={DTMF_SETTING_LIMITS.toneMs.max}
          step={5}
          unit="ms"
          disabled={!dtmf.enabled}
          onChange={(toneMs) => changeDtmf({ toneMs })}
        />
        <RangeField
          label="Gap between fast keys"
          value={dtmf.minGapMs}
          min={50}
          max={500}
          step={10}
          unit="ms"
          disabled={!dtmf.enabled}
          onChange={(minGapMs) => changeDtmf({ minGapMs })}
        />
        <RangeField
          label="Level"
          value={Math.min(dtmf.levelDb, LEVEL.max)}
          min={LEVEL.min}
          max={LEVEL.max}
          step={1}
          unit="dBFS"
          disabled={!dtmf.enabled}
          onChange={(levelDb) => changeDtmf({ levelDb })}
        />
        <RangeField
          label="High tone above low"
          value={dtmf.highToneBoostDb}
          min={0}
          max={4}
          step={0.5}
          unit="dB"
          disabled={!dtmf.enabled}
          onChange={(highToneBoostDb) => changeDtmf({ highToneBoostDb })}
        />
        <button
          type="button"
          className="button button--small"
          disabled={!dtmf.enabled}
          onPointerDown={() => playKeyTone('5')}
          onClick={(e) => {
            if (e.detail === 0) playKeyTone('5');
          }}
        >
          Play a test tone
        </button>
      </fieldset>

      <fieldset className="settings__group">
        <legend>Speech</legend>
        {noEngine && (
          <p className="note note--warning">
            No text-to-speech engine was found on this computer: prompts are shown as captions only.
          </p>
        )}
        <label className="check">
          <input
            type="checkbox"
            checked={speechSettings.enabled}
            disabled={noEngine}
            onChange={(e) => changeSpeech({ enabled: e.target.checked })}
          />
          Speak prompts aloud
        </label>
        <RangeField
          label="Rate"
          value={speechSettings.rate}
          min={80}
          max={400}
          step={5}
          unit="words/min"
          disabled={noEngine || !speechSettings.enabled}
          onChange={(rate) => changeSpeech({ rate })}
        />
        <label className="field">
          <span className="field__label">Voice</span>
          <select
            aria-label="Voice"
            value={speechSettings.voice ?? ''}
            disabled={noEngine || !speechSettings.enabled}
            onChange={(e) => changeSpeech({ voice: e.target.value || null })}
          >
            <option value="">System default</option>
            {(speech?.voices ?? []).map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
                {v.locale ? ` (${v.locale})` : ''}
              </option>
            ))}
          </select>
        </label>
        {speech?.engine && <p className="muted">Engine: {speech.engine}</p>}
      </fieldset>

      {error && (
        <p className="note note--error" role="alert">
          Not saved: {error}
        </p>
      )}
      <footer className="settings__footer">
        <span className="muted">Changes apply at once.</span>
        <button type="button" className="button button--primary" onClick={close}>
          Done
        </button>
      </footer>
    </dialog>
  );
}
