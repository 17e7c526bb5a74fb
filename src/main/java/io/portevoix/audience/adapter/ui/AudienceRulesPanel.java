package io.portevoix.audience.adapter.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import io.portevoix.audience.AudienceCommands;
import io.portevoix.audience.AudienceQueries;
import io.portevoix.audience.AudienceRules;

/** Settings → Contacts, who every audience reaches: associated members, and former clients by how long ago they left. */
final class AudienceRulesPanel extends Div {

    AudienceRulesPanel(AudienceQueries queries, AudienceCommands commands, boolean editor) {
        addClassName("pv-form-panel");
        AudienceRules rules = queries.rules();
        Checkbox associated = new Checkbox(getTranslation("audienceRules.associated"), rules.includeAssociatedMembers());
        associated.setId("rules-associated");
        Checkbox limit = new Checkbox(getTranslation("audienceRules.limit"), rules.formerClientsWithinMonths() != null);
        limit.setId("rules-limit");
        IntegerField months = new IntegerField(getTranslation("audienceRules.months"));
        months.setMin(1);
        months.setMax(120);
        months.setStepButtonsVisible(true);
        months.setValue(rules.formerClientsWithinMonths() == null ? 12 : rules.formerClientsWithinMonths());
        months.setEnabled(limit.getValue());
        months.setId("rules-months");
        limit.addValueChangeListener(e -> months.setEnabled(e.getValue()));
        Button save = new Button(getTranslation("action.save"), VaadinIcon.CHECK.create(), e -> {
            Integer value = limit.getValue() ? months.getValue() : null;
            if (limit.getValue() && (value == null || value < 1 || value > 120)) {
                months.setInvalid(true);
                months.setErrorMessage(getTranslation("audienceRules.months.invalid"));
                return;
            }
            commands.changeRules(new AudienceRules(associated.getValue(), value));
            Notification.show(getTranslation("audienceRules.saved"), 3000, Notification.Position.BOTTOM_END)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-audience-rules");
        save.setVisible(editor);
        associated.setReadOnly(!editor);
        limit.setReadOnly(!editor);
        months.setReadOnly(!editor);
        add(new H3(getTranslation("audienceRules.title")), new Paragraph(getTranslation("audienceRules.text")), associated,
                new Div(limit), months, new Div(save));
    }
}
