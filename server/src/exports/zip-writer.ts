import type { Writable } from 'node:stream';
import zlib from 'node:zlib';

// A minimal streaming ZIP writer (PKWARE APPNOTE 6.3): deflated entries, each either written whole
// (small parts: sizes and CRC in the local header) or streamed (the sheet: sizes and CRC in a data
// descriptor after the data, as every streaming writer does), then the central directory.
// No ZIP64: an entry or an archive over 4 GiB fails instead of being written wrong (an XLSX sheet
// holds at most 1,048,576 rows, far below that at our row sizes).

const LIMIT = 0xffffffff;
const UTF8_NAMES = 0x0800;
const DATA_DESCRIPTOR = 0x0008;
const DEFLATE = 8;

interface Entry {
  name: Buffer;
  flags: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/** MS-DOS time and date of a moment (local time, 2-second steps, from 1980). */
function dosTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** Waits until the stream takes more, or is gone (a destroyed stream never drains). */
export function drainOrClose(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

export class ZipWriter {
  private offset = 0;
  private readonly entries: Entry[] = [];
  private readonly time: { time: number; date: number };

  constructor(
    private readonly out: Writable,
    private readonly level = 1,
    now = new Date(),
  ) {
    this.time = dosTime(now);
  }

  /** Writes bytes to the output; waits when its buffer is full (a slow client). */
  private async put(bytes: Buffer): Promise<void> {
    if (this.out.destroyed) throw new Error('export stopped');
    this.offset += bytes.length;
    if (this.offset > LIMIT) throw new Error('ZIP over 4 GiB');
    if (!this.out.write(bytes)) await drainOrClose(this.out);
  }

  private localHeader(entry: Entry): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(entry.flags, 6);
    h.writeUInt16LE(DEFLATE, 8);
    h.writeUInt16LE(this.time.time, 10);
    h.writeUInt16LE(this.time.date, 12);
    h.writeUInt32LE(entry.crc, 14);
    h.writeUInt32LE(entry.compressed, 18);
    h.writeUInt32LE(entry.size, 22);
    h.writeUInt16LE(entry.name.length, 26);
    h.writeUInt16LE(0, 28);
    return Buffer.concat([h, entry.name]);
  }

  /** A small entry, compressed in one go. */
  async file(name: string, content: string): Promise<void> {
    const data = Buffer.from(content, 'utf8');
    const deflated = zlib.deflateRawSync(data, { level: this.level });
    const entry: Entry = {
      name: Buffer.from(name, 'utf8'),
      flags: UTF8_NAMES,
      crc: zlib.crc32(data),
      compressed: deflated.length,
      size: data.length,
      offset: this.offset,
    };
    this.entries.push(entry);
    await this.put(this.localHeader(entry));
    await this.put(deflated);
  }

  /**
   * A streamed entry: `write` text as it comes (awaiting it keeps the memory flat), then `end`.
   * Compression runs on libuv's thread pool, beside the JavaScript that makes the text.
   */
  async stream(
    name: string,
  ): Promise<{ add: (text: string) => boolean; write: (text: string) => Promise<void>; end: () => Promise<void> }> {
    const entry: Entry = {
      name: Buffer.from(name, 'utf8'),
      flags: UTF8_NAMES | DATA_DESCRIPTOR,
      crc: 0,
      compressed: 0,
      size: 0,
      offset: this.offset,
    };
    this.entries.push(entry);
    await this.put(this.localHeader(entry));
    const deflate = zlib.createDeflateRaw({ level: this.level, chunkSize: 64 * 1024 });
    let failure: Error | null = null;
    const ended = new Promise<void>((resolve, reject) => {
      deflate.on('end', resolve);
      deflate.on('error', reject);
    });
    ended.catch(() => undefined);
    // Compressed bytes go out as they come; the deflater pauses while the output is full.
    deflate.on('data', (chunk: Buffer) => {
      entry.compressed += chunk.length;
      this.offset += chunk.length;
      if (this.offset > LIMIT) failure ??= new Error('ZIP over 4 GiB');
      if (this.out.destroyed) return;
      if (!this.out.write(chunk)) {
        deflate.pause();
        void drainOrClose(this.out).then(() => deflate.resume());
      }
    });
    /** Hands text to the compressor; false when it has enough queued (then await `write`). */
    const add = (text: string): boolean => {
      if (failure) throw failure;
      if (this.out.destroyed) throw new Error('export stopped');
      const data = Buffer.from(text, 'utf8');
      entry.crc = zlib.crc32(data, entry.crc);
      entry.size += data.length;
      if (entry.size > LIMIT) throw new Error('ZIP entry over 4 GiB');
      return deflate.write(data);
    };
    return {
      add,
      write: async (text: string) => {
        if (!add(text)) await drainOrClose(deflate);
      },
      end: async () => {
        deflate.end();
        await ended;
        if (failure) throw failure;
        const d = Buffer.alloc(16);
        d.writeUInt32LE(0x08074b50, 0);
        d.writeUInt32LE(entry.crc, 4);
        d.writeUInt32LE(entry.compressed, 8);
        d.writeUInt32LE(entry.size, 12);
        await this.put(d);
      },
    };
  }

  /** The central directory and its end record; the output is ended. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(e.flags, 8);
      h.writeUInt16LE(DEFLATE, 10);
      h.writeUInt16LE(this.time.time, 12);
      h.writeUInt16LE(this.time.date, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      // extra, comment, disk, internal attributes: 0; external attributes: 0; then the offset.
      h.writeUInt32LE(e.offset, 42);
      await this.put(Buffer.concat([h, e.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.put(end);
    this.out.end();
  }
}
