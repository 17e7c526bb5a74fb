package io.portevoix.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;

/** A small dialog asking for one text value (a name, a label). */
public final class TextPrompt {

    private TextPrompt() {
    }

    public static void open(String title, String label, String initial, Consumer<String> onConfirm) {
        UI ui = UI.getCurrent();
        Dialog dialog = new Dialog(title);
        TextField field = new TextField(label);
        field.setValue(initial);
        field.setWidthFull();
        field.setRequired(true);
        field.setMaxLength(200);
        field.focus();
        Button ok = new Button(ui.getTranslation("action.save"), e -> {
            if (field.getValue().isBlank()) {
                field.setInvalid(true);
                field.setErrorMessage(ui.getTranslation("validation.required"));
                return;
            }
            onConfirm.accept(field.getValue().strip());
            dialog.close();
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        Button cancel = new Button(ui.getTranslation("action.cancel"), e -> dialog.close());
        dialog.add(field);
        dialog.getFooter().add(cancel, ok);
        dialog.setWidth("420px");
        dialog.open();
    }
}
