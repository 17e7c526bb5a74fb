package io.portevoix.shell;

import com.vaadin.flow.component.Component;

/**
 * A widget a module adds to the header of the main layout (e.g. the account switcher). Beans of
 * this type are asked for a fresh component each time a layout is built.
 */
public interface HeaderContribution {

    Component create();

    /** Lower comes first. */
    default int order() {
        return 0;
    }
}
