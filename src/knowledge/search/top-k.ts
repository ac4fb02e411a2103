/**
 * The `k` best-scored of many offered items (article numbers), kept without sorting all of them: ranking by
 * meaning offers every article, and only a handful can matter. On equal scores the lower number is kept,
 * as search breaks ties by article order.
 */
export class TopK {
  private readonly items: number[] = [];
  private readonly scores: number[] = [];
  /** Where the item to give up next is: the lowest score, the highest number among equals. */
  private weakest = -1;

  constructor(private readonly k: number) {}

  offer(item: number, score: number): void {
    if (this.items.length < this.k) {
      this.items.push(item);
      this.scores.push(score);
    } else if (this.weakest >= 0 && this.beats(item, score, this.weakest)) {
      this.items[this.weakest] = item;
      this.scores[this.weakest] = score;
    } else return;
    this.findWeakest();
  }

  private beats(item: number, score: number, at: number): boolean {
    const other = this.scores[at] as number;
    return score > other || (score === other && item < (this.items[at] as number));
  }

  private findWeakest() {
    this.weakest = 0;
    for (let i = 1; i < this.scores.length; i++) {
      if (this.beats(this.items[this.weakest] as number, this.scores[this.weakest] as number, i)) this.weakest = i;
    }
  }

  forEach(visit: (item: number, score: number) => void): void {
    for (const [i, item] of this.items.entries()) visit(item, this.scores[i] as number);
  }
}
