package io.portevoix.campaigns;

/** A send run: sending, suspended with the campaign, or done (every message sent, failed or unknown). */
public enum RunStatus {
    SENDING, SUSPENDED, DONE
}
