package io.portevoix.audience.adapter.ui;

import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.portevoix.audience.ContactCommands;
import io.portevoix.audience.ContactFilter;
import io.portevoix.audience.ContactQueries;
import io.portevoix.audience.ContactStatus;
import io.portevoix.audience.ContactSummary;
import io.portevoix.shared.PageSpec;
import io.portevoix.shell.RowMenu;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;

/** Contacts: every member of the account in a lazy grid, with quick search, filters and a column chooser. */
@Route("contacts")
@PageTitle("Porte-Voix")
@Menu(order = 10, icon = "vaadin:user-card", title = "nav.contacts")
@RolesAllowed("CONTACTS_GUEST")
final class ContactsListView extends Main {

    private final ContactQueries queries;
    private final ContactCommands commands;
    private final TextField search = new TextField();
    private final Select<ContactStatus> status = new Select<>();
    private final Span total = new Span();
    private final Grid<ContactSummary> grid = new Grid<>();
    private final ConfigurableFilterDataProvider<ContactSummary, Void, ContactFilter> contacts;
    private final boolean approver = TenantContext.currentActorCan(Area.CONTACTS, AccessLevel.APPROVER);

    ContactsListView(ContactQueries queries, ContactCommands commands) {
        this.queries = queries;
        this.commands = commands;
        addClassName("pv-view");
        search.setPlaceholder(getTranslation("contacts.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setId("contacts-search");
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("contacts.status.all"));
        status.setItems(ContactStatus.values());
        status.setItemLabelGenerator(s -> s == null ? getTranslation("contacts.status.all")
                : getTranslation("contacts.status." + s.name()));
        total.addClassName("pv-total");
        total.setId("contacts-total");

        contacts = DataProvider.<ContactSummary, ContactFilter>fromFilteringCallbacks(
                query -> queries.page(query.getFilter().orElse(ContactFilter.ALL),
                        new PageSpec(query.getOffset(), Math.min(query.getLimit(), PageSpec.MAX_LIMIT))).stream(),
                query -> queries.count(query.getFilter().orElse(ContactFilter.ALL))).withConfigurableFilter();

        grid.addColumn(c -> name(c)).setHeader(getTranslation("contacts.name")).setFlexGrow(2).setKey("name");
        grid.addColumn(ContactSummary::email).setHeader(getTranslation("contacts.email")).setFlexGrow(2).setKey("email");
        grid.addColumn(ContactSummary::mobile).setHeader(getTranslation("contacts.mobile")).setAutoWidth(true)
                .setKey("mobile");
        grid.addComponentColumn(c -> {
            Span badge = new Span(getTranslation("contacts.status." + c.status().name()));
            badge.getElement().getThemeList().add("badge " + switch (c.status()) {
                case CLIENT -> "success";
                case PROSPECT -> "";
                case FORMER_CLIENT -> "contrast";
            });
            return badge;
        }).setHeader(getTranslation("contacts.status")).setAutoWidth(true).setKey("status");
        grid.addColumn(ContactSummary::site).setHeader(getTranslation("contacts.site")).setAutoWidth(true).setKey("site");
        grid.addColumn(c -> getTranslation(c.primary() ? "contacts.primary.yes" : "contacts.primary.no"))
                .setHeader(getTranslation("contacts.primary")).setAutoWidth(true).setKey("primary").setVisible(false);
        grid.addComponentColumn(c -> consentIcon(c.emailMarketing())).setHeader(getTranslation("contacts.optinEmail"))
                .setTextAlign(ColumnTextAlign.CENTER).setAutoWidth(true).setKey("optinEmail");
        grid.addComponentColumn(c -> consentIcon(c.smsMarketing())).setHeader(getTranslation("contacts.optinSms"))
                .setTextAlign(ColumnTextAlign.CENTER).setAutoWidth(true).setKey("optinSms");
        grid.addComponentColumn(c -> {
            var menu = RowMenu.create();
            menu.addItem(getTranslation("contacts.open"), e -> open(c));
            menu.addItem(getTranslation("contacts.export"), e -> ContactExports.openExport(queries, c.id()))
                    .setEnabled(approver);
            menu.addItem(getTranslation("contacts.erase"), e -> ContactExports.confirmErase(commands, c.id(), name(c),
                    this::refresh)).setEnabled(approver);
            return menu;
        }).setWidth("70px").setFlexGrow(0).setKey("actions");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(contacts);
        grid.setSizeFull();
        grid.addItemDoubleClickListener(e -> open(e.getItem()));

        search.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        HorizontalLayout toolbar = new HorizontalLayout(search, status, columnChooser(), total);
        if (TenantContext.currentActorCan(Area.CONTACTS, AccessLevel.EDITOR)) {
            com.vaadin.flow.component.button.Button importButton = new com.vaadin.flow.component.button.Button(
                    getTranslation("contacts.import"), VaadinIcon.UPLOAD.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(ImportContactsView.class)));
            importButton.setId("import-contacts");
            toolbar.add(importButton);
        }
        toolbar.addClassName("pv-toolbar");
        toolbar.setWidthFull();
        toolbar.setFlexGrow(1, search);
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        Div content = new Div(toolbar, grid);
        content.addClassName("pv-list");
        add(content);
        refresh();
    }

    private MenuBar columnChooser() {
        MenuBar chooser = new MenuBar();
        chooser.addThemeVariants(MenuBarVariant.LUMO_TERTIARY);
        MenuItem root = chooser.addItem(VaadinIcon.GRID_BIG_O.create());
        root.add(new Span(getTranslation("contacts.columns")));
        for (String key : new String[] {"email", "mobile", "status", "site", "primary", "optinEmail", "optinSms"}) {
            Grid.Column<ContactSummary> column = grid.getColumnByKey(key);
            MenuItem item = root.getSubMenu().addItem(getTranslation("contacts." + key),
                    e -> column.setVisible(e.getSource().isChecked()));
            item.setCheckable(true);
            item.setChecked(column.isVisible());
        }
        return chooser;
    }

    private static Icon consentIcon(boolean granted) {
        Icon icon = granted ? VaadinIcon.CHECK_CIRCLE.create() : VaadinIcon.MINUS.create();
        icon.addClassName(granted ? "pv-consent-yes" : "pv-consent-no");
        icon.setSize("16px");
        return icon;
    }

    private String name(ContactSummary c) {
        String name = ((c.lastName() == null ? "" : c.lastName().toUpperCase(getLocale())) + " "
                + (c.firstName() == null ? "" : c.firstName())).strip();
        return name.isEmpty() ? getTranslation("contacts.noName") : name;
    }

    private void open(ContactSummary contact) {
        getUI().ifPresent(ui -> ui.navigate(ContactDetailsView.class, new com.vaadin.flow.router.RouteParam("id", contact.id().toString())));
    }

    private void refresh() {
        ContactFilter filter = new ContactFilter(search.getValue(), status.getValue());
        contacts.setFilter(filter);
        total.setText(getTranslation("contacts.total", NumberFormat.getIntegerInstance(getLocale())
                .format(queries.count(filter))));
    }
}
