import type { App } from '@slack/bolt';
import type { DisplayNames } from './display-names.ts';
import { toPerson, toPlace } from './identity.ts';
import { formOfCallbackId, readModal, toModal } from './modal.ts';
import type { SlackContext } from './slack-context.ts';

/**
 * Forms open as modals, from a form's button (`tierdesk_open_<form>`, in messages and App Home) or its global
 * shortcut (`tierdesk_<form>_shortcut` in the manifest); a submission is checked in the modal, then handled.
 */
export function listenToForms(app: App, slack: SlackContext, names: DisplayNames): void {
  const open = (formId: string | undefined, triggerId: string | undefined) => {
    const form = formId ? slack.desk.form(formId) : undefined;
    if (!form || !triggerId) return slack.log.warn('slack form not known', { form: formId });
    return slack.work.track('open modal', slack.client.views.open({ trigger_id: triggerId, view: toModal(form) }));
  };

  app.action(/^tierdesk_open_/, async ({ ack, body, action }) => {
    await ack();
    const id = 'action_id' in action ? action.action_id.replace(/^tierdesk_open_/, '') : undefined;
    await open(id, (body as { trigger_id?: string }).trigger_id);
  });

  app.shortcut(/^tierdesk_.+_shortcut$/, async ({ ack, shortcut }) => {
    await ack();
    await open(formOfCallbackId(shortcut.callback_id), shortcut.trigger_id);
  });

  app.view(/^tierdesk_/, async ({ ack, body, view }) => {
    const formId = formOfCallbackId(view.callback_id) ?? '';
    const form = slack.desk.form(formId);
    if (!form) {
      slack.log.warn('slack form submission not known', { callback: view.callback_id });
      return ack();
    }
    const values = readModal(form, view.state.values);
    const errors = slack.desk.checkForm(formId, values);
    if (errors) return ack({ response_action: 'errors', errors: { ...errors } });
    await ack();
    await slack.work.queue(
      'form',
      async () => {
        const installation = view.app_installed_team_id ?? body.team?.id ?? body.user.team_id;
        const home = { team: body.user.team_id ?? body.team?.id, enterprise: body.enterprise?.id, installation };
        const teamId = installation ?? 'unknown';
        // What a form opens is followed up in the person's direct conversation with the bot.
        const place = toPlace(teamId, body.user.id);
        const replies = await slack.desk.handle({
          kind: 'form',
          formId,
          values,
          from: toPerson(body.user.id, home, (await names.of(body.user.id)) ?? body.user.name),
          place,
          deliveryId: `view:${view.id}`,
        });
        await slack.reply(place, replies);
      },
      { urgent: true },
    );
  });
}
