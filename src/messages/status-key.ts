/** The `remember` key of a ticket's status message: where it is posted is kept, so changes edit it. */
export const statusMessageKey = (ticketId: number) => `ticket-status:${ticketId}`;
