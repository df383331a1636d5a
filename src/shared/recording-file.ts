/** A recorded prompt's bytes as the contract carries them to the page (`call.recording`). */
export interface RecordingFile {
  mimeType: 'audio/wav' | 'audio/ogg' | 'audio/mpeg';
  /** The file's bytes, base64 (browser mode carries the contract as JSON). */
  data: string;
}
