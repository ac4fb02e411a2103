/**
 * A question's wording as the desk compares it: lower case, single spaces, so "How do I  Print?" and "how do i
 * print?" are one. Learned phrasings and 👎 lessons are kept once per wording.
 */
export const normalizedWording = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');
