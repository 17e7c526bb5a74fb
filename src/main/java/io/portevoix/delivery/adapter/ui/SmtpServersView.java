package io.portevoix.delivery.adapter.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.portevoix.delivery.SaveSmtpServer;
import io.portevoix.delivery.SmtpSecurity;
import io.portevoix.delivery.SmtpServer;
import io.portevoix.delivery.SmtpServers;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.shell.RowMenu;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Platform administration: the SMTP servers e-mail leaves through, their weights and rate limits.
 * Without any, the built-in server ({@code PORTEVOIX_SMTP_*} or the demo sandbox) is used.
 */
@Route("admin/smtp-servers")
@PageTitle("Porte-Voix")
@Menu(order = 104, icon = "vaadin:server", title = "nav.admin.smtpServers")
@RolesAllowed("PLATFORM_ADMIN")
final class SmtpServersView extends Main {

    private final SmtpServers servers;
    private final Grid<SmtpServer> grid = new Grid<>();

    SmtpServersView(SmtpServers servers) {
        this.servers = servers;
        addClassName("pv-view");
        Button add = new Button(getTranslation("smtpServers.add"), VaadinIcon.PLUS.create(), e -> openForm(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("add-smtp-server");
        HorizontalLayout toolbar = new HorizontalLayout(add);
        toolbar.addClassName("pv-toolbar");
        toolbar.setWidthFull();
        toolbar.setJustifyContentMode(com.vaadin.flow.component.orderedlayout.FlexComponent.JustifyContentMode.END);

        grid.addColumn(SmtpServer::name).setHeader(getTranslation("smtpServers.name")).setSortable(true).setFlexGrow(2);
        grid.addColumn(s -> s.host() + ":" + s.port()).setHeader(getTranslation("smtpServers.host")).setFlexGrow(2);
        grid.addColumn(s -> getTranslation("smtpServers.security." + s.security().name()))
                .setHeader(getTranslation("smtpServers.security")).setAutoWidth(true);
        grid.addColumn(s -> s.user().isEmpty() ? "—" : s.user()).setHeader(getTranslation("smtpServers.user")).setFlexGrow(1);
        grid.addColumn(SmtpServer::weight).setHeader(getTranslation("smtpServers.weight")).setAutoWidth(true);
        grid.addColumn(s -> s.maxPerSecond() == null ? getTranslation("smtpServers.noLimit") : s.maxPerSecond() + "/s")
                .setHeader(getTranslation("smtpServers.maxPerSecond")).setAutoWidth(true);
        grid.addComponentColumn(s -> {
            Span badge = new Span(getTranslation(s.enabled() ? "smtpServers.enabled" : "smtpServers.disabled"));
            badge.getElement().getThemeList().add(s.enabled() ? "badge success" : "badge contrast");
            return badge;
        }).setHeader(getTranslation("smtpServers.state")).setAutoWidth(true);
        grid.addComponentColumn(s -> {
            var menu = RowMenu.create();
            menu.getElement().setAttribute("data-server", s.name());
            menu.addItem(getTranslation("action.edit"), e -> openForm(s));
            menu.addItem(getTranslation("smtpServers.test"), e -> test(s));
            menu.addItem(getTranslation(s.enabled() ? "smtpServers.disable" : "smtpServers.enable"), e -> {
                servers.enable(s.id(), !s.enabled());
                refresh();
            });
            menu.addItem(getTranslation("action.delete"), e -> confirmDelete(s));
            return menu;
        }).setWidth("70px").setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.setId("smtp-servers");
        Div content = new Div(new Paragraph(getTranslation("smtpServers.text")), toolbar, grid);
        content.addClassName("pv-list");
        add(content);
        refresh();
    }

    private void refresh() {
        grid.setItems(servers.all());
    }

    private void test(SmtpServer server) {
        Optional<String> failure = servers.test(server.id());
        if (failure.isEmpty()) {
            Notification.show(getTranslation("smtpServers.test.ok", server.name()), 4000, Notification.Position.BOTTOM_END)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } else {
            Notification.show(getTranslation("smtpServers.test.failed", server.name(), failure.get()), 8000,
                    Notification.Position.BOTTOM_END).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void openForm(@Nullable SmtpServer existing) {
        Dialog dialog = new Dialog(existing == null ? getTranslation("smtpServers.add")
                : getTranslation("smtpServers.edit", existing.name()));
        TextField name = new TextField(getTranslation("smtpServers.name"));
        name.setRequired(true);
        name.setId("smtp-name");
        TextField host = new TextField(getTranslation("smtpServers.host"));
        host.setRequired(true);
        host.setId("smtp-host");
        IntegerField port = new IntegerField(getTranslation("smtpServers.port"));
        port.setMin(1);
        port.setMax(65535);
        port.setId("smtp-port");
        Select<SmtpSecurity> security = new Select<>();
        security.setLabel(getTranslation("smtpServers.security"));
        security.setItems(SmtpSecurity.values());
        security.setItemLabelGenerator(s -> getTranslation("smtpServers.security." + s.name()));
        security.setId("smtp-security");
        security.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null && (port.isEmpty() || Map.of(25, 1, 587, 1, 465, 1)
                    .containsKey(port.getValue()))) {
                port.setValue(e.getValue() == SmtpSecurity.TLS ? 465 : e.getValue() == SmtpSecurity.STARTTLS ? 587 : 25);
            }
        });
        TextField user = new TextField(getTranslation("smtpServers.user"));
        user.setId("smtp-user");
        PasswordField password = new PasswordField(getTranslation("smtpServers.password"));
        password.setId("smtp-password");
        Checkbox removePassword = new Checkbox(getTranslation("smtpServers.password.remove"));
        removePassword.setVisible(existing != null && existing.hasPassword());
        removePassword.addValueChangeListener(e -> password.setEnabled(!e.getValue()));
        if (existing != null && existing.hasPassword()) {
            password.setHelperText(getTranslation("smtpServers.password.kept"));
        }
        IntegerField weight = new IntegerField(getTranslation("smtpServers.weight"));
        weight.setMin(SmtpServers.MIN_WEIGHT);
        weight.setMax(SmtpServers.MAX_WEIGHT);
        weight.setStepButtonsVisible(true);
        weight.setHelperText(getTranslation("smtpServers.weight.help"));
        weight.setId("smtp-weight");
        IntegerField maxPerSecond = new IntegerField(getTranslation("smtpServers.maxPerSecond"));
        maxPerSecond.setMin(1);
        maxPerSecond.setHelperText(getTranslation("smtpServers.maxPerSecond.help"));
        maxPerSecond.setId("smtp-max-per-second");
        Checkbox enabled = new Checkbox(getTranslation("smtpServers.enabled"));
        enabled.setId("smtp-enabled");
        if (existing == null) {
            security.setValue(SmtpSecurity.STARTTLS);
            port.setValue(587);
            weight.setValue(1);
            enabled.setValue(true);
        } else {
            name.setValue(existing.name());
            host.setValue(existing.host());
            port.setValue(existing.port());
            security.setValue(existing.security());
            user.setValue(existing.user());
            weight.setValue(existing.weight());
            maxPerSecond.setValue(existing.maxPerSecond());
            enabled.setValue(existing.enabled());
        }
        FormLayout form = new FormLayout(name, host, security, port, user, password, removePassword, weight, maxPerSecond,
                enabled);
        form.setColspan(name, 2);
        dialog.add(form);
        Map<String, HasValidation> fields = Map.of("name", name, "host", host, "port", port, "weight", weight,
                "maxPerSecond", maxPerSecond, "password", password);
        Button save = new Button(getTranslation("action.save"), e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            String secret = removePassword.getValue() ? "" : password.getValue().isEmpty()
                    ? (existing == null ? "" : null) : password.getValue();
            SaveSmtpServer command = new SaveSmtpServer(name.getValue(), host.getValue(),
                    port.getValue() == null ? 0 : port.getValue(), security.getValue(), user.getValue(), secret,
                    weight.getValue() == null ? 0 : weight.getValue(), maxPerSecond.getValue(), enabled.getValue());
            try {
                SmtpServer saved = existing == null ? servers.create(command) : servers.update(existing.id(), command);
                dialog.close();
                Notification.show(getTranslation("smtpServers.saved", saved.name()), 4000, Notification.Position.BOTTOM_END)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (InvalidInputException invalid) {
                invalid.errors().forEach(error -> {
                    HasValidation field = fields.get(error.field());
                    if (field != null) {
                        field.setErrorMessage(getTranslation("smtpServers.invalid." + error.field()));
                        field.setInvalid(true);
                    }
                });
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("confirm-smtp-server");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.setWidth("640px");
        dialog.open();
    }

    private void confirmDelete(SmtpServer server) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("smtpServers.delete"),
                getTranslation("smtpServers.delete.text", server.name()), getTranslation("action.delete"), e -> {
                    servers.delete(server.id());
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }
}
