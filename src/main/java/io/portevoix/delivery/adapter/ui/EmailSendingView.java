package io.portevoix.delivery.adapter.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.portevoix.delivery.EmailOptions;
import io.portevoix.delivery.EmailOptionsDetails;
import io.portevoix.delivery.EmailOptionsDetails.ServerChoice;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.Actor;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * Settings → E-mail sending: the SMTP servers the account's e-mail leaves through (none chosen:
 * every enabled one) and its sending limits (a platform administrator or a SETTINGS approver sets them).
 */
@Route("settings/email-sending")
@PageTitle("Porte-Voix")
@Menu(order = 97, icon = "vaadin:envelopes-o", title = "nav.settings.emailSending")
@RolesAllowed("SETTINGS_GUEST")
final class EmailSendingView extends Main {

    private final EmailOptions options;
    private final MultiSelectComboBox<ServerChoice> servers = new MultiSelectComboBox<>();
    private final IntegerField perSecond = limit("email-per-second", "emailSending.perSecond");
    private final IntegerField perMinute = limit("email-per-minute", "emailSending.perMinute");
    private final IntegerField perHour = limit("email-per-hour", "emailSending.perHour");

    EmailSendingView(EmailOptions options) {
        this.options = options;
        addClassName("pv-view");
        boolean editor = TenantContext.currentActorCan(Area.SETTINGS, AccessLevel.EDITOR);
        boolean limiter = TenantContext.currentActor().map(Actor::platformAdministrator).orElse(false)
                || TenantContext.currentActorCan(Area.SETTINGS, AccessLevel.APPROVER);
        EmailOptionsDetails current = options.current();

        servers.setLabel(getTranslation("emailSending.servers"));
        servers.setItems(current.choices());
        servers.setItemLabelGenerator(ServerChoice::name);
        servers.setPlaceholder(getTranslation("emailSending.servers.all"));
        servers.setHelperText(getTranslation("emailSending.servers.help"));
        servers.setWidth("480px");
        servers.setId("email-servers");
        servers.setReadOnly(!editor);
        Button saveServers = new Button(getTranslation("action.save"), VaadinIcon.CHECK.create(), e -> {
            show(options.chooseServers(servers.getValue().stream().map(ServerChoice::id).toList()));
            saved();
        });
        saveServers.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveServers.setId("save-email-servers");
        saveServers.setVisible(editor);
        Div serverPanel = new Div(new H3(getTranslation("emailSending.servers.title")),
                new Paragraph(getTranslation(current.choices().isEmpty() ? "emailSending.servers.none"
                        : "emailSending.servers.text")), servers, new Div(saveServers));
        serverPanel.addClassName("pv-form-panel");

        List.of(perSecond, perMinute, perHour).forEach(f -> f.setReadOnly(!limiter));
        Button saveLimits = new Button(getTranslation("action.save"), VaadinIcon.CHECK.create(), e -> {
            List.of(perSecond, perMinute, perHour).forEach(f -> f.setInvalid(false));
            try {
                show(options.limit(perSecond.getValue(), perMinute.getValue(), perHour.getValue()));
                saved();
            } catch (InvalidInputException invalid) {
                invalid.errors().forEach(error -> {
                    IntegerField field = switch (error.field()) {
                        case "perSecond" -> perSecond;
                        case "perMinute" -> perMinute;
                        default -> perHour;
                    };
                    field.setErrorMessage(getTranslation("emailSending.limit.invalid"));
                    field.setInvalid(true);
                });
            }
        });
        saveLimits.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveLimits.setId("save-email-limits");
        saveLimits.setVisible(limiter);
        HorizontalLayout limits = new HorizontalLayout(perSecond, perMinute, perHour);
        limits.setAlignItems(FlexComponent.Alignment.BASELINE);
        Div limitPanel = new Div(new H3(getTranslation("emailSending.limits.title")),
                new Paragraph(getTranslation("emailSending.limits.text")), limits, new Div(saveLimits));
        limitPanel.addClassName("pv-form-panel");
        add(serverPanel, limitPanel);
        show(current);
    }

    private IntegerField limit(String id, String key) {
        IntegerField field = new IntegerField(getTranslation(key));
        field.setMin(1);
        field.setPlaceholder(getTranslation("emailSending.noLimit"));
        field.setClearButtonVisible(true);
        field.setId(id);
        return field;
    }

    private void show(EmailOptionsDetails current) {
        servers.setValue(current.choices().stream().filter(c -> current.servers().contains(c.id())).toList());
        perSecond.setValue(current.perSecond());
        perMinute.setValue(current.perMinute());
        perHour.setValue(current.perHour());
    }

    private static void saved() {
        Notification.show(com.vaadin.flow.component.UI.getCurrent().getTranslation("emailSending.saved"), 3000,
                Notification.Position.BOTTOM_END).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
