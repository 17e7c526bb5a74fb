package io.portevoix.delivery.adapter.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.portevoix.delivery.MailSandbox;
import io.portevoix.delivery.SandboxMessage;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Sandbox: what the platform sent while running without a real mail server, as recipients see it. */
@Route("sandbox")
@PageTitle("Porte-Voix")
@Menu(order = 110, icon = "vaadin:inbox", title = "nav.sandbox")
@RolesAllowed("PLATFORM_ADMIN")
final class SandboxView extends Main {

    private final MailSandbox sandbox;
    private final Grid<SandboxMessage> grid = new Grid<>();
    private final Div detail = new Div();

    private final io.portevoix.delivery.SmsSandbox smsSandbox;
    private final Grid<io.portevoix.delivery.SandboxSms> smsGrid = new Grid<>();
    private final com.vaadin.flow.component.textfield.TextField smsSearch = new com.vaadin.flow.component.textfield.TextField();
    private final Span smsTotal = new Span();
    private java.util.@org.jspecify.annotations.Nullable List<io.portevoix.delivery.SandboxSms> shownSms;

    SandboxView(MailSandbox sandbox, io.portevoix.delivery.SmsSandbox smsSandbox) {
        this.sandbox = sandbox;
        this.smsSandbox = smsSandbox;
        addClassName("pv-view");
        if (!sandbox.enabled() && !smsSandbox.enabled()) {
            add(new Paragraph(getTranslation("sandbox.disabled")));
            return;
        }
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale());
        grid.addColumn(m -> format.format(m.receivedAt().atZone(ZoneId.of("Europe/Paris"))))
                .setHeader(getTranslation("sandbox.at")).setAutoWidth(true);
        grid.addColumn(m -> String.join(", ", m.to())).setHeader(getTranslation("sandbox.to")).setFlexGrow(1);
        grid.addColumn(SandboxMessage::subject).setHeader(getTranslation("sandbox.subject")).setFlexGrow(2);
        grid.addComponentColumn(m -> {
            Button open = new Button(VaadinIcon.EYE.create(), e -> show(m));
            open.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY_INLINE);
            open.getElement().setAttribute("aria-label", getTranslation("sandbox.open"));
            open.addClassName("pv-open-message");
            return open;
        }).setWidth("64px").setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addItemClickListener(e -> show(e.getItem()));
        Button refresh = new Button(getTranslation("sandbox.refresh"), VaadinIcon.REFRESH.create(), e -> refresh());
        detail.addClassName("pv-sandbox-detail");
        detail.setSizeFull();
        Div list = new Div(new Div(new Paragraph(getTranslation("sandbox.text")), refresh), grid);
        list.addClassName("pv-list");
        SplitLayout split = new SplitLayout(list, detail);
        split.setSizeFull();
        split.setSplitterPosition(50);
        TabSheet channels = new TabSheet();
        channels.add(getTranslation("sandbox.emails"), split);
        channels.add(getTranslation("sandbox.sms"), sms(format));
        channels.setSizeFull();
        channels.setId("sandbox-tabs");
        add(channels);
        setHeightFull();
        refresh();
    }

    /**
     * The SMS tab: every SMS with its parts, encoding and receipt, a search by number or text, and a
     * way to answer as the member's phone.
     */
    private com.vaadin.flow.component.Component sms(DateTimeFormatter format) {
        DateTimeFormatter short_ = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                .withLocale(getLocale());
        smsGrid.addColumn(m -> short_.format(m.receivedAt().atZone(ZoneId.of("Europe/Paris"))))
                .setHeader(getTranslation("sandbox.at")).setAutoWidth(true).setFlexGrow(0);
        smsGrid.addColumn(com.vaadin.flow.data.renderer.LitRenderer.<io.portevoix.delivery.SandboxSms>of(
                        "<div class='pv-cell-stack'><span>${item.to}</span><span class='pv-secondary'>${item.from}</span></div>")
                        .withProperty("to", io.portevoix.delivery.SandboxSms::to)
                        .withProperty("from", m -> getTranslation("sandbox.sms.fromValue", m.from())))
                .setHeader(getTranslation("sandbox.sms.to")).setAutoWidth(true).setFlexGrow(0);
        smsGrid.addColumn(io.portevoix.delivery.SandboxSms::text).setHeader(getTranslation("sandbox.sms.text"))
                .setWidth("320px").setFlexGrow(1);
        smsGrid.addColumn(com.vaadin.flow.data.renderer.LitRenderer.<io.portevoix.delivery.SandboxSms>of(
                        "<div class='pv-cell-stack'><span>${item.parts}</span><span class='pv-secondary'>${item.encoding}</span></div>")
                        .withProperty("parts", m -> getTranslation("sandbox.sms.partsValue", m.parts()))
                        .withProperty("encoding", m -> getTranslation("templates.sms.encoding." + m.encoding())))
                .setHeader(getTranslation("sandbox.sms.parts")).setAutoWidth(true).setFlexGrow(0);
        smsGrid.addComponentColumn(m -> {
            Span badge = new Span(getTranslation("sandbox.sms.receipt." + (m.receipt() == null ? "NONE" : m.receipt())));
            badge.getElement().getThemeList().add(m.receipt() == null ? "badge contrast"
                    : "DELIVERED".equals(m.receipt()) ? "badge success" : "badge error");
            badge.addClassName("pv-sms-receipt");
            return badge;
        }).setHeader(getTranslation("sandbox.sms.receipt")).setAutoWidth(true).setFlexGrow(0);
        smsGrid.addComponentColumn(m -> {
            var menu = io.portevoix.shell.RowMenu.create();
            menu.addItem(getTranslation("sandbox.sms.replyStop"), e -> reply(m.to(), "STOP"));
            menu.addItem(getTranslation("sandbox.sms.reply"), e -> replyDialog(m.to()));
            return menu;
        }).setWidth("64px").setFlexGrow(0);
        smsGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        smsGrid.setSizeFull();
        smsGrid.setId("sandbox-sms");
        smsGrid.setEmptyStateText(getTranslation("sandbox.sms.empty"));
        smsSearch.setPlaceholder(getTranslation("sandbox.sms.search"));
        smsSearch.setPrefixComponent(VaadinIcon.SEARCH.create());
        smsSearch.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        smsSearch.setClearButtonVisible(true);
        smsSearch.setWidth("320px");
        smsSearch.setId("sandbox-sms-search");
        smsSearch.addValueChangeListener(e -> refreshSms());
        smsTotal.addClassName("pv-secondary");
        smsTotal.setId("sandbox-sms-total");
        Button refresh = new Button(getTranslation("sandbox.refresh"), VaadinIcon.REFRESH.create(), e -> refreshSms());
        refresh.setId("sandbox-sms-refresh");
        com.vaadin.flow.component.orderedlayout.HorizontalLayout bar =
                new com.vaadin.flow.component.orderedlayout.HorizontalLayout(smsSearch, refresh, smsTotal);
        bar.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        Paragraph help = new Paragraph(getTranslation("sandbox.sms.help"));
        help.addClassName("pv-secondary");
        Div tab = new Div(help, bar, smsGrid);
        tab.addClassName("pv-list");
        tab.addClassName("pv-sandbox-sms");
        tab.setSizeFull();
        refreshSms();
        return tab;
    }

    private void refreshSms() {
        String wanted = smsSearch.getValue().strip().toLowerCase(getLocale());
        String digits = wanted.replaceAll("[\\s.()-]", "");
        String number = digits.startsWith("0") ? digits.substring(1) : digits;
        java.util.List<io.portevoix.delivery.SandboxSms> all = smsSandbox.messages();
        java.util.List<io.portevoix.delivery.SandboxSms> shown = wanted.isEmpty() ? all : all.stream()
                .filter(m -> m.text().toLowerCase(getLocale()).contains(wanted)
                        || (!number.isEmpty() && (m.to().contains(number) || m.from().toLowerCase(getLocale()).contains(number))))
                .toList();
        if (shown.equals(shownSms)) {
            return;
        }
        shownSms = shown;
        smsGrid.setItems(shown);
        smsTotal.setText(getTranslation("sandbox.sms.total", shown.size(), all.size()));
    }

    private void reply(String from, String text) {
        smsSandbox.reply(from, text);
        com.vaadin.flow.component.notification.Notification.show(getTranslation("sandbox.sms.replied", from, text), 3000,
                com.vaadin.flow.component.notification.Notification.Position.BOTTOM_END);
    }

    private void replyDialog(String from) {
        com.vaadin.flow.component.dialog.Dialog dialog = new com.vaadin.flow.component.dialog.Dialog(
                getTranslation("sandbox.sms.reply.title", from));
        com.vaadin.flow.component.textfield.TextField text = new com.vaadin.flow.component.textfield.TextField(
                getTranslation("sandbox.sms.text"));
        text.setWidthFull();
        text.setId("sandbox-reply-text");
        dialog.add(text);
        Button send = new Button(getTranslation("sandbox.sms.reply.send"), e -> {
            reply(from, text.getValue());
            dialog.close();
        });
        send.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_PRIMARY);
        send.setId("sandbox-reply-send");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), send);
        dialog.open();
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        event.getUI().setPollInterval(2_000);
        polling = event.getUI().addPollListener(e -> refreshSms());
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
            polling = null;
        }
    }

    /** The poll listener of the attached view, removed when it leaves (another view may poll too). */
    private com.vaadin.flow.shared.@org.jspecify.annotations.Nullable Registration polling;

    private void refresh() {
        grid.setItems(sandbox.messages());
        show(null);
    }

    private void show(SandboxMessage message) {
        detail.removeAll();
        if (message == null) {
            detail.add(new Span(getTranslation("sandbox.pick")));
            return;
        }
        H3 subject = new H3(message.subject());
        Paragraph meta = new Paragraph(getTranslation("sandbox.meta", message.from(), String.join(", ", message.to())));
        IFrame html = new IFrame();
        html.setSrcdoc(message.html());
        html.getElement().setAttribute("sandbox", "");
        html.getElement().setAttribute("title", message.subject());
        html.setSizeFull();
        html.addClassName("pv-sandbox-frame");
        Pre text = new Pre(message.text());
        TabSheet tabs = new TabSheet();
        tabs.add("HTML", html);
        tabs.add(getTranslation("sandbox.textVersion"), text);
        tabs.setSizeFull();
        detail.add(subject, meta, tabs);
    }
}
