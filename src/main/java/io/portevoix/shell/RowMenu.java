package io.portevoix.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;

/** The 3-dot action menu of a grid row. */
public final class RowMenu {

    private RowMenu() {
    }

    /** A 3-dot button whose sub-menu receives the row's actions. */
    public static SubMenu create(MenuBar holder) {
        holder.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_ICON);
        holder.addClassName("pv-row-menu");
        var item = holder.addItem(VaadinIcon.ELLIPSIS_DOTS_V.create());
        item.getElement().setAttribute("aria-label", UI.getCurrent().getTranslation("action.more"));
        return item.getSubMenu();
    }

    /** A detached 3-dot menu: add items to the returned menu bar's sub-menu with {@link Menu#addItem}. */
    public static Menu create() {
        return new Menu();
    }

    /** A 3-dot menu bar with a sub-menu to fill. */
    public static final class Menu extends MenuBar {

        private final SubMenu items;

        Menu() {
            items = create(this);
        }

        public com.vaadin.flow.component.contextmenu.MenuItem addItem(String text,
                com.vaadin.flow.component.ComponentEventListener<com.vaadin.flow.component.ClickEvent<com.vaadin.flow.component.contextmenu.MenuItem>> listener) {
            return items.addItem(text, listener);
        }
    }
}
