package io.portevoix.templates;

/** A change to a template its account may only use (locked by the headquarters). */
public final class TemplateLockedException extends IllegalStateException {

    public TemplateLockedException(String message) {
        super(message);
    }
}
