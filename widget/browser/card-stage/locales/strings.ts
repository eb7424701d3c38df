/** Every word the card shows, in one language. `more` holds `{n}`, the count. A unit test checks every locale has every key. */
export interface CardStrings {
  incident: string;
  maintenance: string;
  /**
   * The statuses the card can show (an unresolved incident, a maintenance under way); one Atlassian adds later
   * is shown as summary.json spells it ("New status").
   */
  statuses: {
    investigating: string;
    identified: string;
    monitoring: string;
    in_progress: string;
    verifying: string;
  };
  more: string;
  readMore: string;
  dismiss: string;
}
