package io.portevoix.audience.adapter.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.portevoix.audience.ContactCommands;
import io.portevoix.audience.ContactId;
import io.portevoix.audience.ContactQueries;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The GDPR actions of a contact, shared by the list's row menu and the contact's page. */
final class ContactExports {

    private ContactExports() {
    }

    static void openExport(ContactQueries queries, ContactId id) {
        UI ui = UI.getCurrent();
        String json = queries.export(id);
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Dialog dialog = new Dialog(ui.getTranslation("contacts.export.title"));
        Pre content = new Pre(json);
        content.addClassName("pv-json");
        DownloadHandler download = event -> {
            event.setFileName("contact-" + id + ".json");
            event.setContentType("application/json");
            try (OutputStream out = event.getOutputStream()) {
                out.write(bytes);
            }
        };
        Anchor link = new Anchor(download, ui.getTranslation("contacts.export.download"));
        link.getElement().setAttribute("download", true);
        link.addComponentAsFirst(VaadinIcon.DOWNLOAD.create());
        dialog.add(content);
        dialog.getFooter().add(link, new Button(ui.getTranslation("action.close"), e -> dialog.close()));
        dialog.setWidth("720px");
        dialog.open();
    }

    static void confirmErase(ContactCommands commands, ContactId id, String name, Runnable afterwards) {
        UI ui = UI.getCurrent();
        ConfirmDialog confirm = new ConfirmDialog(ui.getTranslation("contacts.erase.title"),
                ui.getTranslation("contacts.erase.text", name), ui.getTranslation("contacts.erase"), e -> {
                    commands.erase(id);
                    afterwards.run();
                });
        confirm.setCancelable(true);
        confirm.setCancelText(ui.getTranslation("action.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    static Button primary(Button button) {
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return button;
    }
}
