package io.portevoix.tenancy.adapter.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.portevoix.shared.EmailAddress;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.AccountSummary;
import io.portevoix.tenancy.CreateAccount;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/** Platform administration: every account of the installation, networks first, and account creation. */
@Route("admin/accounts")
@PageTitle("Porte-Voix")
@Menu(order = 100, icon = "vaadin:sitemap", title = "nav.admin.accounts")
@RolesAllowed("PLATFORM_ADMIN")
final class AccountsAdminView extends Main {

    private final AccountQueries queries;
    private final AccountCommands commands;
    private final Grid<AccountSummary> grid = new Grid<>();
    private final TextField search = new TextField();
    private List<AccountSummary> all = List.of();

    AccountsAdminView(AccountQueries queries, AccountCommands commands) {
        this.queries = queries;
        this.commands = commands;
        addClassName("pv-view");
        search.setPlaceholder(getTranslation("accounts.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.addValueChangeListener(e -> filter());
        Button create = new Button(getTranslation("accounts.create"), VaadinIcon.PLUS.create(), e -> openCreate());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout toolbar = new HorizontalLayout(search, create);
        toolbar.addClassName("pv-toolbar");
        toolbar.setWidthFull();
        toolbar.setFlexGrow(1, search);

        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        grid.addColumn(AccountSummary::name).setHeader(getTranslation("accounts.name")).setSortable(true).setFlexGrow(2);
        grid.addColumn(a -> a.parentName() == null ? getTranslation("accounts.independent") : a.parentName())
                .setHeader(getTranslation("accounts.network")).setSortable(true).setFlexGrow(2);
        grid.addColumn(AccountSummary::siteCount).setHeader(getTranslation("accounts.sites")).setAutoWidth(true);
        grid.addColumn(AccountSummary::userCount).setHeader(getTranslation("accounts.users")).setAutoWidth(true);
        grid.addColumn(a -> format.format(a.createdAt().atZone(ZoneId.of("Europe/Paris"))))
                .setHeader(getTranslation("accounts.createdAt")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        Div content = new Div(toolbar, grid);
        content.addClassName("pv-list");
        add(content);
        refresh();
    }

    private void refresh() {
        all = queries.all();
        filter();
    }

    private void filter() {
        String term = search.getValue().strip().toLowerCase(Locale.ROOT);
        grid.setItems(all.stream().filter(a -> term.isEmpty() || a.name().toLowerCase(Locale.ROOT).contains(term)
                || (a.parentName() != null && a.parentName().toLowerCase(Locale.ROOT).contains(term))).toList());
    }

    private void openCreate() {
        Dialog dialog = new Dialog(getTranslation("accounts.create"));
        TextField name = new TextField(getTranslation("accounts.name"));
        ComboBox<AccountSummary> parent = new ComboBox<>(getTranslation("accounts.network"));
        parent.setItems(all.stream().filter(a -> a.parentId() == null).toList());
        parent.setItemLabelGenerator(AccountSummary::name);
        parent.setClearButtonVisible(true);
        parent.setHelperText(getTranslation("accounts.network.help"));
        EmailField adminEmail = new EmailField(getTranslation("accounts.adminEmail"));
        TextField adminName = new TextField(getTranslation("accounts.adminName"));
        PasswordField adminPassword = new PasswordField(getTranslation("users.initialPassword"));
        adminPassword.setHelperText(getTranslation("accounts.adminPassword.help"));
        FormLayout form = new FormLayout(name, parent, adminEmail, adminName, adminPassword);
        dialog.add(form);
        Button save = new Button(getTranslation("accounts.create"), e -> {
            if (name.getValue().isBlank()) {
                name.setInvalid(true);
                name.setErrorMessage(getTranslation("validation.required"));
                return;
            }
            if (!EmailAddress.isValid(adminEmail.getValue())) {
                adminEmail.setInvalid(true);
                adminEmail.setErrorMessage(getTranslation("validation.email"));
                return;
            }
            commands.create(new CreateAccount(name.getValue(), parent.getValue() == null ? null : parent.getValue().id(),
                    new EmailAddress(adminEmail.getValue()), adminName.getValue(),
                    adminPassword.getValue().isEmpty() ? null : adminPassword.getValue()));
            dialog.close();
            refresh();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.setWidth("640px");
        dialog.open();
    }
}
