package io.portevoix.shell;

import com.vaadin.flow.component.contextmenu.SubMenu;

/** Items a module adds to the user menu (e.g. "change my password"). */
public interface UserMenuContribution {

    void addItems(SubMenu menu);
}
