package io.portevoix.audience;

/** Where a background export is. */
public enum ExportStatus {
    QUEUED, RUNNING, DONE, FAILED
}
