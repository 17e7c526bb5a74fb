package io.portevoix.audience.adapter.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.portevoix.audience.AttributeSettings;
import io.portevoix.audience.AudienceCommands;
import io.portevoix.audience.AudienceQueries;
import io.portevoix.audience.ContactCommands;
import io.portevoix.audience.ContactQueries;
import io.portevoix.audience.UniquenessKey;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;

/** Settings → Contacts: the field that identifies a member (e-mail, mobile or external reference) and the custom fields. */
@Route("settings/contacts")
@PageTitle("Porte-Voix")
@Menu(order = 94, icon = "vaadin:key-o", title = "nav.settings.contacts")
@RolesAllowed("SETTINGS_GUEST")
final class ContactSettingsView extends Main {

    ContactSettingsView(ContactQueries queries, ContactCommands commands, AttributeSettings attributes,
            AudienceQueries audiences, AudienceCommands audienceCommands) {
        addClassName("pv-view");
        Select<UniquenessKey> key = new Select<>();
        key.setLabel(getTranslation("contactSettings.key"));
        key.setItems(UniquenessKey.values());
        key.setItemLabelGenerator(k -> getTranslation("contactSettings.key." + k.name()));
        key.setValue(queries.uniquenessKey());
        key.setId("uniqueness-key");
        key.setWidth("360px");
        boolean editor = TenantContext.currentActorCan(Area.SETTINGS, AccessLevel.EDITOR);
        key.setReadOnly(!editor);
        Button save = new Button(getTranslation("action.save"), VaadinIcon.CHECK.create(), e -> {
            commands.changeUniquenessKey(key.getValue());
            Notification.show(getTranslation("contactSettings.saved"), 3000, Notification.Position.BOTTOM_END)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(editor);
        save.setId("save-uniqueness-key");
        Div panel = new Div(new Paragraph(getTranslation("contactSettings.text")), key, new Div(save));
        panel.addClassName("pv-form-panel");
        add(panel, new AudienceRulesPanel(audiences, audienceCommands, editor), new AttributeDefinitionsPanel(attributes, editor));
    }
}
