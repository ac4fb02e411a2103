/** A knowledge-base article as the desk serves it; read from markdown with front matter. */
export interface Article {
  /** Stable id: the file name without `.md` (or the id given by an evaluation set). */
  id: string;
  title: string;
  tags: string[];
  /** Other ways people ask for this article. */
  questions: string[];
  body: string;
  owner?: string;
  reviewBy?: string;
  /** Front matter `published: YYYY-MM-DD`: when it went live, if the editor says; else the desk's first sighting counts. */
  published?: string;
  audience: 'everyone' | 'staff';
}
