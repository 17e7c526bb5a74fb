package io.portevoix.delivery.adapter.ui;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.portevoix.delivery.application.SmsSendingWindows;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;

/** Settings → SMS: one panel per SMS setting of the account (the options of its messages, the marketing sending window). */
@Route("settings/sms")
@PageTitle("Porte-Voix")
@Menu(order = 96, icon = "vaadin:mobile", title = "nav.settings.sms")
@RolesAllowed("SETTINGS_GUEST")
final class SmsSettingsView extends Main {

    SmsSettingsView(SmsSendingWindows windows, io.portevoix.delivery.SmsOptions options) {
        addClassName("pv-view");
        boolean editor = TenantContext.currentActorCan(Area.SETTINGS, AccessLevel.EDITOR);
        add(new SmsOptionsPanel(options, editor), new SmsWindowPanel(windows, editor));
    }
}
