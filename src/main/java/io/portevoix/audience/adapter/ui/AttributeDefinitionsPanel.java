package io.portevoix.audience.adapter.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.portevoix.audience.AttributeDefinition;
import io.portevoix.audience.AttributeSettings;
import io.portevoix.audience.AttributeType;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.shell.RowMenu;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Settings → Contacts, custom fields: the account's typed attributes (text, number, date, yes/no,
 * choice list) that profiles, imports, segments and merge tags then use.
 */
final class AttributeDefinitionsPanel extends Div {

    private final AttributeSettings settings;
    private final boolean editor;
    private final Grid<AttributeDefinition> grid = new Grid<>();

    AttributeDefinitionsPanel(AttributeSettings settings, boolean editor) {
        this.settings = settings;
        this.editor = editor;
        addClassName("pv-form-panel");
        grid.setId("attribute-definitions");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(AttributeDefinition::label).setHeader(getTranslation("attributes.label")).setFlexGrow(2);
        grid.addColumn(d -> "{{ contact.attributes." + d.key() + " }}").setHeader(getTranslation("attributes.tag"))
                .setFlexGrow(2);
        grid.addColumn(d -> getTranslation("attributes.type." + d.type().name())).setHeader(getTranslation("attributes.type"));
        grid.addColumn(d -> String.join(", ", d.choices())).setHeader(getTranslation("attributes.choices")).setFlexGrow(2);
        grid.addComponentColumn(d -> {
            var menu = RowMenu.create();
            menu.addItem(getTranslation("action.edit"), e -> open(d)).setEnabled(editor);
            menu.addItem(getTranslation("action.delete"), e -> confirmDelete(d)).setEnabled(editor);
            return menu;
        }).setWidth("70px").setFlexGrow(0);
        Button add = new Button(getTranslation("attributes.add"), VaadinIcon.PLUS.create(), e -> open(null));
        add.setId("add-attribute");
        add.setVisible(editor);
        add(new H3(getTranslation("attributes.title")), new Paragraph(getTranslation("attributes.text")), grid, add);
        refresh();
    }

    private void refresh() {
        grid.setItems(settings.definitions());
    }

    private void confirmDelete(AttributeDefinition definition) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("attributes.delete.title", definition.label()),
                getTranslation("attributes.delete.text"), getTranslation("action.delete"), e -> {
                    settings.delete(definition.key());
                    refresh();
                });
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.open();
    }

    private void open(@Nullable AttributeDefinition current) {
        Dialog dialog = new Dialog(getTranslation(current == null ? "attributes.add" : "attributes.edit"));
        TextField label = new TextField(getTranslation("attributes.label"));
        label.setId("attribute-label");
        TextField key = new TextField(getTranslation("attributes.key"));
        key.setId("attribute-key");
        key.setHelperText(getTranslation("attributes.key.help"));
        Select<AttributeType> type = new Select<>();
        type.setId("attribute-type");
        type.setLabel(getTranslation("attributes.type"));
        type.setItems(AttributeType.values());
        type.setItemLabelGenerator(t -> getTranslation("attributes.type." + t.name()));
        TextArea choices = new TextArea(getTranslation("attributes.choices"));
        choices.setId("attribute-choices");
        choices.setHelperText(getTranslation("attributes.choices.help"));
        if (current != null) {
            label.setValue(current.label());
            key.setValue(current.key());
            key.setReadOnly(true);
            type.setValue(current.type());
            choices.setValue(String.join("\n", current.choices()));
        } else {
            type.setValue(AttributeType.TEXT);
            label.setValueChangeMode(ValueChangeMode.EAGER);
            label.addValueChangeListener(e -> key.setValue(keyOf(e.getValue())));
        }
        choices.setVisible(type.getValue() == AttributeType.CHOICE);
        type.addValueChangeListener(e -> choices.setVisible(e.getValue() == AttributeType.CHOICE));
        FormLayout form = new FormLayout(label, key, type, choices);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setWidth("420px");
        Button save = new Button(getTranslation("action.save"), VaadinIcon.CHECK.create(), e -> {
            List<String> values = Arrays.stream(choices.getValue().split("\\R")).map(String::strip)
                    .filter(v -> !v.isEmpty()).toList();
            label.setInvalid(false);
            key.setInvalid(false);
            choices.setInvalid(false);
            try {
                settings.save(new AttributeDefinition(key.getValue(), label.getValue(), type.getValue(), values));
                Notification.show(getTranslation("attributes.saved"), 3000, Notification.Position.BOTTOM_END)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                dialog.close();
                refresh();
            } catch (InvalidInputException invalid) {
                for (InvalidInputException.FieldError error : invalid.errors()) {
                    var field = switch (error.field()) {
                        case "key" -> key;
                        case "choices" -> choices;
                        default -> label;
                    };
                    field.setErrorMessage(getTranslation("attributes.invalid." + error.field()));
                    field.setInvalid(true);
                }
            }
        });
        save.setId("save-attribute");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(form);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    /** A key derived from a label: "Niveau de natation" → niveauDeNatation. */
    static String keyOf(String label) {
        String plain = Normalizer.normalize(label, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String[] words = plain.replaceAll("[^A-Za-z0-9]+", " ").strip().split(" ");
        StringBuilder key = new StringBuilder();
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            String lower = word.toLowerCase(Locale.ROOT);
            key.append(key.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
        }
        String result = key.toString().replaceAll("^[0-9]+", "");
        return result.length() > 64 ? result.substring(0, 64) : result;
    }
}
