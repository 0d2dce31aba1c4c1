// A ticket's messages: leave one, list them (reference 5.10.3, 5.10.5; the details of 5.11.4 show them too).
import { bodyOf, queryInteger } from '../exchange.js';
import { ACKNOWLEDGED, type Handler, page } from '../handler.js';
import { isOpen } from '../lifecycle.js';
import { messageView } from '../views.js';
import { attachmentRefs, pathCase } from './cases.js';

interface CreateMessagesBody {
  message: { content: string; accessory_ids?: string[] };
}

/** 5.10.3: a customer message, with attachments uploaded beforehand, on a ticket still open. */
export const createMessages: Handler = (request, { store, fail }) => {
  const record = pathCase(request, store);
  if (!record) return fail('caseNotFound');
  if (!isOpen(record.status)) return fail('statusIllegal');
  const { message } = bodyOf<CreateMessagesBody>(request);
  const attachments = attachmentRefs(store, message.accessory_ids);
  if (!attachments) return fail('accessoryInvalid');
  store.addMessage(record, {
    message_id: store.newMessageId(),
    type: 0,
    content: message.content,
    create_time: store.timestamp(),
    is_first_message: 0,
    accessory_list: attachments,
  });
  return ACKNOWLEDGED;
};

/** 5.10.5: one page of the ticket's messages, oldest first, and how many there are. */
export const listMessages: Handler = (request, { store, fail }) => {
  const record = pathCase(request, store);
  if (!record) return fail('caseNotFound');
  const offset = queryInteger(request, 'offset', 0);
  const limit = queryInteger(request, 'limit', 10);
  return { json: { count: record.message_list.length, message_list: page(record.message_list, offset, limit).map(messageView) } };
};
