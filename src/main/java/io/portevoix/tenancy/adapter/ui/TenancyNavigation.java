package io.portevoix.tenancy.adapter.ui;

import com.vaadin.flow.component.UI;

/** Where other modules' screens link to tenancy's. */
public final class TenancyNavigation {

    private TenancyNavigation() {
    }

    public static void toHome() {
        UI.getCurrent().navigate(HomeView.class);
    }

    public static void toAccountSettings() {
        UI.getCurrent().navigate(AccountSettingsView.class);
    }
}
