package io.portevoix.templates;

/** Active templates are offered to campaigns; archived ones are kept but hidden from pickers. */
public enum TemplateStatus {
    ACTIVE, ARCHIVED
}
