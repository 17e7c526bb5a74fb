package io.portevoix.audience.adapter.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.portevoix.audience.SuppressionCommands;
import io.portevoix.audience.SuppressionEntry;
import io.portevoix.audience.SuppressionQueries;
import io.portevoix.audience.SuppressionReason;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.shell.RowMenu;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** The suppression list ("liste repoussoir"): addresses never contacted, with reason and date. */
@Route("contacts/suppressions")
@PageTitle("Porte-Voix")
@Menu(order = 13, icon = "vaadin:ban", title = "nav.suppressions")
@RolesAllowed("CONTACTS_GUEST")
final class SuppressionListView extends Main {

    private final SuppressionQueries queries;
    private final Grid<SuppressionEntry> grid = new Grid<>();

    SuppressionListView(SuppressionQueries queries, SuppressionCommands commands, AccountQueries accounts) {
        this.queries = queries;
        addClassName("pv-view");
        boolean editor = TenantContext.currentActorCan(Area.CONTACTS, AccessLevel.EDITOR);
        boolean approver = TenantContext.currentActorCan(Area.CONTACTS, AccessLevel.APPROVER);
        TextField address = new TextField();
        address.setPlaceholder(getTranslation("suppressions.address"));
        address.setId("suppression-address");
        address.setWidth("320px");
        Select<SuppressionReason> reason = new Select<>();
        reason.setItems(SuppressionReason.values());
        reason.setItemLabelGenerator(r -> getTranslation("suppressions.reason." + r.name()));
        reason.setValue(SuppressionReason.DO_NOT_CONTACT);
        TextField comment = new TextField();
        comment.setPlaceholder(getTranslation("suppressions.comment"));
        Button add = new Button(getTranslation("suppressions.add"), VaadinIcon.BAN.create(), e -> {
            try {
                commands.add(address.getValue(), reason.getValue(), comment.getValue());
                address.clear();
                comment.clear();
                refresh();
            } catch (InvalidInputException invalid) {
                address.setInvalid(true);
                address.setErrorMessage(getTranslation("suppressions.invalid"));
            }
        });
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("add-suppression");
        HorizontalLayout form = new HorizontalLayout(address, reason, comment, add);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setVisible(editor);
        form.addClassName("pv-toolbar");

        ZoneId zone = accounts.current().timeZone();
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale());
        grid.addColumn(e -> e.address() == null ? getTranslation("suppressions.hashed") : e.address())
                .setHeader(getTranslation("suppressions.address")).setFlexGrow(2);
        grid.addColumn(e -> getTranslation("suppressions.reason." + e.reason().name()))
                .setHeader(getTranslation("suppressions.reasonHeader")).setAutoWidth(true);
        grid.addColumn(SuppressionEntry::comment).setHeader(getTranslation("suppressions.comment")).setFlexGrow(1);
        grid.addColumn(e -> format.format(e.createdAt().atZone(zone))).setHeader(getTranslation("suppressions.since"))
                .setAutoWidth(true);
        grid.addComponentColumn(e -> {
            var menu = RowMenu.create();
            menu.addItem(getTranslation("suppressions.remove"), click -> {
                ConfirmDialog confirm = new ConfirmDialog(getTranslation("suppressions.remove"),
                        getTranslation("suppressions.remove.text"), getTranslation("suppressions.remove"), ok -> {
                            commands.remove(e.addressHash());
                            refresh();
                        });
                confirm.setCancelable(true);
                confirm.setCancelText(getTranslation("action.cancel"));
                confirm.open();
            }).setEnabled(approver);
            return menu;
        }).setWidth("70px").setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        Div content = new Div(new Paragraph(getTranslation("suppressions.text")), form, grid);
        content.addClassName("pv-list");
        add(content);
        refresh();
    }

    private void refresh() {
        grid.setItems(queries.list());
    }
}
