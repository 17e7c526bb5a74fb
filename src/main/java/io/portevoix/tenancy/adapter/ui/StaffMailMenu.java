package io.portevoix.tenancy.adapter.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.portevoix.shell.UserMenuContribution;
import io.portevoix.tenancy.StaffMail;
import io.portevoix.tenancy.TenantContext;
import io.portevoix.tenancy.UserCommands;
import io.portevoix.tenancy.UserQueries;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/** "Mail I receive" in the user menu: approval requests and send reports, per account, off until asked for. */
@Component
class StaffMailMenu implements UserMenuContribution {

    private final UserQueries queries;
    private final UserCommands commands;

    StaffMailMenu(UserQueries queries, UserCommands commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @Override
    public void addItems(SubMenu menu) {
        if (TenantContext.currentAccount().isEmpty()) {
            return;
        }
        UI ui = UI.getCurrent();
        menu.addItem(ui.getTranslation("menu.staffMail"), e -> open(ui)).setId("menu-staff-mail");
    }

    private void open(UI ui) {
        Set<StaffMail> current = queries.myStaffMail();
        Dialog dialog = new Dialog(ui.getTranslation("staffMail.title"));
        Checkbox approvals = new Checkbox(ui.getTranslation("staffMail.approvals"), current.contains(StaffMail.APPROVAL_REQUESTS));
        approvals.setId("staff-mail-approvals");
        Checkbox reports = new Checkbox(ui.getTranslation("staffMail.reports"), current.contains(StaffMail.SEND_REPORTS));
        reports.setId("staff-mail-reports");
        dialog.add(new Paragraph(ui.getTranslation("staffMail.help")), approvals, reports);
        Button save = new Button(ui.getTranslation("action.save"), e -> {
            EnumSet<StaffMail> wanted = EnumSet.noneOf(StaffMail.class);
            if (approvals.getValue()) {
                wanted.add(StaffMail.APPROVAL_REQUESTS);
            }
            if (reports.getValue()) {
                wanted.add(StaffMail.SEND_REPORTS);
            }
            commands.changeMyStaffMail(wanted);
            dialog.close();
            Notification.show(ui.getTranslation("staffMail.saved"), 3000, Notification.Position.BOTTOM_END)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        save.setId("staff-mail-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(ui.getTranslation("action.cancel"), x -> dialog.close()), save);
        dialog.setWidth("460px");
        dialog.open();
    }
}
