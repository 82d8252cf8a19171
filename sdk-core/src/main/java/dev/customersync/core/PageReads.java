package dev.customersync.core;

/**
 * Whether a bulk run may read a vendor's customers a page at a time and use those pages as the read
 * of its read-merge-write updates, instead of one read per customer. Only vendors whose list pages
 * carry the whole customer offer it (Billbee); for the others every setting means {@link #NEVER}.
 *
 * <p>A page read is a snapshot: a customer's entry is used at most once and only while it is
 * younger than the directory's snapshot age limit, after which the update reads the customer again.
 */
public enum PageReads {

  /**
   * Page reads when they cost fewer calls: when the run needs the vendor's index anyway (it finds
   * customers by e-mail or code there) or when the run's expected size is at least the account's
   * number of pages. The default.
   */
  AUTO,

  /** Always read pages before the first update, whatever the run's size. */
  ALWAYS,

  /** Never: every update reads its customer on its own. */
  NEVER
}
