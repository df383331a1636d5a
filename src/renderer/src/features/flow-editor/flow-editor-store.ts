/**
 * The flow editor's document: the file's text as last read or saved (`base`), the text being
 * edited, undo and redo as the texts before and after each edit, saving with a check that the
 * file did not change underneath, and the questions the editor asks (a file changed on disk while
 * edits are unsaved; saving before a call). Kept outside React so a save reads the text of the
 * edit committed a moment before (a field's blur) and one store per file survives switching
 * flows. Small and free of the editor's heavy parts: the phone imports it on the first screen.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { ApiError, call, getApi } from '../../api/ivr-api.ts';

/** What the editor shows. */
export interface EditorSnapshot {
  path: string;
  status: 'loading' | 'ready' | 'failed';
  /** Why the file could not be read, or why the last save or edit failed. */
  error: string | null;
  /** The file's text as the editor last read or wrote it. */
  base: string;
  /** The text being edited. */
  text: string;
  canUndo: boolean;
  canRedo: boolean;
  /** The text differs from the file's. */
  dirty: boolean;
  saving: boolean;
  /** The file changed on disk while edits were unsaved: its new text, until the user decides. */
  conflict: { theirs: string } | null;
  /** A call waits for the answer to "save first?". */
  askingToSave: boolean;
}

/** Undo steps kept; older ones are dropped (each is a copy of a file of at most a few KB). */
const MAX_UNDO = 200;

/** One file's editing state. */
export class FlowEditorStore {
  #snapshot: EditorSnapshot;
  #past: string[] = [];
  #future: string[] = [];
  #listeners = new Set<() => void>();
  #unsubscribe: (() => void) | null = null;
  /** The user agreed once to save before a call: later calls save without asking. */
  #saveBeforeCall = false;
  #pendingCall: ((go: boolean) => void) | null = null;

  constructor(path: string) {
    this.#snapshot = {
      path,
      status: 'loading',
      error: null,
      base: '',
      text: '',
      canUndo: false,
      canRedo: false,
      dirty: false,
      saving: false,
      conflict: null,
      askingToSave: false,
    };
  }

  /** The current state (a new object after every change, for useSyncExternalStore). */
  getSnapshot = (): EditorSnapshot => this.#snapshot;

  /** Calls `listener` after every change; returns the way to stop. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  #set(patch: Partial<EditorSnapshot>): void {
    const next = { ...this.#snapshot, ...patch };
    next.dirty = next.text !== next.base;
    next.canUndo = this.#past.length > 0;
    next.canRedo = this.#future.length > 0;
    this.#snapshot = next;
    for (const listener of this.#listeners) listener();
  }

  /** Reads the file and starts hearing about changes to it on disk. */
  async open(): Promise<void> {
    const { path } = this.#snapshot;
    this.#unsubscribe ??=
      getApi()?.subscribe((event) => {
        if (event.kind === 'flow_changed' && event.path === path) void this.#changedOnDisk();
      }) ?? null;
    // Opened before (edits kept across picking another flow): only catch up with the disk.
    if (this.#snapshot.status === 'ready') return this.#changedOnDisk();
    try {
      const { text } = await call('flows.text', { path });
      this.#set({ status: 'ready', base: text, text, error: null });
    } catch (error) {
      this.#set({ status: 'failed', error: (error as Error).message });
    }
  }

  /** Stops hearing about the file. */
  close(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }

  /**
   * Applies one edit as one undo step. An edit that throws changes nothing and its message is
   * shown; one that changes nothing adds no step.
   */
  edit(change: (text: string) => string): boolean {
    const { text } = this.#snapshot;
    let next: string;
    try {
      next = change(text);
    } catch (error) {
      this.#set({ error: (error as Error).message });
      return false;
    }
    if (next === text) return true;
    this.#past.push(text);
    if (this.#past.length > MAX_UNDO) this.#past.shift();
    this.#future = [];
    this.#set({ text: next, error: null });
    return true;
  }

  undo(): void {
    const previous = this.#past.pop();
    if (previous === undefined) return;
    this.#future.push(this.#snapshot.text);
    this.#set({ text: previous, error: null });
  }

  redo(): void {
    const next = this.#future.pop();
    if (next === undefined) return;
    this.#past.push(this.#snapshot.text);
    this.#set({ text: next, error: null });
  }

  /**
   * Writes the text to the file, unless the file changed on disk since it was read: then the
   * conflict question is asked instead. True when saved.
   */
  async save(): Promise<boolean> {
    const { path, text, base, saving, status } = this.#snapshot;
    if (saving || status !== 'ready') return false;
    this.#set({ saving: true, error: null });
    try {
      await call('flows.save', { path, text, base });
      this.#set({ saving: false, base: text });
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict') {
        this.#set({ saving: false });
        await this.#changedOnDisk();
      } else {
        this.#set({ saving: false, error: `Not saved: ${(error as Error).message}` });
      }
      return false;
    }
  }

  async #changedOnDisk(): Promise<void> {
    let theirs: string;
    try {
      theirs = (await call('flows.text', { path: this.#snapshot.path })).text;
    } catch (error) {
      this.#set({ error: `The file cannot be read again: ${(error as Error).message}` });
      return;
    }
    // Read after the answer: a save may have finished meanwhile.
    const { base, text, dirty } = this.#snapshot;
    // Our own save, or a touch that changed nothing.
    if (theirs === base) return;
    // The disk holds what is on screen: our own save, heard before its answer arrived.
    if (theirs === text) return this.#set({ base: theirs, conflict: null });
    if (!dirty) this.#set({ base: theirs, text: theirs, conflict: null });
    else this.#set({ conflict: { theirs } });
  }

  /** Keeps the edits: the next save writes them over the file's new text. */
  keepMine(): void {
    const conflict = this.#snapshot.conflict;
    if (conflict) this.#set({ base: conflict.theirs, conflict: null });
  }

  /** Drops the edits for the file's new text; undo brings them back. */
  loadTheirs(): void {
    const conflict = this.#snapshot.conflict;
    if (!conflict) return;
    this.#past.push(this.#snapshot.text);
    this.#future = [];
    this.#set({ base: conflict.theirs, text: conflict.theirs, conflict: null });
  }

  /**
   * Before a call of this flow: true when the call may go ahead with the file as edited. Nothing
   * unsaved: yes. Unsaved: the user is asked once whether to save first; having said yes, later
   * calls save without asking.
   */
  async beforeCall(): Promise<boolean> {
    if (!this.#snapshot.dirty) return true;
    if (this.#saveBeforeCall) return this.save();
    const go = await new Promise<boolean>((resolve) => {
      this.#pendingCall?.(false);
      this.#pendingCall = resolve;
      this.#set({ askingToSave: true });
    });
    if (!go) return false;
    this.#saveBeforeCall = true;
    return this.save();
  }

  /** The answer to "save before the call?". */
  answerSaveBeforeCall(save: boolean): void {
    const pending = this.#pendingCall;
    this.#pendingCall = null;
    this.#set({ askingToSave: false });
    pending?.(save);
  }
}

const stores = new Map<string, FlowEditorStore>();

/**
 * The store of the file at `path`, kept while the app runs, so unsaved edits survive picking
 * another flow and coming back.
 */
export function editorStoreFor(path: string): FlowEditorStore {
  let store = stores.get(path);
  if (!store) {
    store = new FlowEditorStore(path);
    stores.set(path, store);
  }
  return store;
}

/**
 * The store of `path` for the editor while `active`: opened (read, and watched for changes on
 * disk) when it becomes active, no longer watched when it does not.
 */
export function useEditorStore(path: string | null, active: boolean): FlowEditorStore | null {
  const store = path === null ? null : editorStoreFor(path);
  useEffect(() => {
    if (!store || !active) return undefined;
    void store.open();
    return () => store.close();
  }, [store, active]);
  return store;
}

const NO_STORE = (): (() => void) => () => undefined;
const NOT_DIRTY = (): boolean => false;

/** True while `store` holds edits not saved, kept current (the Flow tab marks them). */
export function useUnsavedEdits(store: FlowEditorStore | null): boolean {
  return useSyncExternalStore(
    store?.subscribe ?? NO_STORE,
    store ? () => store.getSnapshot().dirty : NOT_DIRTY,
  );
}
