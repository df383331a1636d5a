/**
 * PEM blocks in a text file: a CA bundle holds several certificates, a client certificate file
 * often carries its chain, and text around the blocks (openssl's "subject=" lines) is ignored.
 */

/** One `-----BEGIN X-----` … `-----END X-----` block. */
export interface PemBlock {
  /** The label: `CERTIFICATE`, `PRIVATE KEY`, `EC PRIVATE KEY`, … */
  label: string;
  /** The block's text, BEGIN and END lines included. */
  pem: string;
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

/** Every PEM block in `text`, in order. */
export function pemBlocks(text: string): PemBlock[] {
  return [...text.matchAll(BLOCK)].map((match) => ({
    label: match[1] as string,
    pem: `${match[0]}\n`,
  }));
}
