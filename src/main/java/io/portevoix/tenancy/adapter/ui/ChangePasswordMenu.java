package io.portevoix.tenancy.adapter.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.PasswordField;
import io.portevoix.shell.UserMenuContribution;
import io.portevoix.tenancy.UserCommands;
import io.portevoix.tenancy.domain.Passwords;
import org.springframework.stereotype.Component;

/** "Change my password" in the user menu. */
@Component
class ChangePasswordMenu implements UserMenuContribution {

    private final UserCommands commands;

    ChangePasswordMenu(UserCommands commands) {
        this.commands = commands;
    }

    @Override
    public void addItems(SubMenu menu) {
        UI ui = UI.getCurrent();
        menu.addItem(ui.getTranslation("menu.password"), e -> open(ui));
    }

    private void open(UI ui) {
        Dialog dialog = new Dialog(ui.getTranslation("password.title"));
        PasswordField current = new PasswordField(ui.getTranslation("password.current"));
        PasswordField fresh = new PasswordField(ui.getTranslation("password.new"));
        fresh.setHelperText(ui.getTranslation("users.initialPassword.help", Passwords.MIN_LENGTH));
        PasswordField repeat = new PasswordField(ui.getTranslation("password.repeat"));
        for (PasswordField field : new PasswordField[] {current, fresh, repeat}) {
            field.setWidthFull();
        }
        dialog.add(current, fresh, repeat);
        Button save = new Button(ui.getTranslation("action.save"), e -> {
            if (fresh.getValue().length() < Passwords.MIN_LENGTH) {
                fresh.setInvalid(true);
                fresh.setErrorMessage(ui.getTranslation("users.initialPassword.help", Passwords.MIN_LENGTH));
                return;
            }
            if (!fresh.getValue().equals(repeat.getValue())) {
                repeat.setInvalid(true);
                repeat.setErrorMessage(ui.getTranslation("password.mismatch"));
                return;
            }
            commands.changeOwnPassword(current.getValue(), fresh.getValue());
            dialog.close();
            Notification.show(ui.getTranslation("password.changed"), 3000, Notification.Position.BOTTOM_END)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(ui.getTranslation("action.cancel"), x -> dialog.close()), save);
        dialog.setWidth("420px");
        dialog.open();
    }
}
