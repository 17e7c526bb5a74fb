package io.portevoix.tenancy.adapter.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.portevoix.shell.RowMenu;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.AccessLevels;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.ApiKeyCommands;
import io.portevoix.tenancy.ApiKeyQueries;
import io.portevoix.tenancy.ApiKeySummary;
import io.portevoix.tenancy.CreatedApiKey;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Settings → API keys: create (the secret is shown once), list, revoke. */
@Route("settings/api-keys")
@PageTitle("Porte-Voix")
@Menu(order = 92, icon = "vaadin:key", title = "nav.settings.apiKeys")
@RolesAllowed("ACCOUNT_ADMIN")
final class ApiKeysView extends Main {

    private final ApiKeyQueries queries;
    private final ApiKeyCommands commands;
    private final Grid<ApiKeySummary> grid = new Grid<>();
    private final DateTimeFormatter format;
    private final ZoneId zone;

    ApiKeysView(ApiKeyQueries queries, ApiKeyCommands commands, AccountQueries accounts) {
        this.queries = queries;
        this.commands = commands;
        this.zone = accounts.current().timeZone();
        this.format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale());
        addClassName("pv-view");
        Button create = new Button(getTranslation("apiKeys.create"), VaadinIcon.PLUS.create(), e -> openCreate());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-api-key");
        HorizontalLayout toolbar = new HorizontalLayout(new Paragraph(getTranslation("apiKeys.text")), create);
        toolbar.addClassName("pv-toolbar");
        toolbar.setWidthFull();
        toolbar.setJustifyContentMode(com.vaadin.flow.component.orderedlayout.FlexComponent.JustifyContentMode.BETWEEN);

        grid.addColumn(ApiKeySummary::name).setHeader(getTranslation("apiKeys.name")).setFlexGrow(2);
        grid.addColumn(ApiKeySummary::prefix).setHeader(getTranslation("apiKeys.prefix")).setAutoWidth(true);
        grid.addColumn(ApiKeySummary::createdBy).setHeader(getTranslation("apiKeys.createdBy")).setFlexGrow(1);
        grid.addColumn(k -> when(k.createdAt())).setHeader(getTranslation("apiKeys.createdAt")).setAutoWidth(true);
        grid.addColumn(k -> when(k.lastUsedAt())).setHeader(getTranslation("apiKeys.lastUsed")).setAutoWidth(true);
        grid.addComponentColumn(k -> {
            Span status = new Span(getTranslation(k.active() ? "apiKeys.active" : "apiKeys.revoked"));
            status.getElement().getThemeList().add(k.active() ? "badge success" : "badge error");
            return status;
        }).setHeader(getTranslation("apiKeys.status")).setAutoWidth(true);
        grid.addComponentColumn(k -> {
            var menu = RowMenu.create();
            menu.addItem(getTranslation("apiKeys.revoke"), e -> confirmRevoke(k)).setEnabled(k.active());
            return menu;
        }).setWidth("70px").setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        Div content = new Div(toolbar, grid);
        content.addClassName("pv-list");
        add(content);
        refresh();
    }

    private String when(Instant instant) {
        return instant == null ? "—" : format.format(instant.atZone(zone));
    }

    private void refresh() {
        grid.setItems(queries.list());
    }

    private void openCreate() {
        Dialog dialog = new Dialog(getTranslation("apiKeys.create"));
        TextField name = new TextField(getTranslation("apiKeys.name"));
        name.setWidthFull();
        name.setPlaceholder(getTranslation("apiKeys.name.placeholder"));
        name.setId("api-key-name");
        LevelsEditor levels = new LevelsEditor(AccessLevels.all(AccessLevel.APPROVER));
        dialog.add(name, levels);
        Button save = new Button(getTranslation("apiKeys.create"), e -> {
            if (name.getValue().isBlank()) {
                name.setInvalid(true);
                name.setErrorMessage(getTranslation("validation.required"));
                return;
            }
            CreatedApiKey created = commands.create(name.getValue(), levels.value());
            dialog.close();
            refresh();
            showSecret(created);
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("confirm-create-api-key");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.setWidth("820px");
        dialog.open();
    }

    private void showSecret(CreatedApiKey created) {
        Dialog dialog = new Dialog(getTranslation("apiKeys.created.title", created.name()));
        TextField secret = new TextField();
        secret.setValue(created.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.setId("api-key-secret");
        dialog.add(new Paragraph(getTranslation("apiKeys.created.text")), secret);
        Button done = new Button(getTranslation("apiKeys.created.done"), e -> dialog.close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
        dialog.setCloseOnOutsideClick(false);
        dialog.setWidth("640px");
        dialog.open();
    }

    private void confirmRevoke(ApiKeySummary key) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("apiKeys.revoke.title"),
                getTranslation("apiKeys.revoke.text", key.name()), getTranslation("apiKeys.revoke"), e -> {
                    commands.revoke(key.id());
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }
}
