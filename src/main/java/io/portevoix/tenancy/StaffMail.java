package io.portevoix.tenancy;

/** What mail a user of an account may ask to receive; nobody gets any unless they asked. */
public enum StaffMail {
    /** A campaign waits for approval (sent to those who approve its channel). */
    APPROVAL_REQUESTS,
    /** A send run has ended, with its figures (sent to those who can see the campaigns of its channel). */
    SEND_REPORTS
}
