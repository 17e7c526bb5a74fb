package io.portevoix.billing;

/** Why credits moved. */
public enum CreditEntryKind {
    GRANT, PURCHASE, RESERVATION, RELEASE, DEBIT, REFUND, ADJUSTMENT
}
