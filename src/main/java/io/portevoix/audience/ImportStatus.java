package io.portevoix.audience;

/** Where an import stands. */
public enum ImportStatus {
    QUEUED, RUNNING, DONE, FAILED
}
