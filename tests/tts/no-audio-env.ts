/**
 * An environment in which no speech engine can reach a sound output, whatever this machine has:
 * given to the engine under test (its child processes only), so the "no audio device" path is
 * exercised on a desktop with PulseAudio or PipeWire as well as on a headless CI machine.
 */

/**
 * A path that can never exist: a name below a character device, so opening or connecting to it
 * fails with ENOTDIR on every Linux machine, without a temp folder to create and remove.
 */
const NOWHERE = '/dev/null/ivr-test-no-audio';

/**
 * Variables that take every output away from espeak-ng (libpcaudio: PulseAudio, then ALSA, then
 * OSS) and from other PulseAudio/PipeWire clients:
 * - `PULSE_SERVER`: an explicit server that is not there. With a server named, the client
 *   connects to it only; it neither tries the default socket nor autospawns a daemon.
 * - `PIPEWIRE_REMOTE`: likewise for native PipeWire clients.
 * - `ALSA_CONFIG_PATH`: an empty configuration, so ALSA has no `default` PCM (neither a card nor
 *   the pulse/pipewire plugin that would route back to a sound server).
 * - `AUDIODEV`: the OSS/sox device, also nowhere.
 */
export const NO_AUDIO_ENV: Readonly<Record<string, string>> = Object.freeze({
  PULSE_SERVER: `unix:${NOWHERE}/pulse-native`,
  PIPEWIRE_REMOTE: `${NOWHERE}/pipewire-0`,
  ALSA_CONFIG_PATH: '/dev/null',
  AUDIODEV: `${NOWHERE}/dsp`,
});
