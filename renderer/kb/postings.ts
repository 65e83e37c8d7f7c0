// One term's postings: which article slots contain it, and how strongly (its field-weighted BM25 term
// weight, fixed when the article is indexed). Typed arrays, because a one-letter prefix walks tens of
// thousands of them on every keystroke.

export class Postings {
  slots = new Int32Array(4);
  weights = new Float32Array(4);
  length = 0;

  add(slot: number, weight: number): void {
    if (this.length === this.slots.length) {
      const slots = new Int32Array(this.length * 2);
      slots.set(this.slots);
      const weights = new Float32Array(this.length * 2);
      weights.set(this.weights);
      this.slots = slots;
      this.weights = weights;
    }
    this.slots[this.length] = slot;
    this.weights[this.length] = weight;
    this.length++;
  }

  /** Order does not matter: the last posting takes the removed one's place. */
  remove(slot: number): void {
    const last = this.length - 1;
    for (let i = 0; i <= last; i++) {
      if (this.slots[i] !== slot) continue;
      this.slots[i] = this.slots[last]!;
      this.weights[i] = this.weights[last]!;
      this.length = last;
      return;
    }
  }
}
