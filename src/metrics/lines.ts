/** A growable Float64Array for the streaming readers. */
export class Float64Builder {
  data: Float64Array;
  length = 0;
  constructor(capacity = 1 << 16) {
    this.data = new Float64Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = v;
  }
  /** Appends all of values. */
  append(values: Float64Array): void {
    while (this.length + values.length > this.data.length) this.grow();
    this.data.set(values, this.length);
    this.length += values.length;
  }
  /** Doubles the capacity (keeps the values). */
  grow(): void {
    const bigger = new Float64Array(this.data.length * 2);
    bigger.set(this.data);
    this.data = bigger;
  }
  /** The values, copied to an exact-size array when the slack is large. */
  finish(): Float64Array {
    return this.length * 2 < this.data.length
      ? this.data.slice(0, this.length)
      : this.data.subarray(0, this.length);
  }
}
