package io.portevoix.tenancy.adapter.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
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
import io.portevoix.shell.RowMenu;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.AccessLevels;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.AccountUser;
import io.portevoix.tenancy.AddUser;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.UserCommands;
import io.portevoix.tenancy.UserQueries;
import io.portevoix.tenancy.domain.Passwords;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/** Settings → Users: who works in this account, with which level per area. */
@Route("settings/users")
@PageTitle("Porte-Voix")
@Menu(order = 91, icon = "vaadin:users", title = "nav.settings.users")
@RolesAllowed("ACCOUNT_ADMIN")
final class UsersView extends Main {

    private final UserQueries queries;
    private final UserCommands commands;
    private final Grid<AccountUser> grid = new Grid<>();
    private final TextField search = new TextField();
    private List<AccountUser> all = List.of();

    UsersView(UserQueries queries, UserCommands commands, AccountQueries accounts) {
        ZoneId zone = accounts.current().timeZone();
        this.queries = queries;
        this.commands = commands;
        addClassName("pv-view");
        search.setPlaceholder(getTranslation("users.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.addValueChangeListener(e -> filter());
        Button add = new Button(getTranslation("users.add"), VaadinIcon.PLUS.create(), e -> openAdd());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("add-user");
        HorizontalLayout toolbar = new HorizontalLayout(search, add);
        toolbar.addClassName("pv-toolbar");
        toolbar.setFlexGrow(1, search);
        toolbar.setWidthFull();

        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale());
        grid.addColumn(AccountUser::displayName).setHeader(getTranslation("users.name")).setSortable(true).setFlexGrow(2);
        grid.addColumn(AccountUser::email).setHeader(getTranslation("users.email")).setSortable(true).setFlexGrow(2);
        grid.addComponentColumn(user -> {
            Span badge = new Span(getTranslation(user.administrator() ? "users.role.admin" : "users.role.member"));
            badge.getElement().getThemeList().add(user.administrator() ? "badge success" : "badge contrast");
            return badge;
        }).setHeader(getTranslation("users.role")).setAutoWidth(true);
        grid.addColumn(user -> summary(user.levels())).setHeader(getTranslation("users.levels")).setFlexGrow(3);
        grid.addColumn(user -> user.lastLoginAt() == null ? "—"
                : format.format(user.lastLoginAt().atZone(zone)))
                .setHeader(getTranslation("users.lastLogin")).setAutoWidth(true);
        grid.addComponentColumn(user -> {
            var menu = RowMenu.create();
            menu.addItem(getTranslation("users.editAccess"), e -> openEdit(user));
            menu.addItem(getTranslation("users.remove"), e -> confirmRemove(user));
            return menu;
        }).setWidth("70px").setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addItemDoubleClickListener(e -> openEdit(e.getItem()));
        Div content = new Div(toolbar, grid);
        content.addClassName("pv-list");
        add(content);
        refresh();
    }

    private String summary(AccessLevels levels) {
        StringBuilder text = new StringBuilder();
        for (Area area : Area.values()) {
            if (levels.of(area) != AccessLevel.NONE) {
                text.append(text.isEmpty() ? "" : " · ").append(getTranslation("area." + area.name())).append(": ")
                        .append(getTranslation("level." + levels.of(area).name()));
            }
        }
        return text.isEmpty() ? getTranslation("level.NONE") : text.toString();
    }

    private void refresh() {
        all = queries.users();
        filter();
    }

    private void filter() {
        String term = search.getValue().strip().toLowerCase(Locale.ROOT);
        grid.setItems(all.stream().filter(u -> term.isEmpty() || u.email().toLowerCase(Locale.ROOT).contains(term)
                || u.displayName().toLowerCase(Locale.ROOT).contains(term)).toList());
    }

    private void openAdd() {
        Dialog dialog = new Dialog(getTranslation("users.add"));
        EmailField email = new EmailField(getTranslation("users.email"));
        email.setRequiredIndicatorVisible(true);
        email.setId("new-user-email");
        TextField name = new TextField(getTranslation("users.name"));
        name.setId("new-user-name");
        PasswordField password = new PasswordField(getTranslation("users.initialPassword"));
        password.setHelperText(getTranslation("users.initialPassword.help", Passwords.MIN_LENGTH));
        password.setId("new-user-password");
        Checkbox admin = new Checkbox(getTranslation("users.administrator"));
        LevelsEditor levels = new LevelsEditor(AccessLevels.all(AccessLevel.GUEST));
        Div form = new Div(new HorizontalLayout(email, name), password, admin, levels);
        dialog.add(form);
        Button save = new Button(getTranslation("action.add"), e -> {
            if (!EmailAddress.isValid(email.getValue())) {
                email.setInvalid(true);
                email.setErrorMessage(getTranslation("validation.email"));
                return;
            }
            commands.add(new AddUser(new EmailAddress(email.getValue()), name.getValue(),
                    password.getValue().isEmpty() ? null : password.getValue(), admin.getValue(), levels.value()));
            dialog.close();
            refresh();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("confirm-add-user");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.setWidth("820px");
        dialog.open();
    }

    private void openEdit(AccountUser user) {
        Dialog dialog = new Dialog(getTranslation("users.editAccess.title", user.email()));
        Checkbox admin = new Checkbox(getTranslation("users.administrator"), user.administrator());
        LevelsEditor levels = new LevelsEditor(user.levels());
        dialog.add(new Div(admin, levels));
        Button save = new Button(getTranslation("action.save"), e -> {
            commands.changeAccess(user.id(), admin.getValue(), levels.value());
            dialog.close();
            refresh();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.setWidth("820px");
        dialog.open();
    }

    private void confirmRemove(AccountUser user) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("users.remove.title"),
                getTranslation("users.remove.text", user.email()), getTranslation("users.remove"), e -> {
                    commands.remove(user.id());
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }
}
