// Every stateful operation and its handler. Operations not listed here answer the spec's examples.
import type { Handler } from '../handler.js';
import { deleteAccessories, downloadAccessories, downloadImages, uploadAccessory, uploadJsonAccessories } from './accessories.js';
import { updateCases } from './case-actions.js';
import { createCases, createScores, listCaseCounts, listCases, showCaseDetail, showCaseStatus, updateCaseContactInfo } from './cases.js';
import { createCaseLabels, createLabels, deleteCaseLabels, deleteLabels, listCaseLabels, listLabels, updateLabels } from './labels.js';
import { createMessages, listMessages } from './messages.js';

/** The handlers by operationId. */
export const HANDLERS: Readonly<Record<string, Handler>> = {
  createCases,
  listCases,
  showCaseDetail,
  showCaseStatus,
  listCaseCounts,
  updateCases,
  updateCaseContactInfo,
  createScores,
  createMessages,
  listMessages,
  createLabels,
  listLabels,
  updateLabels,
  deleteLabels,
  listCaseLabels,
  createCaseLabels,
  deleteCaseLabels,
  uploadAccessory,
  uploadJsonAccessories,
  downloadAccessories,
  downloadImages,
  deleteAccessories,
};
