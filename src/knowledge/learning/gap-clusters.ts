import type { GapQuestion, GapReason } from '../../store/gap-questions.ts';
import { terms } from '../search/text.ts';

export type { GapQuestion, GapReason };

export interface GapCluster {
  count: number;
  reasons: Record<GapReason, number>;
  /** A few distinct wordings, most recent first. */
  examples: string[];
  /** The article offered most often for these questions, if any was. */
  suggested?: string;
  lastAt: Date;
}

export interface ClusterOptions {
  /** Cosine similarity to a cluster's centre at or above which a question joins it. */
  threshold?: number;
  examples?: number;
}

type Vector = Map<string, number>;

interface Building {
  centre: Vector;
  normSquared: number;
  members: GapQuestion[];
}

/**
 * Groups similar questions in one pass: each question joins the most similar cluster centre (IDF-weighted
 * cosine over search terms) when it is close enough, or starts a new cluster. Candidate clusters come from
 * an inverted index over the question's most telling terms, so the cost follows shared terms rather than
 * every pair. Questions with no topic words ("hello?") say nothing about a gap and are left out. The result is the same for the same input.
 */
export function clusterGaps(questions: readonly GapQuestion[], options: ClusterOptions = {}): GapCluster[] {
  const threshold = options.threshold ?? 0.5;
  const ordered = [...questions].sort(
    (a, b) => b.at.getTime() - a.at.getTime() || a.question.localeCompare(b.question),
  );
  const termLists = ordered.map((q) => terms(q.question));
  const idf = inverseDocumentFrequency(termLists);
  const clusters: Building[] = [];
  const postings = new Map<string, number[]>();

  ordered.forEach((question, i) => {
    const list = termLists[i] ?? [];
    if (list.length === 0) return;
    const vector = toUnitVector(list, idf);
    let best = closestCluster(vector, clusters, postings, threshold);
    if (best === -1) {
      best = clusters.length;
      clusters.push({ centre: new Map(), normSquared: 0, members: [] });
    }
    const cluster = clusters[best] as Building;
    const index = best;
    addToCentre(cluster, vector, (term) => {
      const list = postings.get(term);
      if (list) list.push(index);
      else postings.set(term, [index]);
    });
    cluster.members.push(question);
  });

  return clusters
    .map((c) => summarise(c.members, options.examples ?? 3))
    .sort(
      (a, b) =>
        b.count - a.count ||
        b.lastAt.getTime() - a.lastAt.getTime() ||
        (a.examples[0] ?? '').localeCompare(b.examples[0] ?? ''),
    );
}

/** The index of the most similar cluster at or above the threshold; -1 when none is. */
function closestCluster(vector: Vector, clusters: Building[], postings: Map<string, number[]>, threshold: number) {
  let best = -1;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const c of candidates(vector, postings)) {
    const cluster = clusters[c] as Building;
    let dot = 0;
    for (const [term, weight] of vector) dot += weight * (cluster.centre.get(term) ?? 0);
    const score = dot / Math.sqrt(cluster.normSquared);
    if (score >= threshold && score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Clusters sharing one of the question's most telling (highest-weight) terms. Sharing only common words
 * rarely makes two questions similar, and looking those up would compare every question with every
 * cluster.
 */
function candidates(vector: Vector, postings: Map<string, number[]>): Set<number> {
  const telling = [...vector].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, tellingTerms);
  const found = new Set<number>();
  for (const [term] of telling) for (const c of postings.get(term) ?? []) found.add(c);
  return found;
}

const tellingTerms = 3;

/**
 * A word only one question uses (a ticket number, an error code) cannot link it to any other question, and
 * as the rarest word it would outweigh everything the question shares with others: it gets no weight.
 */
function inverseDocumentFrequency(termLists: string[][]): Map<string, number> {
  const df = new Map<string, number>();
  for (const list of termLists) for (const t of new Set(list)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = termLists.length;
  return new Map([...df].filter(([, count]) => count > 1).map(([t, count]) => [t, Math.log(1 + n / count)]));
}

function toUnitVector(list: string[], idf: Map<string, number>): Vector {
  const vector: Vector = new Map();
  for (const t of list) {
    const weight = idf.get(t);
    if (weight !== undefined) vector.set(t, (vector.get(t) ?? 0) + weight);
  }
  const norm = Math.hypot(...vector.values());
  if (norm === 0) return new Map();
  for (const [t, w] of vector) vector.set(t, w / norm);
  return vector;
}

/** The centre is the sum of its members' unit vectors: its direction is their average. */
function addToCentre(cluster: Building, vector: Vector, onNewTerm: (term: string) => void): void {
  for (const [t, w] of vector) {
    const had = cluster.centre.get(t);
    if (had === undefined) onNewTerm(t);
    const now = (had ?? 0) + w;
    cluster.centre.set(t, now);
    cluster.normSquared += now * now - (had ?? 0) * (had ?? 0);
  }
}

function summarise(members: GapQuestion[], exampleCount: number): GapCluster {
  const reasons: Record<GapReason, number> = { declined: 0, not_helpful: 0, escalated: 0 };
  const offered = new Map<string, number>();
  for (const m of members) {
    for (const r of new Set(m.reasons)) reasons[r] += 1;
    if (m.suggested) offered.set(m.suggested, (offered.get(m.suggested) ?? 0) + 1);
  }
  const seen = new Set<string>();
  const examples: string[] = [];
  for (const m of members) {
    const key = m.question.trim().toLowerCase().replace(/\s+/g, ' ');
    if (seen.has(key) || examples.length >= exampleCount) continue;
    seen.add(key);
    examples.push(m.question.trim());
  }
  const [suggested] = [...offered].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return {
    count: members.length,
    reasons,
    examples,
    ...(suggested ? { suggested: suggested[0] } : {}),
    lastAt: members[0]?.at ?? new Date(0),
  };
}
