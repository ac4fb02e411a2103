/** Tickets are shown to people as `T-42`. */
export function toTicketRef(id: number): string {
  return `T-${id}`;
}
