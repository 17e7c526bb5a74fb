package io.portevoix.tenancy.adapter.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.shell.RowMenu;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.SenderIdCommands;
import io.portevoix.tenancy.SenderIdDetails;
import io.portevoix.tenancy.SenderIdQueries;
import io.portevoix.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.jspecify.annotations.Nullable;

/**
 * Settings → SMS sender names: the account's alphanumeric sender IDs with their status, a request
 * (its one-off fee shown before it is confirmed) and withdrawal. Without an approved one, SMS go
 * out from the account's shared sending number.
 */
@Route("settings/sender-ids")
@PageTitle("Porte-Voix")
@Menu(order = 96, icon = "vaadin:mobile", title = "nav.settings.senderIds")
@RolesAllowed("SETTINGS_GUEST")
final class SenderIdsView extends Main {

    private final SenderIdQueries queries;
    private final SenderIdCommands commands;
    private final Grid<SenderIdDetails> grid = new Grid<>();
    private final DateTimeFormatter format;
    private final ZoneId zone;
    private final boolean canEdit = TenantContext.currentActorCan(Area.SETTINGS, AccessLevel.EDITOR);

    SenderIdsView(SenderIdQueries queries, SenderIdCommands commands, AccountQueries accounts) {
        this.queries = queries;
        this.commands = commands;
        this.zone = accounts.current().timeZone();
        this.format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale());
        addClassName("pv-view");
        Button request = new Button(getTranslation("senderIds.request"), VaadinIcon.PLUS.create(), e -> openRequest());
        request.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        request.setId("request-sender-id");
        request.setEnabled(canEdit);
        HorizontalLayout toolbar = new HorizontalLayout(new Paragraph(getTranslation("senderIds.text")), request);
        toolbar.addClassName("pv-toolbar");
        toolbar.setWidthFull();
        toolbar.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);

        grid.addColumn(SenderIdDetails::value).setHeader(getTranslation("senderIds.value")).setFlexGrow(1);
        grid.addComponentColumn(s -> SenderIdBadges.status(this, s.status())).setHeader(getTranslation("senderIds.status"))
                .setAutoWidth(true);
        grid.addColumn(s -> SenderIdBadges.euros(getLocale(), s.fee())).setHeader(getTranslation("senderIds.fee"))
                .setAutoWidth(true);
        grid.addColumn(SenderIdDetails::requestedBy).setHeader(getTranslation("senderIds.requestedBy")).setFlexGrow(1);
        grid.addColumn(s -> when(s.requestedAt())).setHeader(getTranslation("senderIds.requestedAt")).setAutoWidth(true);
        grid.addColumn(s -> when(s.decidedAt())).setHeader(getTranslation("senderIds.decidedAt")).setAutoWidth(true);
        grid.addColumn(SenderIdDetails::decisionComment).setHeader(getTranslation("senderIds.comment")).setFlexGrow(2);
        grid.addComponentColumn(s -> {
            var menu = RowMenu.create();
            menu.addItem(getTranslation("senderIds.withdraw"), e -> confirmWithdraw(s))
                    .setEnabled(canEdit && s.status().live());
            return menu;
        }).setWidth("70px").setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.setId("sender-ids");
        Div content = new Div(new H2(getTranslation("senderIds.title")), toolbar, grid);
        content.addClassName("pv-list");
        add(content);
        refresh();
    }

    private String when(@Nullable Instant instant) {
        return instant == null ? "—" : format.format(instant.atZone(zone));
    }

    private void refresh() {
        grid.setItems(queries.list());
    }

    private void openRequest() {
        Dialog dialog = new Dialog(getTranslation("senderIds.request"));
        TextField value = new TextField(getTranslation("senderIds.value"));
        value.setMaxLength(11);
        value.setWidthFull();
        value.setPlaceholder("VITALIS");
        value.setHelperText(getTranslation("senderIds.value.help"));
        value.setId("sender-id-value");
        Paragraph fee = new Paragraph(getTranslation("senderIds.fee.text", SenderIdBadges.euros(getLocale(), queries.fee())));
        fee.setId("sender-id-fee");
        Component note = new Paragraph(getTranslation("senderIds.request.note"));
        dialog.add(value, fee, note);
        Button confirm = new Button(getTranslation("senderIds.request.confirm",
                SenderIdBadges.euros(getLocale(), queries.fee())), e -> {
            try {
                commands.request(value.getValue());
            } catch (InvalidInputException invalid) {
                value.setInvalid(true);
                value.setErrorMessage(invalid.errors().getFirst().message());
                return;
            }
            dialog.close();
            Notification.show(getTranslation("senderIds.requested", value.getValue().strip()), 4000,
                    Notification.Position.BOTTOM_END).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("confirm-request-sender-id");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), confirm);
        dialog.setWidth("520px");
        dialog.open();
        value.focus();
    }

    private void confirmWithdraw(SenderIdDetails senderId) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("senderIds.withdraw"),
                getTranslation("senderIds.withdraw.text", senderId.value()), getTranslation("senderIds.withdraw"), e -> {
                    commands.withdraw(senderId.id());
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }
}
