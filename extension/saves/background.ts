import { defineBackgroundPart } from '../jobs/background-part';
import { savesMessages } from './messages';
import { cancelSave, dismissSave } from './saves';

export const background = defineBackgroundPart({
  messages: savesMessages,
  handlers: {
    cancelSave: async (id) => {
      await cancelSave(id);
      return null;
    },
    dismissSave: async (id) => {
      await dismissSave(id);
      return null;
    },
  },
});
