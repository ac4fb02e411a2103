/** Block Kit limits (api.slack.com/reference/block-kit), kept as data so the renderer can honour them. */
export const slackLimits = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  buttonLabel: 75,
  buttonValue: 2000,
  actionId: 255,
  /** A view's callback_id, as a modal's is sent back with its submission. */
  callbackId: 255,
  elementsPerActions: 25,
  contextText: 3000,
  /** chat.postMessage truncates `text` past 40,000 characters; stay well inside for notifications. */
  fallbackText: 4000,
  modalTitle: 24,
} as const;
