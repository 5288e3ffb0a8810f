// A Response for a body that is already in memory. The SDK reads status, headers.get() and json() or
// text(); building undici's Response and Headers for that cost about 15 KB of garbage and ~0.1 ms per
// request at concurrency 200 (bench/runner.ts). Anything else (body stream, blob, clone) is served by a
// real Response built on first use, so the full Fetch semantics stay available.

/** Headers over a Map; methods live on the prototype, so a response costs one Map, not a dozen closures. */
class MapHeaders implements Headers {
  readonly #map = new Map<string, string>();

  constructor(raw: Record<string, string>) {
    for (const key in raw) {
      const value = raw[key];
      if (value !== undefined) this.#map.set(key.toLowerCase(), value);
    }
  }

  #sorted(): Array<[string, string]> {
    return [...this.#map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const prior = this.#map.get(key);
    this.#map.set(key, prior === undefined ? value : `${prior}, ${value}`);
  }
  delete(name: string): void {
    this.#map.delete(name.toLowerCase());
  }
  get(name: string): string | null {
    return this.#map.get(name.toLowerCase()) ?? null;
  }
  has(name: string): boolean {
    return this.#map.has(name.toLowerCase());
  }
  set(name: string, value: string): void {
    this.#map.set(name.toLowerCase(), value);
  }
  getSetCookie(): string[] {
    const cookie = this.#map.get('set-cookie');
    return cookie === undefined ? [] : [cookie];
  }
  forEach(callback: (value: string, key: string, iterable: Headers) => void, thisArg?: unknown): void {
    for (const [key, value] of this.#sorted()) callback.call(thisArg, value, key, this);
  }
  keys() {
    return this.#sorted().map(([key]) => key)[Symbol.iterator]();
  }
  values() {
    return this.#sorted().map(([, value]) => value)[Symbol.iterator]();
  }
  entries() {
    return this.#sorted()[Symbol.iterator]();
  }
  [Symbol.iterator]() {
    return this.#sorted()[Symbol.iterator]();
  }
}

export type LightResponseInit = { status: number; statusText: string; headers: Record<string, string>; url: string };

export function lightResponse(bytes: Buffer, init: LightResponseInit): Response {
  const noBody = init.status === 204 || init.status === 304;
  let used = false;
  let real: Response | null = null;
  const full = (): Response => {
    real ??= new Response(noBody ? null : bytes, { status: init.status, statusText: init.statusText, headers: init.headers });
    return real;
  };
  const consume = (): string => {
    if (used) throw new TypeError('Body is unusable: Body has already been read');
    used = true;
    return bytes.toString('utf8');
  };
  const response: Response = {
    headers: new MapHeaders(init.headers),
    ok: init.status >= 200 && init.status < 300,
    status: init.status,
    statusText: init.statusText,
    type: 'basic',
    url: init.url,
    redirected: false,
    get body() {
      return full().body;
    },
    get bodyUsed() {
      return used || (real?.bodyUsed ?? false);
    },
    text: async () => consume(),
    json: async () => JSON.parse(consume()),
    arrayBuffer: async () => {
      consume();
      const copy = new ArrayBuffer(bytes.byteLength);
      new Uint8Array(copy).set(bytes);
      return copy;
    },
    blob: () => full().blob(),
    formData: () => full().formData(),
    clone: () => full().clone(),
  };
  return response;
}
