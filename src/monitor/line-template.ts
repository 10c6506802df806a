/**
 * The layout of a validated data-capture line, reused for the lines after it: the bytes outside
 * its string values (member names, punctuation, whitespace, other values) as literal segments,
 * and a hole for each string value. A line matches when every literal segment is byte-identical
 * and each hole holds a valid JSON string (checked by the scanner's own string reader); since
 * replacing one JSON string token with another keeps the grammar, a matching line is valid JSON of
 * exactly the template's structure, so the members Model Monitor reads sit in the same holes.
 * String values that stay the same over the first lines (content type, mode, encoding,
 * eventVersion) are folded into the literals, leaving native searches only for values that vary.
 */
/**
 * What a template needs of the line scanner (json-scan.ts's CaptureLineScanner), declared here so
 * that the scanner can import the template without an import cycle.
 */
export interface TemplateScanner {
  readonly view: DataView;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  stringAt(i: number, slot: number): number;
}

/** Lines compared against the template's source line before constant strings are folded in. */
const OBSERVE_LINES = 32;

interface Hole {
  /** opening and closing quote, relative to the source line */
  open: number;
  close: number;
  slot: number;
}

export class LineTemplate {
  /** literal bytes of all segments, back to back; segment k ends at segEnd[k] */
  private lit!: Uint8Array;
  private litView!: DataView;
  /**
   * Whether literal words may be compared eight bytes at a time as doubles. Two doubles compare
   * equal exactly when their bits do, except NaN (never equal) and -0 === +0; an eight-byte word of
   * the literal is NaN or infinite only with a 0x7f or 0xff byte on top, and zero only with seven
   * 0x00 bytes, so a literal without those bytes (all of SageMaker's: JSON text has none outside
   * strings) compares exactly. Otherwise words of four bytes, as integers.
   */
  private wide = false;
  private segEnd!: Int32Array;
  /** slot (or -1) of the hole after segment k */
  private holeSlot!: Int32Array;
  /** slots inside literal segments: [segment, slot, start, end] relative to the segment start */
  private fixed!: Int32Array;
  /** hole spans of the last matched line (absolute) */
  private curStart!: Int32Array;
  private curEnd!: Int32Array;
  /** holes seen with other content than the source line's; the count of lines compared */
  private varies!: Uint8Array;
  private observed = 0;
  private refined = false;

  private constructor(
    private readonly src: Uint8Array,
    private holes: Hole[],
  ) {
    this.build(holes.map(() => false));
  }

  /**
   * A template from a line the full walk just validated (`trace`: [open, close, slot] per string
   * value), or undefined when a member Model Monitor reads was not a string.
   */
  static from(
    buf: Uint8Array,
    s: number,
    e: number,
    trace: readonly number[],
    starts: Int32Array,
  ): LineTemplate | undefined {
    for (let k = 0; k < starts.length; k++) if (starts[k]! < -1) return undefined;
    const holes: Hole[] = [];
    for (let t = 0; t < trace.length; t += 3)
      holes.push({ open: trace[t]! - s, close: trace[t + 1]! - s, slot: trace[t + 2]! });
    return new LineTemplate(Uint8Array.prototype.slice.call(buf, s, e), holes); // a copy (Buffer#slice is a view)
  }

  private build(constant: boolean[]): void {
    const segs: [number, number][] = [];
    const holeSlot: number[] = [];
    const fixed: number[] = [];
    let from = 0;
    this.holes.forEach((h, k) => {
      if (constant[k]) {
        if (h.slot >= 0) fixed.push(segs.length, h.slot, h.open + 1 - from, h.close - from);
        return;
      }
      segs.push([from, h.open + 1]);
      holeSlot.push(h.slot);
      from = h.close;
    });
    segs.push([from, this.src.length]);
    const total = segs.reduce((a, [x, y]) => a + y - x, 0);
    this.lit = new Uint8Array(total);
    this.litView = new DataView(this.lit.buffer);
    this.segEnd = new Int32Array(segs.length);
    let o = 0;
    segs.forEach(([x, y], k) => {
      this.lit.set(this.src.subarray(x, y), o);
      o += y - x;
      this.segEnd[k] = o;
    });
    this.wide = !this.lit.includes(0x7f) && !this.lit.includes(0xff) && !this.lit.includes(0);
    this.holeSlot = Int32Array.from(holeSlot);
    this.fixed = Int32Array.from(fixed);
    this.curStart = new Int32Array(holeSlot.length);
    this.curEnd = new Int32Array(holeSlot.length);
    this.varies = new Uint8Array(holeSlot.length);
  }

  /**
   * Whether buf[s, e) has this layout; on true the scanner's slots are set. Throws the scanner's
   * SyntaxFailure when a hole is not a valid string (the caller then walks the line in full).
   */
  match(sc: TemplateScanner, buf: Uint8Array, s: number, e: number): boolean {
    const lit = this.lit;
    const litView = this.litView;
    const view = sc.view;
    const segEnd = this.segEnd;
    const holeSlot = this.holeSlot;
    const fixed = this.fixed;
    const starts = sc.starts;
    const ends = sc.ends;
    const holes = holeSlot.length;
    const wide = this.wide;
    let pos = s;
    let li = 0;
    let fi = 0;
    for (let k = 0; k <= holes; k++) {
      const segStart = pos;
      const le = segEnd[k]!;
      if (pos + (le - li) > e) return false;
      // eight bytes at a time (as doubles, equal exactly when their bits are: see `wide`) or four,
      // then the rest
      if (wide) {
        for (; li + 8 <= le; li += 8, pos += 8)
          if (view.getFloat64(pos, true) !== litView.getFloat64(li, true)) return false;
      } else {
        for (; li + 4 <= le; li += 4, pos += 4)
          if (view.getUint32(pos, true) !== litView.getUint32(li, true)) return false;
      }
      for (; li < le; li++, pos++) if (buf[pos] !== lit[li]) return false;
      while (fi < fixed.length && fixed[fi] === k) {
        const slot = fixed[fi + 1]!;
        starts[slot] = segStart + fixed[fi + 2]!;
        ends[slot] = segStart + fixed[fi + 3]!;
        fi += 4;
      }
      if (k < holes) {
        const slot = holeSlot[k]!;
        const after = sc.stringAt(pos - 1, slot); // pos - 1: the opening quote
        if (slot >= 0) {
          starts[slot] = pos;
          ends[slot] = after - 1;
        }
        this.curStart[k] = pos;
        this.curEnd[k] = after - 1;
        pos = after - 1; // the closing quote opens the next segment
      }
    }
    if (pos !== e) return false;
    if (!this.refined) this.observe(buf);
    return true;
  }

  /** Notes which holes differ from the source line; after OBSERVE_LINES folds the others in. */
  private observe(buf: Uint8Array): void {
    const src = this.src;
    for (let k = 0; k < this.holes.length; k++) {
      if (this.varies[k]) continue;
      const h = this.holes[k]!;
      const a = this.curStart[k]!;
      const n = this.curEnd[k]! - a;
      let same = n === h.close - h.open - 1;
      for (let i = 0; same && i < n; i++) {
        const c = buf[a + i]!;
        // a string with an escape stays a hole (the scanner records its escapes there)
        if (c !== src[h.open + 1 + i] || c === 92) same = false;
      }
      if (!same) this.varies[k] = 1;
    }
    if (++this.observed < OBSERVE_LINES) return;
    this.refined = true;
    const constant = this.holes.map((_, k) => !this.varies[k]);
    if (constant.some(Boolean)) this.build(constant);
  }
}
