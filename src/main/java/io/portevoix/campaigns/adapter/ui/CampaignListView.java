package io.portevoix.campaigns.adapter.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.campaigns.CampaignCommands;
import io.portevoix.campaigns.CampaignDetails;
import io.portevoix.campaigns.CampaignDraft;
import io.portevoix.campaigns.CampaignFilter;
import io.portevoix.campaigns.CampaignQueries;
import io.portevoix.campaigns.CampaignStateException;
import io.portevoix.campaigns.CampaignStatus;
import io.portevoix.campaigns.RunSummary;
import io.portevoix.shell.RowMenu;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The account's campaigns: filters, status, figures of the last run, and a menu per row. */
@Route("campaigns")
@PageTitle("Porte-Voix")
@Menu(order = 30, icon = "vaadin:paperplane-o", title = "nav.campaigns")
@RolesAllowed({"EMAIL_CAMPAIGNS_GUEST", "SMS_CAMPAIGNS_GUEST"})
final class CampaignListView extends Main implements com.vaadin.flow.router.BeforeEnterObserver {

    private final CampaignQueries queries;
    private final CampaignCommands commands;
    private final Grid<CampaignDetails> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Select<CampaignStatus> status = new Select<>();
    private final Checkbox archived = new Checkbox();
    private final Select<Channel> channel = new Select<>();
    private final Span total = new Span();
    private final Map<CampaignDetails, Optional<RunSummary>> lastRuns = new HashMap<>();
    private final NumberFormat numbers;

    CampaignListView(CampaignQueries queries, CampaignCommands commands) {
        this.queries = queries;
        this.commands = commands;
        this.numbers = NumberFormat.getIntegerInstance(getLocale());
        addClassName("pv-view");
        boolean emailEditor = TenantContext.currentActorCan(Area.EMAIL_CAMPAIGNS, AccessLevel.EDITOR);
        boolean smsEditor = TenantContext.currentActorCan(Area.SMS_CAMPAIGNS, AccessLevel.EDITOR);
        boolean approver = TenantContext.currentActorCan(Area.EMAIL_CAMPAIGNS, AccessLevel.APPROVER)
                || TenantContext.currentActorCan(Area.SMS_CAMPAIGNS, AccessLevel.APPROVER);
        channel.setPlaceholder(getTranslation("campaigns.allChannels"));
        channel.setEmptySelectionAllowed(true);
        channel.setEmptySelectionCaption(getTranslation("campaigns.allChannels"));
        channel.setItems(Channel.values());
        channel.setItemLabelGenerator(c -> c == null ? getTranslation("campaigns.allChannels") : getTranslation("channel." + c.name()));
        channel.setId("campaigns-channel");
        channel.addValueChangeListener(e -> refresh());
        search.setPlaceholder(getTranslation("campaigns.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setId("campaigns-search");
        search.addValueChangeListener(e -> refresh());
        status.setPlaceholder(getTranslation("campaigns.allStatuses"));
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("campaigns.allStatuses"));
        status.setItems(Arrays.stream(CampaignStatus.values()).filter(s -> s != CampaignStatus.ARCHIVED).toList());
        status.setItemLabelGenerator(s -> s == null ? getTranslation("campaigns.allStatuses")
                : getTranslation("campaign.status." + s.name()));
        status.setId("campaigns-status");
        status.addValueChangeListener(e -> refresh());
        archived.setLabel(getTranslation("campaigns.archived"));
        archived.addValueChangeListener(e -> refresh());
        Button create = new Button(getTranslation("campaigns.new"), VaadinIcon.PLUS.create(), e -> {
            CampaignDetails draft = commands.create(new CampaignDraft(getTranslation("campaigns.newName"), "", Channel.EMAIL,
                    BroadcastType.INFORMATIVE, null, null));
            open(draft);
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-campaign");
        create.setVisible(emailEditor);
        Button createSms = new Button(getTranslation("campaigns.newSms"), VaadinIcon.MOBILE.create(), e -> {
            CampaignDetails draft = commands.create(new CampaignDraft(getTranslation("campaigns.newSmsName"), "", Channel.SMS,
                    BroadcastType.MARKETING, null, null));
            open(draft);
        });
        createSms.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        createSms.setId("new-sms-campaign");
        createSms.setVisible(smsEditor);
        HorizontalLayout bar = new HorizontalLayout(search, status, channel, archived, total, create, createSms);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWidthFull();
        bar.expand(total);
        long pending = queries.pendingApprovals();
        if (approver && pending > 0) {
            Button toApprove = new Button(getTranslation("campaigns.toApprove", pending), VaadinIcon.BELL.create(),
                    e -> status.setValue(CampaignStatus.PENDING_APPROVAL));
            toApprove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            toApprove.setId("campaigns-to-approve");
            bar.addComponentAtIndex(4, toApprove);
        }
        ZoneId zone = ZoneId.of("Europe/Paris");
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale());
        grid.addColumn(CampaignDetails::name).setHeader(getTranslation("campaigns.name")).setFlexGrow(3);
        grid.addComponentColumn(c -> {
            Span badge = new Span((c.channel() == Channel.SMS ? VaadinIcon.MOBILE : VaadinIcon.ENVELOPE_O).create(),
                    new Span(" " + getTranslation("channel." + c.channel().name())));
            badge.getElement().getThemeList().add("badge contrast");
            return badge;
        }).setHeader(getTranslation("campaigns.channel")).setAutoWidth(true);
        grid.addComponentColumn(c -> {
            Span badge = new Span(getTranslation("campaign.status." + c.status().name()));
            badge.getElement().getThemeList().add(switch (c.status()) {
                case SENT -> "badge success";
                case SENDING, SCHEDULED -> "badge";
                case PENDING_APPROVAL -> "badge error";
                default -> "badge contrast";
            });
            return badge;
        }).setHeader(getTranslation("campaigns.status")).setAutoWidth(true);
        grid.addColumn(c -> getTranslation("broadcast." + c.broadcastType().name())).setHeader(getTranslation("campaigns.type"))
                .setAutoWidth(true);
        grid.addColumn(c -> run(c).map(r -> numbers.format(r.targeted())).orElse("—"))
                .setHeader(getTranslation("campaigns.targeted")).setAutoWidth(true);
        grid.addColumn(c -> run(c).map(r -> numbers.format(r.figures().sent())).orElse("—"))
                .setHeader(getTranslation("campaigns.sent")).setAutoWidth(true);
        grid.addColumn(CampaignDetails::createdBy).setHeader(getTranslation("campaigns.author")).setFlexGrow(1);
        grid.addColumn(c -> format.format(c.updatedAt().atZone(zone))).setHeader(getTranslation("campaigns.updatedAt"))
                .setAutoWidth(true);
        grid.addComponentColumn(c -> {
            boolean editor = c.channel() == Channel.SMS ? smsEditor : emailEditor;
            var menu = RowMenu.create();
            menu.addItem(getTranslation(c.editable() ? "action.edit" : "campaigns.open"), e -> open(c));
            menu.addItem(getTranslation("campaigns.clone"), e -> act(() -> open(commands.duplicate(c.id()))))
                    .setEnabled(editor);
            if (c.status() == CampaignStatus.SENDING || c.status() == CampaignStatus.SCHEDULED) {
                menu.addItem(getTranslation("campaigns.suspend"), e -> act(() -> commands.suspend(c.id()))).setEnabled(approver);
            }
            if (c.status() == CampaignStatus.SUSPENDED) {
                menu.addItem(getTranslation("campaigns.resume"), e -> act(() -> commands.resume(c.id()))).setEnabled(approver);
            }
            if (c.status() == CampaignStatus.DRAFT || c.status() == CampaignStatus.SENT) {
                menu.addItem(getTranslation("campaigns.archive"), e -> act(() -> commands.archive(c.id()))).setEnabled(editor);
            }
            if (c.status() == CampaignStatus.DRAFT) {
                menu.addItem(getTranslation("action.delete"), e -> confirmDelete(c)).setEnabled(editor);
            }
            return menu;
        }).setWidth("70px").setFlexGrow(0);
        grid.addItemDoubleClickListener(e -> {
            if (e.getItem() != null) {
                open(e.getItem());
            }
        });
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setId("campaigns-grid");
        grid.setEmptyStateText(getTranslation("campaigns.empty"));
        add(bar, grid);
        setHeightFull();
        refresh();
    }

    private Optional<RunSummary> run(CampaignDetails c) {
        return lastRuns.computeIfAbsent(c, k -> k.currentRun() == null ? Optional.empty() : queries.run(k.currentRun()));
    }

    private void act(Runnable action) {
        try {
            action.run();
            refresh();
        } catch (CampaignStateException | IllegalArgumentException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** {@code ?status=PENDING_APPROVAL} (the header's approval bell) opens the list filtered on that status. */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("status").flatMap(value -> java.util.Arrays
                .stream(CampaignStatus.values()).filter(s -> s.name().equals(value)).findFirst()).ifPresent(status::setValue);
    }

    private void confirmDelete(CampaignDetails c) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("campaigns.delete.title"),
                getTranslation("campaigns.delete.text", c.name()), getTranslation("action.delete"),
                e -> act(() -> commands.delete(c.id())));
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.open();
    }

    private void open(CampaignDetails c) {
        getUI().ifPresent(ui -> ui.navigate(CampaignEditorView.class, new RouteParameters("id", c.id().toString())));
    }

    private void refresh() {
        lastRuns.clear();
        var items = queries.list(new CampaignFilter(search.getValue(), status.getValue(), channel.getValue(), null, null, null,
                archived.getValue()));
        grid.setItems(items);
        total.setText(getTranslation("campaigns.total", numbers.format(items.size())));
    }
}
