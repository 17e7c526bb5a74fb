package io.portevoix.templates.adapter.ui;

import io.portevoix.templates.adapter.ui.composer.TemplateMessages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.templates.TemplateCommands;
import io.portevoix.templates.TemplateQueries;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;

/** Settings → Messages: the opt-out mention that ends every marketing SMS. */
@Route("settings/messages")
@PageTitle("Porte-Voix")
@Menu(order = 95, icon = "vaadin:comment-ellipsis-o", title = "nav.settings.messages")
@RolesAllowed("TEMPLATES_GUEST")
final class TemplateSettingsView extends Main {

    TemplateSettingsView(TemplateQueries queries, TemplateCommands commands) {
        addClassName("pv-view");
        TextField mention = new TextField(getTranslation("settings.messages.stop"));
        mention.setValue(queries.stopMention());
        mention.setMaxLength(40);
        mention.setWidth("320px");
        mention.setHelperText(getTranslation("settings.messages.stop.help"));
        mention.setId("stop-mention");
        boolean approver = TenantContext.currentActorCan(Area.TEMPLATES, AccessLevel.APPROVER);
        mention.setReadOnly(!approver);
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                commands.changeStopMention(mention.getValue());
                mention.setInvalid(false);
                TemplateMessages.success(getTranslation("settings.messages.saved"));
            } catch (InvalidInputException invalid) {
                mention.setInvalid(true);
                mention.setErrorMessage(getTranslation("settings.messages.stop.invalid"));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(approver);
        HorizontalLayout line = new HorizontalLayout(mention, save);
        line.setAlignItems(FlexComponent.Alignment.BASELINE);
        Div panel = new Div(new H3(getTranslation("settings.messages.sms")), new Paragraph(getTranslation("settings.messages.text")),
                line);
        panel.addClassName("pv-form-panel");
        add(panel);
    }
}
