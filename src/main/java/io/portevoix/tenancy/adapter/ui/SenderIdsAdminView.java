package io.portevoix.tenancy.adapter.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.shell.RowMenu;
import io.portevoix.tenancy.SenderIdCommands;
import io.portevoix.tenancy.SenderIdDetails;
import io.portevoix.tenancy.SenderIdId;
import io.portevoix.tenancy.SenderIdQueries;
import io.portevoix.tenancy.SenderIdStatus;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/** Platform administration: the sender ID requests of every account, to approve or refuse with a comment. */
@Route("admin/sender-ids")
@PageTitle("Porte-Voix")
@Menu(order = 103, icon = "vaadin:mobile-retro", title = "nav.admin.senderIds")
@RolesAllowed("PLATFORM_ADMIN")
final class SenderIdsAdminView extends Main {

    private final SenderIdQueries queries;
    private final SenderIdCommands commands;
    private final Grid<SenderIdDetails> grid = new Grid<>();
    private final ComboBox<SenderIdStatus> status = new ComboBox<>();
    private final TextField search = new TextField();
    private final DateTimeFormatter format;
    private final ZoneId zone = ZoneId.of("Europe/Paris");
    private List<SenderIdDetails> shown = List.of();

    SenderIdsAdminView(SenderIdQueries queries, SenderIdCommands commands) {
        this.queries = queries;
        this.commands = commands;
        this.format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale());
        addClassName("pv-view");
        status.setItems(SenderIdStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("senderIds.status." + s.name()));
        status.setPlaceholder(getTranslation("senderIds.allStatuses"));
        status.setClearButtonVisible(true);
        status.setValue(SenderIdStatus.REQUESTED);
        status.setId("sender-ids-status");
        status.addValueChangeListener(e -> refresh());
        search.setPlaceholder(getTranslation("senderIds.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.addValueChangeListener(e -> filter());
        HorizontalLayout toolbar = new HorizontalLayout(search, status);
        toolbar.addClassName("pv-toolbar");
        toolbar.setWidthFull();
        toolbar.setFlexGrow(1, search);

        grid.addColumn(SenderIdDetails::accountName).setHeader(getTranslation("senderIds.account")).setSortable(true)
                .setFlexGrow(2);
        grid.addColumn(SenderIdDetails::value).setHeader(getTranslation("senderIds.value")).setSortable(true)
                .setFlexGrow(1);
        grid.addComponentColumn(s -> SenderIdBadges.status(this, s.status())).setHeader(getTranslation("senderIds.status"))
                .setAutoWidth(true);
        grid.addColumn(s -> SenderIdBadges.euros(getLocale(), s.fee())).setHeader(getTranslation("senderIds.fee"))
                .setAutoWidth(true);
        grid.addColumn(SenderIdDetails::requestedBy).setHeader(getTranslation("senderIds.requestedBy")).setFlexGrow(1);
        grid.addColumn(s -> when(s.requestedAt())).setHeader(getTranslation("senderIds.requestedAt")).setAutoWidth(true);
        grid.addColumn(s -> s.decidedBy() == null ? "—" : s.decidedBy() + ", " + when(s.decidedAt()))
                .setHeader(getTranslation("senderIds.decidedBy")).setFlexGrow(1);
        grid.addColumn(SenderIdDetails::decisionComment).setHeader(getTranslation("senderIds.comment")).setFlexGrow(2);
        grid.addComponentColumn(s -> {
            var menu = RowMenu.create();
            boolean open = s.status() == SenderIdStatus.REQUESTED;
            menu.addItem(getTranslation("senderIds.approve"), e -> openDecision(s, true)).setEnabled(open);
            menu.addItem(getTranslation("senderIds.refuse"), e -> openDecision(s, false)).setEnabled(open);
            return menu;
        }).setWidth("70px").setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.setId("sender-id-requests");
        Div content = new Div(toolbar, grid);
        content.addClassName("pv-list");
        add(content);
        refresh();
    }

    private String when(@Nullable Instant instant) {
        return instant == null ? "—" : format.format(instant.atZone(zone));
    }

    private void refresh() {
        shown = queries.all(status.getValue());
        filter();
    }

    private void filter() {
        String term = search.getValue().strip().toLowerCase(Locale.ROOT);
        grid.setItems(shown.stream().filter(s -> term.isEmpty() || s.accountName().toLowerCase(Locale.ROOT).contains(term)
                || s.value().toLowerCase(Locale.ROOT).contains(term)).toList());
    }

    private void openDecision(SenderIdDetails senderId, boolean approve) {
        Dialog dialog = new Dialog(getTranslation(approve ? "senderIds.approve.title" : "senderIds.refuse.title",
                senderId.value(), senderId.accountName()));
        TextArea comment = new TextArea(getTranslation("senderIds.comment"));
        comment.setMaxLength(1000);
        comment.setWidthFull();
        comment.setId("sender-id-comment");
        if (!approve) {
            comment.setHelperText(getTranslation("senderIds.refuse.help"));
        }
        dialog.add(new Paragraph(getTranslation("senderIds.decision.text", senderId.accountName(), senderId.value(),
                SenderIdBadges.euros(getLocale(), senderId.fee()))), comment);
        BiConsumer<SenderIdId, String> decision = approve ? commands::approve : commands::refuse;
        Button confirm = new Button(getTranslation(approve ? "senderIds.approve" : "senderIds.refuse"), e -> {
            if (!approve && comment.getValue().isBlank()) {
                comment.setInvalid(true);
                comment.setErrorMessage(getTranslation("validation.required"));
                return;
            }
            try {
                decision.accept(senderId.id(), comment.getValue());
            } catch (InvalidInputException invalid) {
                comment.setInvalid(true);
                comment.setErrorMessage(invalid.errors().getFirst().message());
                return;
            }
            dialog.close();
            Notification.show(getTranslation(approve ? "senderIds.approved" : "senderIds.refused", senderId.value(),
                    senderId.accountName()), 4000, Notification.Position.BOTTOM_END)
                    .addThemeVariants(approve ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_CONTRAST);
            refresh();
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (!approve) {
            confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        confirm.setId("confirm-sender-id-decision");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), confirm);
        dialog.setWidth("560px");
        dialog.open();
    }
}
