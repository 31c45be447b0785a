/** A piece of a text by its offsets: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}
