package io.portevoix.templates.adapter.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.portevoix.templates.AutomationType;
import io.portevoix.templates.DescribeTemplate;
import io.portevoix.templates.TemplateCommands;
import io.portevoix.templates.TemplateDetails;
import java.util.Arrays;

/** A template's name, description, tags, automated-campaign binding and (at a headquarters) lock. */
final class DescribeTemplateDialog extends Dialog {

    DescribeTemplateDialog(TemplateCommands commands, TemplateDetails template, boolean headquarters, Runnable saved) {
        setHeaderTitle(getTranslation("templates.properties"));
        setWidth("560px");
        TextField name = new TextField(getTranslation("templates.name"));
        name.setValue(template.name());
        name.setMaxLength(200);
        name.setWidthFull();
        TextArea description = new TextArea(getTranslation("templates.description"));
        description.setValue(template.description());
        description.setWidthFull();
        TextField tags = new TextField(getTranslation("templates.tags"));
        tags.setValue(String.join(", ", template.tags()));
        tags.setHelperText(getTranslation("templates.tags.help"));
        tags.setWidthFull();
        Select<AutomationType> automation = new Select<>();
        automation.setLabel(getTranslation("templates.automation"));
        automation.setHelperText(getTranslation("templates.automation.help"));
        automation.setEmptySelectionAllowed(true);
        automation.setEmptySelectionCaption(getTranslation("templates.automation.none"));
        automation.setItems(AutomationType.values());
        automation.setItemLabelGenerator(a -> a == null ? getTranslation("templates.automation.none")
                : getTranslation("templates.automation." + a.name()));
        automation.setValue(template.automationType());
        automation.setWidthFull();
        Checkbox locked = new Checkbox(getTranslation("templates.lock"));
        locked.setValue(template.locked());
        locked.setHelperText(getTranslation("templates.lock.help"));
        locked.setVisible(headquarters && !template.fromNetwork());
        Div form = new Div(name, description, tags, automation, locked);
        form.addClassName("pv-dialog-form");
        add(form);
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                commands.describe(template.id(), new DescribeTemplate(name.getValue(), description.getValue(),
                        Arrays.stream(tags.getValue().split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList(),
                        automation.getValue(), locked.getValue()));
                saved.run();
                close();
            } catch (IllegalArgumentException invalid) {
                name.setInvalid(true);
                name.setErrorMessage(getTranslation("templates.name.invalid"));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
